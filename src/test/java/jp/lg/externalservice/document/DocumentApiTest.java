package jp.lg.externalservice.document;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.termination.TerminationProcess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The PDF documents of a case over real HTTP, read back with PDFBox: an application walked through
 * the review to its approval and then terminated, and one rejected; who may have them.
 */
class DocumentApiTest extends WebTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Autowired private RuntimeService runtimeService;
  @Autowired private RegistryService registry;

  /** Who completes each step, with which answers (as LifecycleDriver). */
  private static final Map<String, Object[]> STEPS =
      Map.of(
          ApplicationProcess.Element.CHECK_SELECTION_CRITERIA,
              new Object[] {"sato", TaskAnswers.allCriteriaMet()},
          ApplicationProcess.Element.ACCEPT_RISKS,
              new Object[] {
                "sato", TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS)
              },
          ApplicationProcess.Element.SELF_CHECK_MEASURES,
              new Object[] {"sato", TaskAnswers.measuresAllMet()},
          CaseSteps.DOUBLE_CHECK,
              new Object[] {"takahashi", TaskAnswers.doubleCheck("FORWARD", null)},
          CaseSteps.REVIEW, new Object[] {"yamamoto", TaskAnswers.review("APPROVE", null)},
          ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS,
              new Object[] {"sato", TaskAnswers.usageRisksAcknowledged()},
          ReviewProcess.Element.RECORD_CONTRACT,
              new Object[] {"sato", Map.of("contractDate", "2099-06-01")},
          ReviewProcess.Element.REVIEW_IT_PLANNING,
              new Object[] {"kimura", Map.of("itPlanningDecision", "APPROVED")},
          ApplicationProcess.Element.ACKNOWLEDGE_REJECTION, new Object[] {"sato", Map.of()});

  /** A binary answer. */
  record Bytes(int status, byte[] body, java.net.http.HttpHeaders headers) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private Bytes download(String path, String user) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
      if (user != null) {
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
      }
      HttpResponse<byte[]> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(response.statusCode(), response.body(), response.headers());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PDF's text, after checking what every PDF answer must be. */
  private String pdfText(Bytes answer, String name) throws IOException {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
    assertThat(answer.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename*=UTF-8''%E")
        .containsPattern("filename=\"[a-z]+_R[0-9]+-[0-9]+\\.pdf\"");
    try (PDDocument pdf = Loader.loadPDF(answer.body())) {
      for (PDPage page : pdf.getPages()) {
        assertThat(page.getMediaBox().getWidth()).as("A4").isBetween(595f, 596f);
        for (var fontName : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(fontName);
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
          assertThat(font.getName()).contains("IPAexGothic");
        }
      }
      // the pages as images, to look at (target/documents/*.png)
      for (int i = 0; i < Math.min(pdf.getNumberOfPages(), 3); i++) {
        BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(i, 110);
        Path out = Path.of("target", "documents", name + (i == 0 ? "" : "-" + (i + 1)) + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(image, "png", out.toFile());
      }
      return new PDFTextStripper().getText(pdf);
    }
  }

  private List<String> treeOf(String instance) {
    List<String> ids = new ArrayList<>(List.of(instance));
    for (int i = 0; i < ids.size(); i++) {
      get("/engine-rest/process-instance?superProcessInstance=" + ids.get(i), "demo")
          .body()
          .forEach(sub -> ids.add(sub.get("id").asText()));
    }
    return ids;
  }

  /** Completes the case's tasks as their people would, until {@code stopAt} is open or none is. */
  private void walk(String instance, String stopAt) {
    for (int round = 0; round < 20; round++) {
      runAsyncContinuations();
      JsonNode tasks =
          get("/engine-rest/task?processInstanceIdIn=" + String.join(",", treeOf(instance)), "demo")
              .body();
      if (tasks.isEmpty()) {
        return;
      }
      String key = tasks.get(0).get("taskDefinitionKey").asText();
      if (key.equals(stopAt)) {
        return;
      }
      Object[] step = STEPS.get(key);
      assertThat(step).as("the walk does not expect " + key).isNotNull();
      @SuppressWarnings("unchecked")
      Answer done =
          postJson(
              "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
              (String) step[0],
              formVariables((Map<String, Object>) step[1]));
      assertThat(done.status()).as(key + ": " + done.text()).isEqualTo(204);
    }
  }

  private void decide(String instance, String choice, String reason) {
    JsonNode tasks =
        get(
                "/engine-rest/task?taskDefinitionKey="
                    + CaseSteps.DECIDE
                    + "&processInstanceIdIn="
                    + String.join(",", treeOf(instance)),
                "demo")
            .body();
    Answer decided =
        postJson(
            "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
            "kobayashi",
            formVariables(TaskAnswers.decision(choice, reason)));
    assertThat(decided.status()).as(decided.text()).isEqualTo(204);
  }

  private String caseNumber(String instance) {
    return (String) runtimeService.getVariable(instance, "caseNumber");
  }

  @Test
  @DisplayName("申請書・許可通知書・終了確認書の PDF は埋め込みフォントで日本語の内容を含み、申請一覧と同じ人だけが得られ、決定前・終了前は理由つきで断られる")
  void documentsOfAnApprovedAndTerminatedCase() throws IOException {
    String instance =
        fileApplication(
            "sato",
            kintone()
                .service("書類テスト kintone", "CLOUD_INTERNET", "BUSINESS_APPLICATION")
                .paid(true)
                .variables());
    String number = caseNumber(instance);
    String base = "/api/applications/" + number;
    walk(instance, CaseSteps.DECIDE);

    Bytes early = download(base + "/decision.pdf", "sato");
    assertThat(early.status()).as("not decided yet").isEqualTo(409);
    assertThat(early.text()).contains("まだ決定されていません", "not been decided");
    assertThat(download(base + "/termination.pdf", "sato").status()).isEqualTo(409);
    assertThat(get(base + "/documents", "sato").text())
        .contains("application.pdf", "audit.csv")
        .doesNotContain("decision.pdf");

    decide(instance, "APPROVE", "区民相談の記録に限って利用を許可する");
    walk(instance, null);

    String application = pdfText(download(base + "/application.pdf", "sato"), "application");
    assertThat(application)
        .contains(
            "様式2",
            "外部サービス利用申請書",
            "受付番号",
            number,
            "書類テスト kintone",
            "サイボウズ株式会社",
            "利用に係るリスクの受容",
            "受容済み",
            "確認事項",
            "経過",
            "佐藤 花子");
    String decision = pdfText(download(base + "/decision.pdf", "sato"), "decision");
    assertThat(decision)
        .contains("外部サービス利用許可通知書", number, "許可", "区民相談の記録に限って利用を許可する", "利用の条件", "様式7", "判定の根拠");
    assertThat(decision).doesNotContain("不許可");
    assertThat(decision)
        .as("rules cited as staff read them")
        .contains("練馬区ガイドライン §9(3)")
        .doesNotContain("ruling", "004 §");
    assertThat(pdfText(download(base + "/application.pdf", "sato"), "application"))
        .as("section headings cite in staff words too")
        .contains("約款による外部サービスの利用手順 §5(2)")
        .doesNotContain("002 §", "004 §");
    assertThat(get(base + "/documents", "sato").text()).contains("decision.pdf");

    // who may have them: as the printable record
    assertThat(download(base + "/application.pdf", "tanaka").status()).as("所属長").isEqualTo(200);
    assertThat(download(base + "/decision.pdf", "yamamoto").status()).as("情報政策課").isEqualTo(200);
    for (String document : List.of("application.pdf", "decision.pdf", "termination.pdf")) {
      Bytes other = download(base + "/" + document, "suzuki");
      assertThat(other.status()).as("another department: " + document).isEqualTo(404);
      assertThat(download("/api/applications/R99-9999/" + document, "sato").status())
          .as("unknown")
          .isEqualTo(404);
      assertThat(other.text())
          .isEqualTo(download("/api/applications/R99-9999/" + document, "suzuki").text());
    }
    assertThat(download(base + "/application.pdf", null).status()).isEqualTo(401);

    // the termination, confirmed by the 利用責任者
    String entryId = (String) registryEntryOf(instance);
    Answer started =
        postJson(
            "/engine-rest/process-definition/key/" + TerminationProcess.KEY + "/submit-form",
            "tanaka",
            formVariables(TaskAnswers.terminationRequest(entryId, "LEDGER_SURVEY")));
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    String termination = started.body().get("id").asText();
    assertThat(download(base + "/termination.pdf", "sato").status())
        .as("filed, not confirmed")
        .isEqualTo(409);
    JsonNode check = get("/engine-rest/task?processInstanceId=" + termination, "demo").body();
    String checkTask = check.get(0).get("id").asText();
    Answer ofTermination = get("/api/tasks/" + checkTask + "/documents", "demo");
    assertThat(ofTermination.status())
        .as("a termination task leads to its application")
        .isEqualTo(200);
    assertThat(ofTermination.body().get("caseNumber").asText()).isEqualTo(number);
    assertThat(get("/api/tasks/" + checkTask + "/documents", "takahashi").status())
        .as("the 利用責任者 holds the task but may not see the case in 申請一覧")
        .isEqualTo(404);
    Answer confirmed =
        postJson(
            "/engine-rest/task/" + check.get(0).get("id").asText() + "/submit-form",
            "takahashi",
            formVariables(
                Map.of(
                    "terminationDoubleCheck",
                    TaskAnswers.checklist("t", 4),
                    "terminationDecision",
                    "CONFIRM")));
    assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(204);
    runAsyncContinuations();
    assertThat(registry.find(entryId).orElseThrow().status()).isEqualTo(RegistryStatus.TERMINATED);

    String ended = pdfText(download(base + "/termination.pdf", "sato"), "termination");
    assertThat(ended)
        .contains(
            "外部サービス終了確認書",
            number,
            "データ消去証明書 No.2027-0331",
            "後継システムへ移行するため",
            "2027年3月31日",
            "廃棄の証跡",
            "利用していたデータは確実に消去されているか",
            "高橋");
    assertThat(download(base + "/termination.pdf", "suzuki").status()).isEqualTo(404);
  }

  private Object registryEntryOf(String instance) {
    return historyVariable(instance, "registryEntryId");
  }

  @Autowired private org.camunda.bpm.engine.HistoryService historyService;

  private Object historyVariable(String instance, String name) {
    return historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance)
        .variableName(name)
        .singleResult()
        .getValue();
  }

  @Test
  @DisplayName("不許可の通知書は不許可の理由を示し、タスクの画面からはその案件の書類が見える")
  void rejectedCaseAndTheTaskView() throws IOException {
    String instance =
        fileApplication(
            "sato",
            kintone()
                .service("不許可テスト", "CLOUD_INTERNET", "BUSINESS_APPLICATION")
                .paid(false)
                .variables());
    String number = caseNumber(instance);
    walk(instance, CaseSteps.DECIDE);

    JsonNode decideTask =
        get(
                "/engine-rest/task?taskDefinitionKey="
                    + CaseSteps.DECIDE
                    + "&processInstanceIdIn="
                    + String.join(",", treeOf(instance)),
                "demo")
            .body()
            .get(0);
    Answer ofTask = get("/api/tasks/" + decideTask.get("id").asText() + "/documents", "kobayashi");
    assertThat(ofTask.status()).as(ofTask.text()).isEqualTo(200);
    assertThat(ofTask.body().get("caseNumber").asText()).isEqualTo(number);
    assertThat(ofTask.text()).contains("申請書", "application.pdf");
    assertThat(get("/api/tasks/" + decideTask.get("id").asText() + "/documents", "suzuki").status())
        .as("not her task")
        .isEqualTo(404);

    decide(instance, "REJECT", "同等の機能を持つ区の標準サービスがあるため");
    walk(instance, null);
    String decision =
        pdfText(download("/api/applications/" + number + "/decision.pdf", "sato"), "rejection");
    assertThat(decision)
        .contains("外部サービス利用不許可通知書", "不許可の理由", "同等の機能を持つ区の標準サービスがあるため")
        .doesNotContain("利用の条件");
  }

  @Test
  @DisplayName("重要情報ありの申請書は様式1で、別表の選定基準と回答を載せる")
  void importantApplicationCarriesTheSelectionCriteria() throws IOException {
    String instance =
        fileApplication(
            "sato",
            kintone()
                .service("様式1テスト", "CLOUD_INTERNET", "BUSINESS_APPLICATION")
                .informationTypes("PERSONAL")
                .variables());
    walk(instance, CaseSteps.DOUBLE_CHECK);
    String number = caseNumber(instance);
    String application =
        pdfText(download("/api/applications/" + number + "/application.pdf", "sato"), "form1");
    assertThat(application)
        .contains("様式1", "重要情報の取扱いあり", "別表", "外部サービス選定基準", "No.1", "必須", "日本の法令が適用され", "様式1テスト")
        .doesNotContain("利用に係るリスクの受容");
  }
}
