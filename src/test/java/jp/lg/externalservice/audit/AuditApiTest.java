package jp.lg.externalservice.audit;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.CsvRows;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.Actor;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecordRepository;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit record of a case over real HTTP (issue 15): every step in order with its actor, role,
 * answers, result and rule; the same as CSV; and who may read it.
 */
class AuditApiTest extends WebTest {

  private static final String CLASSIFY = ApplicationProcess.Element.CLASSIFY;

  @Autowired private RuntimeService runtimeService;
  @Autowired private CaseRecordRepository records;

  private record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {}

  private Download download(String path, String user, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
            .GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Download(response.statusCode(), response.body(), response.headers());
  }

  /**
   * Completes the case's one open task {@code key} as {@code user}, through the engine REST API.
   */
  private void complete(String caseNumber, String key, String user, Map<String, Object> answers) {
    Answer tasks =
        get(
            "/engine-rest/task?processInstanceBusinessKey="
                + caseNumber
                + "&taskDefinitionKey="
                + key,
            user);
    assertThat(tasks.body()).as(key + " for " + user + ": " + tasks.text()).hasSize(1);
    Answer done =
        postJson(
            "/engine-rest/task/" + tasks.body().get(0).get("id").asText() + "/submit-form",
            user,
            formVariables(answers));
    assertThat(done.status()).as(key + ": " + done.text()).isEqualTo(204);
    runAsyncContinuations();
  }

