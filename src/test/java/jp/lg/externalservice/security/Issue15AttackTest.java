package jp.lg.externalservice.security;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseRecordRepository;
import jp.lg.externalservice.certification.CertificationClaims;
import jp.lg.externalservice.certification.CertificationReview;
import jp.lg.externalservice.certification.CertificationWatch;
import jp.lg.externalservice.review.ReviewProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attacks on the issue-15 change (mail outbox and settings, PDF documents, audit record, registry
 * xlsx, certifications) by signed-in staff over real HTTP. Every test asserts the safe behaviour:
 * it fails when the hole is open.
 */
class Issue15AttackTest extends WebTest {

  private static final HttpClient RAW = HttpClient.newHttpClient();
  @Autowired private RuntimeService runtimeService;
  @Autowired private TaskService taskService;
  @Autowired private CaseRecordRepository records;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private jp.lg.externalservice.registry.RegistryService registry;

  private String caseNumber(String instance) {
    return records.find(instance).orElseThrow().caseNumber();
  }

  /** Any request with raw headers; {@code user} null sends no credentials. */
  private Answer raw(String method, String path, String user, Map<String, String> headers) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .method(method, HttpRequest.BodyPublishers.noBody());
      headers.forEach(request::header);
      if (user != null) {
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
      }
      HttpResponse<byte[]> response =
          RAW.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      String text = new String(response.body(), StandardCharsets.UTF_8);
      return new Answer(response.statusCode(), null, text, response.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer postBytes(String path, String user, String contentType, byte[] body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (user != null) {
        String credentials = user.contains(":") ? user : user + ":" + user;
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
      }
      HttpResponse<String> response =
          RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), null, response.body(), response.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final List<String> DOCUMENT_PATHS =
      List.of(
          "/application.pdf",
          "/decision.pdf",
          "/termination.pdf",
          "/documents",
          "/audit",
          "/audit.csv",
          "/application.pdf/",
          "/audit/",
          "/application.PDF",
          "/audit.CSV",
          "/audit.json",
          "/audit.xml");

  private static final List<Map<String, String>> ACCEPTS =
      List.of(
          Map.of(),
          Map.of("Accept", "text/csv"),
          Map.of("Accept", "application/pdf"),
          Map.of("Accept", "text/html"),
          Map.of("Accept", "*/*"),
          Map.of("Accept", "application/xml"),
          Map.of("Accept", "text/csv;q=0.1, application/json;q=0.9"),
          Map.of("Accept", "image/png, ,;;;==="),
          Map.of("Accept", "x".repeat(3000)));

  @Test
  @DisplayName("他部署の申請と存在しない受付番号は、文書・監査記録のどの形式・メソッド・Accept でも同じ答え（存在が漏れない）")
  void anotherDepartmentsCaseAnswersAsAnUnknownOne() {
    String instance = fileApplication("sato", kintone().variables());
    String number = caseNumber(instance);
    String unknown = "R99-9999";
    assertThat(raw("GET", "/api/applications/" + number + "/audit", "sato", Map.of()).status())
        .as("the applicant reads her own record (the guard is not closed for everyone)")
        .isEqualTo(200);
    assertThat(
            raw("GET", "/api/applications/" + number + "/application.pdf", "sato", Map.of())
                .status())
        .isEqualTo(200);

    List<java.util.function.UnaryOperator<String>> numberVariants =
        List.of(
            n -> n,
            String::toLowerCase,
            n -> n + "%20",
            n -> "%20" + n,
            n -> n + ";x=1",
            n -> n + "%00",
            n -> n + "%2e",
            n -> "..%2F" + n,
            n -> n.replace("-", "%2D"),
            n -> n + "x".repeat(20),
            n -> "x".repeat(5000) + n);
    for (String user : List.of("suzuki", "watanabe")) {
      for (String method : List.of("GET", "HEAD")) {
        for (String path : DOCUMENT_PATHS) {
          for (Map<String, String> accept : ACCEPTS) {
            for (var variant : numberVariants) {
              String asked = variant.apply(number);
              String askedUnknown = variant.apply(unknown);
              Answer theirs = raw(method, "/api/applications/" + asked + path, user, accept);
              Answer none = raw(method, "/api/applications/" + askedUnknown + path, user, accept);
              String what = user + " " + method + " " + asked + path + " " + accept;
              assertThat(theirs.status()).as(what + ": " + theirs.text()).isNotIn(200, 204, 409);
              assertThat(theirs.status()).as(what).isEqualTo(none.status());
              // the error echoes the path the caller sent and the time: those may differ
              assertThat(comparable(theirs.text(), asked))
                  .as(what)
                  .isEqualTo(comparable(none.text(), askedUnknown));
              assertThat(theirs.headers().firstValue("Content-Type"))
                  .as(what)
                  .isEqualTo(none.headers().firstValue("Content-Type"));
              assertThat(theirs.headers().firstValue("Content-Disposition"))
                  .as(what + ": no file name with the case number")
                  .isEqualTo(none.headers().firstValue("Content-Disposition"));
            }
          }
        }
      }
    }
    // without a login: 401 for both, before anything is looked up
    for (String path : DOCUMENT_PATHS.subList(0, 6)) {
      Answer theirs = raw("GET", "/api/applications/" + number + path, null, Map.of());
      Answer none = raw("GET", "/api/applications/" + unknown + path, null, Map.of());
      assertThat(theirs.status()).as(path).isEqualTo(401);
      assertThat(theirs.text()).isEqualTo(none.text());
    }
  }

  private static String comparable(String text, String asked) {
    return text.replace(asked, "{number}")
        .replaceAll("\"timestamp\":\"[^\"]*\"", "")
        // the HTML error page's time: two requests may fall in different seconds
        .replaceAll("<div id='created'>[^<]*</div>", "")
        .replace(asked.replace("%2F", "/").replace("%20", " "), "{number}");
  }

  @Test
  @DisplayName("タスクの文書: タスクは見えても案件が見えない人、案件は見えてもタスクが見えない人、知らないタスクは同じ 404")
  void taskDocumentsNeedBothTheTaskAndTheCase() {
    String instance = fileApplication("sato", kintone().variables());
    Task risks =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(ApplicationProcess.Element.ACCEPT_RISKS)
            .singleResult();
    // setup, not the attack: a 福祉課 member is made a candidate of sato's task
    taskService.addCandidateUser(risks.getId(), "suzuki");
    assertThat(get("/engine-rest/task?processInstanceId=" + instance, "suzuki").body().size())
        .as("suzuki sees the task")
        .isEqualTo(1);
    Answer unknown = get("/api/tasks/no-such-task/documents", "suzuki");
    assertThat(unknown.status()).isEqualTo(404);
    Answer taskOnly = get("/api/tasks/" + risks.getId() + "/documents", "suzuki");
    assertThat(taskOnly.status()).as(taskOnly.text()).isEqualTo(404);
    assertThat(taskOnly.text()).isEqualTo(unknown.text());
    assertThat(taskOnly.text()).doesNotContain(caseNumber(instance));

    Answer own = get("/api/tasks/" + risks.getId() + "/documents", "sato");
    assertThat(own.status()).as(own.text()).isEqualTo(200);
    assertThat(own.text()).contains(caseNumber(instance));

    // tanaka (所属長 of 区民課) may open the case but has no task of it
    assertThat(get("/api/applications/" + caseNumber(instance) + "/documents", "tanaka").status())
        .isEqualTo(200);
    Answer caseOnly = get("/api/tasks/" + risks.getId() + "/documents", "tanaka");
    assertThat(caseOnly.status()).isEqualTo(404);
    assertThat(caseOnly.text()).isEqualTo(unknown.text());

    Answer longId = get("/api/tasks/" + "a".repeat(4000) + "/documents", "sato");
    assertThat(longId.status()).isIn(400, 404);
    assertThat(get("/api/tasks/" + risks.getId() + "/documents", null).status()).isEqualTo(401);
  }

  private Map<String, Boolean> settings(String user) {
    Answer answer = get("/api/me/notification-settings", user);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    Map<String, Boolean> settings = new LinkedHashMap<>();
    answer.body().forEach(s -> settings.put(s.get("kind").asText(), s.get("enabled").asBoolean()));
    return settings;
  }

  @Test
  @DisplayName("通知設定: 知らない種類・真偽でない値・巨大な本文・他人の設定は拒否され、項目を日英で名指しし、一部だけ保存されることはない")
  void notificationSettingsAreAllOrNothing() {
    Map<String, Boolean> before = settings("suzuki");
    Map<String, Boolean> tanakaBefore = settings("tanaka");
    assertThat(before).containsKey("DUE_SOON");

    List<Map<String, Object>> bad =
        List.of(
            Map.of("DUE_SOON", false, "NO_SUCH_KIND", false),
            Map.of("DUE_SOON", false, "due_soon", false),
            Map.of("DUE_SOON", false, "OVERDUE", "false"),
            Map.of("DUE_SOON", false, "OVERDUE", 0),
            Map.of("DUE_SOON", false, "OVERDUE", List.of(false)),
            Map.of("DUE_SOON", false, "OVERDUE", Map.of("enabled", false)),
            Map.of("DUE_SOON", false, "userId", "tanaka"),
            Map.of("DUE_SOON", false, "user", "tanaka", "RETURNED", false));
    for (Map<String, Object> body : bad) {
      Answer answer = send("PUT", "/api/me/notification-settings", "suzuki", body);
      assertThat(answer.status()).as(body + ": " + answer.text()).isEqualTo(400);
      assertThat(answer.body().get("error").asText()).isNotBlank();
      assertThat(answer.body().get("errorEn").asText()).isNotBlank();
      JsonFields fields = new JsonFields(answer);
      assertThat(fields.names)
          .as(body.toString())
          .doesNotContain("DUE_SOON")
          .isNotEmpty()
          .allSatisfy(name -> assertThat(body).containsKey(name));
      assertThat(fields.messages).allSatisfy(m -> assertThat(m).isNotBlank());
      assertThat(fields.messagesEn).allSatisfy(m -> assertThat(m).isNotBlank());
    }
    Map<String, Object> withNull = new LinkedHashMap<>();
    withNull.put("DUE_SOON", false);
    withNull.put("OVERDUE", null);
    assertThat(send("PUT", "/api/me/notification-settings", "suzuki", withNull).status())
        .isEqualTo(400);
    assertThat(send("PUT", "/api/me/notification-settings", "suzuki", List.of("DUE_SOON")).status())
        .isEqualTo(400);
    assertThat(send("PUT", "/api/me/notification-settings", "suzuki", null).status())
        .isEqualTo(400);
    assertThat(post("/api/me/notification-settings", "suzuki", "application/json", "{}").status())
        .isIn(404, 405);
    Answer text =
        send(
            "PUT",
            "/api/me/notification-settings?userId=tanaka",
            "suzuki",
            Map.of("DUE_SOON", false));
    assertThat(text.status())
        .as("a query naming another user changes only one's own")
        .isEqualTo(200);

    Map<String, Object> many = new LinkedHashMap<>();
    for (int i = 0; i < 20_000; i++) {
      many.put("K" + i, false); // under the request limit: the answer must still be bounded
    }
    many.put("OVERDUE", false);
    Answer huge = send("PUT", "/api/me/notification-settings", "suzuki", many);
    assertThat(huge.status()).isIn(400, 413);
    assertThat(huge.text().length())
        .as("the error names a bounded number of fields")
        .isLessThan(100_000);
    Answer longKey =
        send("PUT", "/api/me/notification-settings", "suzuki", Map.of("あ".repeat(200_000), false));
    assertThat(longKey.status()).isIn(400, 413);
    assertThat(longKey.text().length()).isLessThan(10_000);

    Map<String, Boolean> expected = new LinkedHashMap<>(before);
    expected.put("DUE_SOON", false);
    assertThat(settings("suzuki")).as("only the valid request was stored").isEqualTo(expected);
    assertThat(settings("tanaka")).as("nobody else's").isEqualTo(tanakaBefore);
    assertThat(
            send("PUT", "/api/me/notification-settings", null, Map.of("DUE_SOON", true)).status())
        .isEqualTo(401);
    assertThat(get("/api/me/notification-settings", null).status()).isEqualTo(401);
    assertThat(
            send("PUT", "/api/me/notification-settings", "suzuki", Map.of("DUE_SOON", true))
                .status())
        .isEqualTo(200);
  }

  /** The field names and messages of an InputValidationException answer. */
  private static final class JsonFields {
    final List<String> names = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<String> messagesEn = new ArrayList<>();

    JsonFields(Answer answer) {
      answer
          .body()
          .path("errors")
          .forEach(
              e -> {
                names.add(e.path("field").asText());
                messages.add(e.path("message").asText());
                messagesEn.add(e.path("messageEn").asText());
              });
    }
  }

  @Test
  @DisplayName("管理者用の API: 職員は 403、未ログインは 401、取り込みは何も保存しない")
  void adminEndpointsAreForAdministrators() {
    long imports =
        jdbc.queryForObject("SELECT COUNT(*) FROM certification_list_import", Long.class);
    byte[] csv = "サービス名,事業者名,登録番号,登録日\nx,y,C1,2024-01-01\n".getBytes(StandardCharsets.UTF_8);
    for (String user : List.of("sato", "tanaka", "kobayashi", "nakamura", "yamamoto")) {
      assertThat(get("/api/admin/notifications", user).status()).as(user).isEqualTo(403);
      assertThat(get("/api/admin/certification-lists", user).status()).as(user).isEqualTo(403);
      for (String list : List.of("ISMAP", "ISMAP-LIU", "SOC2", "..%2FISMAP")) {
        assertThat(
                postBytes("/api/admin/certification-lists/" + list, user, "text/csv", csv).status())
            .as(user + " " + list)
            .isIn(403, 400);
      }
      assertThat(postBytes("/api/admin/certification-lists/ISMAP", user, "text/csv", csv).status())
          .isEqualTo(403);
    }
    assertThat(get("/api/admin/notifications", null).status()).isEqualTo(401);
    assertThat(get("/api/admin/certification-lists", null).status()).isEqualTo(401);
    assertThat(postBytes("/api/admin/certification-lists/ISMAP", null, "text/csv", csv).status())
        .isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM certification_list_import", Long.class))
        .as("nothing imported")
        .isEqualTo(imports);
    assertThat(get("/api/admin/notifications", "demo:demo").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("第三者認証: 変数 API や他タスクの submit-form では書けず、他の案件の添付を証跡にできず、審査の表も偽造できない")
  void certificationsAreWrittenOnlyByTheFiling() {
    // suzuki's case has the file; sato's has none
    String theirs = startApplication("suzuki", kintone().variables());
    taskService.createAttachment(
        "application/pdf",
        null,
        theirs,
        "ismap.pdf",
        "登録証",
        new ByteArrayInputStream("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    String claim =
        "{\"ismap\":true,\"ismapNumber\":\"C21-0001-1\",\"ismapValidUntil\":\"2099-03-31\","
            + "\"ismapEvidence\":\"ismap.pdf\"}";
    String instance = startApplication("sato", kintone().variables());
    String draft = fillInTask(instance, "sato");
    Answer filed =
        postJson(
            "/engine-rest/task/" + draft + "/submit-form",
            "sato",
            formVariables(
                kintone()
                    .with(CertificationClaims.FIELD, SpinValues.jsonValue(claim).create())
                    .variables()));
    assertThat(filed.status()).as(filed.text()).isEqualTo(400);
    assertThat(filed.text()).contains("certifications.ismapEvidence");

    Map<String, Object> jsonValue = Map.of("value", claim, "type", "Json");
    Map<String, Object> rows =
        Map.of("value", "[{\"certification\":\"ISMAP\",\"onList\":\"登録あり\"}]", "type", "Json");
    List<String> paths =
        List.of(
            "/engine-rest/task/" + draft + "/variables/" + CertificationClaims.FIELD,
            "/engine-rest/task/" + draft + "/localVariables/" + CertificationClaims.FIELD,
            "/engine-rest/process-instance/" + instance + "/variables/" + CertificationClaims.FIELD,
            "/engine-rest/process-instance/" + instance + "/variables/" + CertificationReview.ROWS,
            "/engine-rest/execution/" + instance + "/localVariables/" + CertificationReview.ROWS);
    for (String path : paths) {
      assertThat(send("PUT", path, "sato", jsonValue).status()).as(path).isEqualTo(403);
    }
    for (String path :
        List.of(
            "/engine-rest/task/" + draft + "/variables",
            "/engine-rest/process-instance/" + instance + "/variables",
            "/engine-rest/execution/" + instance + "/localVariables")) {
      Answer modify =
          postJson(
              path,
              "sato",
              Map.of(
                  "modifications",
                  Map.of(CertificationClaims.FIELD, jsonValue, CertificationReview.ROWS, rows)));
      assertThat(modify.status()).as(path).isEqualTo(403);
    }
    assertThat(runtimeService.getVariable(instance, CertificationReview.ROWS)).isNull();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM certification_claim WHERE case_id = ?", Long.class, instance))
        .isZero();

    // filed without claims, then the reviewer's table forged through the review form
    Answer plain =
        postJson(
            "/engine-rest/task/" + draft + "/submit-form",
            "sato",
            formVariables(kintone().variables()));
    assertThat(plain.status()).as(plain.text()).isEqualTo(204);
    runAsyncContinuations();
    Task risks =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(ApplicationProcess.Element.ACCEPT_RISKS)
            .singleResult();
    Map<String, Object> withClaim =
        new LinkedHashMap<>(TaskAnswers.risksAccepted("TERMS_OF_USE", "[]"));
    withClaim.put(CertificationClaims.FIELD, SpinValues.jsonValue(claim).create());
    Answer laterClaim =
        postJson(
            "/engine-rest/task/" + risks.getId() + "/submit-form",
            "sato",
            formVariables(withClaim));
    assertThat(laterClaim.status()).as(laterClaim.text()).isIn(400, 403);
    assertThat(laterClaim.text()).contains(CertificationClaims.FIELD);

    runtimeService
        .createProcessInstanceModification(instance)
        .startBeforeActivity(ApplicationProcess.Element.DOUBLE_CHECK)
        .cancelAllForActivity(ApplicationProcess.Element.ACCEPT_RISKS)
        .execute();
    Task check =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(ApplicationProcess.Element.DOUBLE_CHECK)
            .singleResult();
    assertThat(
            postJson(
                    "/engine-rest/task/" + check.getId() + "/claim",
                    "takahashi",
                    Map.of("userId", "takahashi"))
                .status())
        .isEqualTo(204);
    Map<String, Object> forward = new LinkedHashMap<>(TaskAnswers.doubleCheck("FORWARD", null));
    forward.put(CertificationReview.ROWS, SpinValues.jsonValue("[]").create());
    Answer forged =
        postJson(
            "/engine-rest/task/" + check.getId() + "/submit-form",
            "takahashi",
            formVariables(forward));
    assertThat(forged.status()).as(forged.text()).isIn(400, 403);
    Answer forwarded =
        postJson(
            "/engine-rest/task/" + check.getId() + "/submit-form",
            "takahashi",
            formVariables(TaskAnswers.doubleCheck("FORWARD", null)));
    assertThat(forwarded.status()).as(forwarded.text()).isEqualTo(204);
    runAsyncContinuations();
    Task review =
        taskService
            .createTaskQuery()
            .processDefinitionKey(ReviewProcess.KEY)
            .taskDefinitionKey(ReviewProcess.Element.REVIEW)
            .processInstanceBusinessKey(caseNumber(instance))
            .singleResult();
    assertThat(review).isNotNull();
    Object shown = taskService.getVariable(review.getId(), CertificationReview.ROWS);
    assertThat(
            postJson(
                    "/engine-rest/task/" + review.getId() + "/claim",
                    "nakamura",
                    Map.of("userId", "nakamura"))
                .status())
        .isEqualTo(204);
    Map<String, Object> reviewAnswers = new LinkedHashMap<>(TaskAnswers.review("APPROVE", null));
    reviewAnswers.put(
        CertificationReview.ROWS, SpinValues.jsonValue("[{\"x\":\"登録あり\"}]").create());
    Answer forgedRows =
        postJson(
            "/engine-rest/task/" + review.getId() + "/submit-form",
            "nakamura",
            formVariables(reviewAnswers));
    assertThat(forgedRows.status()).as(forgedRows.text()).isIn(400, 403);
    assertThat(
            send(
                    "PUT",
                    "/engine-rest/task/"
                        + review.getId()
                        + "/variables/"
                        + CertificationReview.ROWS,
                    "nakamura",
                    rows)
                .status())
        .isEqualTo(403);
    assertThat(String.valueOf(taskService.getVariable(review.getId(), CertificationReview.ROWS)))
        .isEqualTo(String.valueOf(shown));
  }

  @Test
  @DisplayName("認証失効の確認タスク: 情報政策課でない人は見えず、取れず、完了できない")
  void lapseTaskIsForThePolicyDivision() {
    String entryId =
        registry.register(
            jp.lg.externalservice.registry.RegistryEntries.inUse(
                "失効する kintone", jp.lg.externalservice.classification.Route.PAID),
            "kobayashi",
            "a-lapse");
    jdbc.update(
        "INSERT INTO certification_lapse (registry_entry_id, case_id, certification,"
            + " registration_number, reason, valid_until, detected_at, watch_instance_id)"
            + " VALUES (?, 'a-lapse', 'ISMAP', 'C21-0001-1', 'EXPIRED', DATE '2026-01-01',"
            + " CURRENT_TIMESTAMP, 'w')",
        entryId);
    long lapseId =
        jdbc.queryForObject(
            "SELECT id FROM certification_lapse WHERE registry_entry_id = ?", Long.class, entryId);
    String watch =
        runtimeService
            .createProcessInstanceByKey(CertificationWatch.KEY)
            .startBeforeActivity(CertificationWatch.Element.CONFIRM_LAPSE)
            .setVariable(CertificationWatch.LAPSE_ID, Long.toString(lapseId))
            .execute()
            .getId();
    Task lapse = taskService.createTaskQuery().processInstanceId(watch).singleResult();
    assertThat(lapse).isNotNull();
    for (String user : List.of("sato", "tanaka", "takahashi", "suzuki", "watanabe")) {
      assertThat(get("/engine-rest/task/" + lapse.getId(), user).status()).as(user).isIn(403, 404);
      assertThat(
              postJson(
                      "/engine-rest/task/" + lapse.getId() + "/claim", user, Map.of("userId", user))
                  .status())
          .as(user)
          .isIn(400, 403, 404);
      Answer done =
          postJson(
              "/engine-rest/task/" + lapse.getId() + "/submit-form",
              user,
              formVariables(Map.of("lapseHandling", "確認した")));
      assertThat(done.status()).as(user + " " + done.text()).isIn(400, 403, 404);
      Answer complete =
          postJson(
              "/engine-rest/task/" + lapse.getId() + "/complete",
              user,
              formVariables(Map.of("lapseHandling", "確認した")));
      assertThat(complete.status()).as(user).isIn(400, 403, 404);
    }
    assertThat(taskService.createTaskQuery().taskId(lapse.getId()).singleResult()).isNotNull();
    assertThat(
            jdbc.queryForObject(
                "SELECT handled_by FROM certification_lapse WHERE id = ?", String.class, lapseId))
        .isNull();
    assertThat(get("/engine-rest/task/" + lapse.getId(), "nakamura").status()).isEqualTo(200);
    runtimeService.deleteProcessInstance(watch, "test");
  }

  @Test
  @DisplayName("ISMAP リストの取込み: 数式・巨大な行数・壊れた文字コードは 500 にならず、日英の誤りで何も保存しない")
  void importRefusesBadFilesCleanly() {
    String header = "サービス名,事業者名,登録番号,登録日\n";
    Answer invalidUtf8 =
        postBytes(
            "/api/admin/certification-lists/ISMAP",
            "demo:demo",
            "text/csv",
            new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 0x0a});
    assertThat(invalidUtf8.status()).as(invalidUtf8.text()).isEqualTo(400);
    assertThat(invalidUtf8.text()).contains("\"error\"", "\"errorEn\"");
    Answer shiftJis =
        postBytes(
            "/api/admin/certification-lists/ISMAP",
            "demo:demo",
            "text/csv",
            (header + "キントーン,サイボウズ,C1,2024-01-01\n").getBytes(Charset.forName("Shift_JIS")));
    assertThat(shiftJis.status()).as(shiftJis.text()).isIn(200, 400);
    Answer empty =
        postBytes("/api/admin/certification-lists/ISMAP", "demo:demo", "text/csv", new byte[0]);
    assertThat(empty.status()).as(empty.text()).isEqualTo(400);

    StringBuilder many = new StringBuilder(header);
    while (many.length() < 1_100_000) {
      many.append("a,b,C1,2024-01-01\n");
    }
    Answer huge =
        postBytes(
            "/api/admin/certification-lists/ISMAP",
            "demo:demo",
            "text/csv",
            many.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(huge.status())
        .as(huge.text().substring(0, Math.min(300, huge.text().length())))
        .isIn(400, 413);
    StringBuilder lines = new StringBuilder(header);
    for (int i = 0; i < 60_000; i++) {
      lines.append("\n");
    }
    Answer blank =
        postBytes(
            "/api/admin/certification-lists/ISMAP",
            "demo:demo",
            "text/csv",
            lines.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(blank.status()).as(blank.text()).isIn(200, 400);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM certification_list_import WHERE row_count > 50000",
                Long.class))
        .isZero();
  }

  @Test
  @DisplayName("PDF の差込み: サービス名の改行やヘッダー風の文字は応答のヘッダーを増やさない（メールは NotificationMailTest）")
  void serviceNamesDoNotAddResponseHeaders() throws Exception {
    String name = "kintone\r\nBcc: evil@attacker.example\r\nX-Injected: yes\n\n<b>太字</b>";
    String instance = startApplication("sato", kintone().with("serviceName", name).variables());
    String draft = fillInTask(instance, "sato");
    Answer filed =
        postJson(
            "/engine-rest/task/" + draft + "/submit-form",
            "sato",
            formVariables(kintone().with("serviceName", name).variables()));
    assertThat(filed.status()).as(filed.text()).isEqualTo(204);

    // the PDF's answer: the name adds no header, and the file name is the case number's
    Answer pdf =
        raw(
            "GET",
            "/api/applications/" + caseNumber(instance) + "/application.pdf",
            "sato",
            Map.of());
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("X-Injected")).isEmpty();
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .contains(caseNumber(instance))
        .doesNotContain("\r", "\n", "<b>");
  }

  private byte[] bytes(String path, String user) throws Exception {
    HttpResponse<byte[]> response =
        RAW.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** Every text cell of the workbook's first sheet. */
  private static List<org.apache.poi.ss.usermodel.Cell> cells(byte[] xlsx) throws Exception {
    List<org.apache.poi.ss.usermodel.Cell> cells = new ArrayList<>();
    try (var workbook =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      workbook.getSheetAt(0).forEach(row -> row.forEach(cells::add));
    }
    return cells;
  }

  @Test
  @DisplayName("書き出し: 数式に見えるサービス名は xlsx・台帳 CSV・監査記録 CSV で文字のまま、他部署の台帳は xlsx に出ない")
  void exportsNeutraliseFormulasAndKeepToTheDepartment() throws Exception {
    String formula = "=cmd|' /C calc'!A0";
    registry.register(
        jp.lg.externalservice.registry.RegistryEntries.inUse(
            formula, jp.lg.externalservice.classification.Route.PAID),
        "kobayashi",
        "a-formula");
    List<org.apache.poi.ss.usermodel.Cell> ours = cells(bytes("/api/services/export.xlsx", "sato"));
    assertThat(ours)
        .filteredOn(c -> c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING)
        .extracting(org.apache.poi.ss.usermodel.Cell::getStringCellValue)
        .contains("'" + formula)
        .doesNotContain(formula);
    assertThat(ours)
        .noneMatch(c -> c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA);
    List<org.apache.poi.ss.usermodel.Cell> theirs =
        cells(bytes("/api/services/export.xlsx", "suzuki"));
    assertThat(theirs)
        .filteredOn(c -> c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING)
        .extracting(org.apache.poi.ss.usermodel.Cell::getStringCellValue)
        .as("区民課's entry is not 福祉課's to read")
        .noneMatch(v -> v.contains("cmd|"));
    assertThat(get("/api/services/export.xlsx", null).status()).isEqualTo(401);

    String instance = fileApplication("sato", kintone().with("serviceName", formula).variables());
    String csv =
        new String(
            bytes("/api/applications/" + caseNumber(instance) + "/audit.csv", "sato"),
            StandardCharsets.UTF_8);
    assertThat(csv).contains("cmd|").doesNotContain(",\"" + formula).doesNotContain("," + formula);
    Answer accepted =
        raw(
            "GET",
            "/api/applications/" + caseNumber(instance) + "/audit",
            "sato",
            Map.of("Accept", "text/csv"));
    assertThat(accepted.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(accepted.text()).doesNotContain(",\"" + formula).doesNotContain("," + formula);
  }

  @Test
  @DisplayName("自分の申請でも、壊れた Accept や想定外の形式で 500 にならない（誤りは日英）")
  void oddAcceptHeadersOnOnesOwnCaseAreNoServerError() {
    String instance = fileApplication("sato", kintone().variables());
    String number = caseNumber(instance);
    for (String path : DOCUMENT_PATHS) {
      for (Map<String, String> accept : ACCEPTS) {
        for (String method : List.of("GET", "HEAD")) {
          Answer answer = raw(method, "/api/applications/" + number + path, "sato", accept);
          assertThat(answer.status())
              .as(method + " " + path + " " + accept + ": " + answer.text())
              .isLessThan(500);
        }
      }
    }
  }

  @Test
  @DisplayName("ISMAP リストの取込み: UTF-8 でも Shift_JIS でも読めないバイトを含む行は、化けた名前で保存されず日英の誤りで拒否される")
  void undecodableBytesAreRefusedNotStoredAsGarbage() throws Exception {
    String header = "登録番号,クラウドサービス名,クラウドサービス事業者名,登録日,有効期限\n";
    java.io.ByteArrayOutputStream sjis = new java.io.ByteArrayOutputStream();
    sjis.write((header + "C21-0901-1,化けサービス").getBytes(Charset.forName("windows-31j")));
    sjis.write(0xFF);
    sjis.write(",事業者,2021/03/12,2027/03/31\n".getBytes(Charset.forName("windows-31j")));
    java.io.ByteArrayOutputStream bom = new java.io.ByteArrayOutputStream();
    bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bom.write((header + "C21-0902-1,化けサービス").getBytes(StandardCharsets.UTF_8));
    bom.write(0xFF);
    bom.write(",事業者,2021/03/12,2027/03/31\n".getBytes(StandardCharsets.UTF_8));
    for (byte[] file : List.of(sjis.toByteArray(), bom.toByteArray())) {
      Answer answer =
          postBytes("/api/admin/certification-lists/ISMAP", "demo:demo", "text/csv", file);
      assertThat(answer.status()).as(answer.text()).isEqualTo(400);
      assertThat(answer.text()).contains("\"error\"", "\"errorEn\"", "UTF-8", "Shift_JIS");
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM certification_list_entry WHERE service_name LIKE ?",
                Long.class,
                "%\uFFFD%"))
        .as("no name with a replacement character")
        .isZero();
    Answer good =
        postBytes(
            "/api/admin/certification-lists/ISMAP",
            "demo:demo",
            "text/csv",
            (header + "C21-0903-1,正しいサービス,事業者,2021/03/12,2027/03/31\n")
                .getBytes(Charset.forName("windows-31j")));
    assertThat(good.status()).as(good.text()).isEqualTo(200);
  }
}