  private void prepareAndSelfCheck(String caseNumber) {
    complete(
        caseNumber,
        ApplicationProcess.Element.ACCEPT_RISKS,
        "sato",
        TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS));
    complete(
        caseNumber,
        ApplicationProcess.Element.SELF_CHECK_MEASURES,
        "sato",
        TaskAnswers.measuresAllMet());
  }

  /**
   * Filed, returned at the double check, corrected, forwarded, reviewed, approved, acknowledged.
   */
  private String returnedCorrectedAndApproved() {
    String instance = fileApplication("sato", kintone().paid(false).variables());
    String caseNumber = (String) runtimeService.getVariable(instance, "caseNumber");
    prepareAndSelfCheck(caseNumber);
    complete(
        caseNumber,
        CaseSteps.DOUBLE_CHECK,
        "takahashi",
        TaskAnswers.doubleCheck("RETURN", "利用者の範囲を具体的に書いてください"));
    complete(
        caseNumber,
        ApplicationProcess.Element.CORRECT_APPLICATION,
        "sato",
        kintone()
            .paid(false)
            .with("users", "区民課 相談係 5 名")
            .with("correctionNote", "利用者を相談係の 5 名に限りました")
            .variables());
    prepareAndSelfCheck(caseNumber);
    complete(
        caseNumber, CaseSteps.DOUBLE_CHECK, "takahashi", TaskAnswers.doubleCheck("FORWARD", null));
    complete(caseNumber, CaseSteps.REVIEW, "yamamoto", TaskAnswers.review("APPROVE", "問題なし"));
    complete(caseNumber, CaseSteps.DECIDE, "kobayashi", TaskAnswers.decision("APPROVE", null));
    complete(
        caseNumber,
        ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS,
        "sato",
        TaskAnswers.usageRisksAcknowledged());
    return caseNumber;
  }

  private static List<JsonNode> steps(Answer audit) {
    assertThat(audit.status()).as(audit.text()).isEqualTo(200);
    List<JsonNode> steps = new ArrayList<>();
    audit.body().get("steps").forEach(steps::add);
    return steps;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static JsonNode only(List<JsonNode> steps, String step, String result) {
    List<JsonNode> found =
        steps.stream()
            .filter(s -> step.equals(text(s, "step")) && result.equals(text(s, "result")))
            .toList();
    assertThat(found).as(step + " " + result).hasSize(1);
    return found.get(0);
  }

  @Test
  @DisplayName("監査記録: 差戻し・修正・承認を経た案件の全手順が、時刻順に、実施者・役割・回答・結果・根拠つきで並ぶ")
  void everyStepInOrder() {
    String caseNumber = returnedCorrectedAndApproved();
    Answer audit = get("/api/applications/" + caseNumber + "/audit", "sato");
    List<JsonNode> steps = steps(audit);
    assertThat(audit.body().get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(audit.body().get("applicantName").asText()).isEqualTo("佐藤 花子");

    assertThat(steps)
        .extracting(s -> text(s, "step"), s -> text(s, "actorId"), s -> text(s, "result"))
        .containsExactly(
            tuple(null, "sato", "OPENED"),
            tuple(ApplicationProcess.Element.FILL_IN_APPLICATION, "sato", "SUBMITTED"),
            tuple(CLASSIFY, "(system)", "APPLICATION_REQUIRED"),
            tuple(ApplicationProcess.Element.ACCEPT_RISKS, "sato", "SUBMITTED"),
            tuple(ApplicationProcess.Element.SELF_CHECK_MEASURES, "sato", "SUBMITTED"),
            tuple(CaseSteps.DOUBLE_CHECK, "takahashi", "RETURNED"),
            tuple(ApplicationProcess.Element.CORRECT_APPLICATION, "sato", "SUBMITTED"),
            tuple(CLASSIFY, "(system)", "APPLICATION_REQUIRED"),
            tuple(ApplicationProcess.Element.ACCEPT_RISKS, "sato", "SUBMITTED"),
            tuple(ApplicationProcess.Element.SELF_CHECK_MEASURES, "sato", "SUBMITTED"),
            tuple(CaseSteps.DOUBLE_CHECK, "takahashi", "FORWARDED"),
            tuple(CaseSteps.REVIEW, "yamamoto", "APPROVED"),
            tuple(CaseSteps.DECIDE, "kobayashi", "APPROVED"),
            tuple(null, "kobayashi", "REGISTERED"),
            tuple(ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, "sato", "ACKNOWLEDGED"));
    for (int i = 1; i < steps.size(); i++) {
      assertThat(text(steps.get(i), "at"))
          .as("in time order")
          .isGreaterThanOrEqualTo(text(steps.get(i - 1), "at"));
    }
    assertThat(steps)
        .allSatisfy(
            step -> {
              assertThat(text(step, "atIso")).endsWith("+09:00");
              assertThat(text(step, "atDisplay")).matches("[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日 .*");
              assertThat(step.get("deputy").asBoolean())
                  .as("代理 is recorded from issue 16 on")
                  .isFalse();
              assertThat(step.get("deputyFor").isNull()).isTrue();
            });

    JsonNode returned = only(steps, CaseSteps.DOUBLE_CHECK, "RETURNED");
    assertThat(text(returned, "actorName")).isEqualTo("高橋 健");
    assertThat(text(returned, "roleLabel")).isEqualTo("区民課 利用責任者");
    assertThat(text(returned, "resultLabel")).isEqualTo("差戻し");
    assertThat(returned.get("answers").get("doubleCheckDecision").asText()).isEqualTo("RETURN");
    assertThat(returned.get("answers").get("doubleCheckComment").asText())
        .isEqualTo("利用者の範囲を具体的に書いてください");
    assertThat(returned.get("answers").get("doubleCheck").get("item1").asText()).isEqualTo("YES");
    assertThat(text(returned, "rule")).contains("002 §5(2)");
    assertThat(text(returned, "ruleLabel")).contains("約款による外部サービスの利用手順 §5(2)");

    JsonNode corrected = only(steps, ApplicationProcess.Element.CORRECT_APPLICATION, "SUBMITTED");
    assertThat(text(corrected, "roleLabel")).isEqualTo("申請者");
    assertThat(corrected.get("answers").get("correctionNote").asText())
        .isEqualTo("利用者を相談係の 5 名に限りました");
    assertThat(corrected.get("answers").get("users").asText()).isEqualTo("区民課 相談係 5 名");

    JsonNode decided = only(steps, CaseSteps.DECIDE, "APPROVED");
    assertThat(text(decided, "actorName")).isEqualTo("小林 浩");
    assertThat(text(decided, "roleLabel")).isEqualTo("情報政策課長（許可権限者）");
    assertThat(text(decided, "resultLabel")).isEqualTo("承認");
    assertThat(decided.get("answers").get("decisionChoice").asText()).isEqualTo("APPROVE");
    assertThat(text(decided, "ruleLabel")).isEqualTo("情報セキュリティ対策基準 第10 2(4)");
    assertThat(text(only(steps, CaseSteps.REVIEW, "APPROVED"), "roleLabel"))
        .isEqualTo("情報政策課 審査担当");
    assertThat(
            text(
                only(steps, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, "ACKNOWLEDGED"),
                "roleLabel"))
        .isEqualTo("サービス管理担当者");

    List<JsonNode> classified =
        steps.stream().filter(s -> CLASSIFY.equals(text(s, "step"))).toList();
    assertThat(classified)
        .allSatisfy(
            step -> {
              assertThat(text(step, "resultLabel")).contains("無料");
              assertThat(text(step, "rule")).isNotBlank();
              assertThat(text(step, "ruleLabel")).contains("練馬区ガイドライン");
            });

    assertThat(steps)
        .filteredOn(step -> step.get("answers") != null && !step.get("answers").isNull())
        .allSatisfy(
            step ->
                assertThat(iterable(step.get("answers").fieldNames()))
                    .as("only the step's own form fields")
                    .doesNotContain("applicant", "shown", "caseNumber", "departmentCode", "route"));
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  @Test
  @DisplayName("監査記録の CSV（Accept: text/csv と audit.csv）は JSON と同じ行を、台帳 CSV と同じ形式で返す")
  void csvReadsBackTheSame() throws Exception {
    String caseNumber = returnedCorrectedAndApproved();
    List<JsonNode> steps = steps(get("/api/applications/" + caseNumber + "/audit", "tanaka"));

    Download csv = download("/api/applications/" + caseNumber + "/audit", "tanaka", "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow().toLowerCase())
        .startsWith("text/csv")
        .contains("charset=utf-8");
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"audit-" + caseNumber + ".csv\"");
    List<List<String>> rows = CsvRows.parse(csv.body());
    assertThat(rows.get(0))
        .containsExactly(
            "受付番号",
            "日時",
            "日時（ISO 8601）",
            "手続",
            "手順",
            "実施者ID",
            "実施者",
            "役割",
            "代理",
            "代理元",
            "回答",
            "結果",
            "根拠");
    assertThat(rows).hasSize(steps.size() + 1);
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      assertThat(rows.get(i + 1))
          .as("line " + (i + 1))
          .containsExactly(
              caseNumber,
              text(step, "atDisplay"),
              text(step, "atIso"),
              text(step, "processLabel"),
              text(step, "stepName"),
              orEmpty(text(step, "actorId")),
              orEmpty(text(step, "actorName")),
              orEmpty(text(step, "roleLabel")),
              "",
              "",
              text(step, "answersText"),
              orEmpty(text(step, "resultLabel")),
              orEmpty(text(step, "ruleLabel")));
    }
    assertThat(rows.get(6).get(10)).contains("\"doubleCheckDecision\":\"RETURN\"");

    Download link = download("/api/applications/" + caseNumber + "/audit.csv", "tanaka", null);
    assertThat(link.status()).isEqualTo(200);
    assertThat(CsvRows.parse(link.body())).isEqualTo(rows);
    assertThat(
            get("/api/applications/" + caseNumber + "/audit", "tanaka")
                .headers()
                .firstValue("Content-Type")
                .orElseThrow())
        .as("without Accept: JSON")
        .startsWith("application/json");
  }

  @Test
  @DisplayName("監査記録を読めるのは申請者の部署（申請者・所属長・部署の職員）と情報政策課だけ。他部署と存在しない番号は同じ 404")
  void accessIsTheCaseDepartmentsAndInformationPolicy() throws Exception {
    String instance = fileApplication("sato", kintone().variables());
    String caseNumber = (String) runtimeService.getVariable(instance, "caseNumber");
    String path = "/api/applications/" + caseNumber + "/audit";
    for (String user : List.of("sato", "tanaka", "takahashi", "yamamoto", "kobayashi", "demo")) {
      Answer answer = get(path, user.equals("demo") ? "demo:demo" : user);
      assertThat(answer.status()).as(user).isEqualTo(200);
    }
    for (String user : List.of("suzuki", "watanabe", "ito", "kimura")) {
      Answer answer = get(path, user);
      assertThat(answer.status()).as(user).isEqualTo(404);
      assertThat(answer.body().get("error").asText()).isEqualTo("申請が見つかりません");
      assertThat(download(path, user, "text/csv").status()).as(user + " CSV").isEqualTo(404);
      assertThat(download(path + ".csv", user, null).status()).as(user + " .csv").isEqualTo(404);
    }
    Answer unknown = get("/api/applications/R99-9999/audit", "yamamoto");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text()).isEqualTo(get(path, "suzuki").text());
    assertThat(get("/api/applications/" + "R".repeat(40) + "/audit", "yamamoto").status())
        .isEqualTo(404);
    assertThat(get(path, null).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("回答の記録より前の行為（V6 以前）は、回答を「記録なし」と示す")
  void olderActsSayNoRecord() {
    String instance = fileApplication("sato", kintone().variables());
    String caseNumber = (String) runtimeService.getVariable(instance, "caseNumber");
    // as an act written before V6: no answers column value
    records.insertAct(
        new CaseAct(
            instance,
            instance,
            ApplicationProcess.Element.ACCEPT_RISKS,
            new Actor("sato", "佐藤 花子"),
            CaseAct.APPLICANT,
            ActResult.SUBMITTED,
            JapanClock.now()));
    List<JsonNode> steps = steps(get("/api/applications/" + caseNumber + "/audit", "sato"));
    JsonNode older = only(steps, ApplicationProcess.Element.ACCEPT_RISKS, "SUBMITTED");
    assertThat(older.get("answers").isNull()).isTrue();
    assertThat(text(older, "answersText")).isEqualTo("記録なし");
    JsonNode filed = only(steps, ApplicationProcess.Element.FILL_IN_APPLICATION, "SUBMITTED");
    assertThat(filed.get("answers").get("serviceName").asText()).isEqualTo("kintone");
    assertThat(filed.get("answers").get("informationTypes").get(0).asText()).isEqualTo("INTERNAL");
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
