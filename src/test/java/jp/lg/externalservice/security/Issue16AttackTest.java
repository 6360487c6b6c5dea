package jp.lg.externalservice.security;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.deputy.DeputyScan;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.succession.ServicesInOperation;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16 attacked over real HTTP as a careless or malicious member of staff would: deputy
 * assignments (代理) forged, stolen, chained and kept after revocation; withdrawals (取下げ) of
 * another's case or through the engine API; the successor list and the directory endpoints as
 * staff. Every refusal is bilingual, names its field and leaves nothing stored.
 */
class Issue16AttackTest extends WebTest {

  @Autowired CaseRecords caseRecords;
  @Autowired DeputyScan scan;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired RegistryService registry;
  @Autowired CaseMessages messages;
  @Autowired ApplicationEventPublisher events;

  private final String marker = Long.toString(System.nanoTime(), 36);
  private final List<String> users = new java.util.ArrayList<>();
  private final List<String> entries = new java.util.ArrayList<>();

  /** Every assignment a test made is revoked: the other web tests share the database. */
  @AfterEach
  void revokeEverything() {
    ClockUtil.reset();
    for (JsonNode assignment : get("/api/admin/deputies", "demo").body()) {
      if (assignment.get("revokedAt").isNull()) {
        send("DELETE", "/api/admin/deputies/" + assignment.get("id").asLong(), "demo", null);
      }
    }
    scan.scan();
    for (String entry : entries) {
      if (!registry.find(entry).orElseThrow().status().ended()) {
        registry.changeStatus(
            entry, RegistryStatus.TERMINATED, LocalDate.of(2028, 3, 31), "demo", "test", null);
      }
      runtimeService
          .createProcessInstanceQuery()
          .processInstanceBusinessKey(entry)
          .list()
          .forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "test over"));
    }
    users.forEach(identityService::deleteUser);
  }

  /** A member of 区民課 (and of the given groups), created for this test. */
  private String person(String prefix, String... groups) {
    String id = prefix + marker;
    User user = identityService.newUser(id);
    user.setLastName("試験");
    user.setFirstName(prefix);
    user.setEmail(id + "@example.jp");
    user.setPassword(id);
    identityService.saveUser(user);
    users.add(id);
    identityService.createMembership(id, StaffGroups.STAFF);
    identityService.createMembership(id, "dept-kumin");
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
    return id;
  }

  /** An approved service of 区民課 in operation whose サービス管理担当者 then moved to 福祉課. */
  private String managerLeft(String administrator, String manager) {
    String entryId =
        ServicesInOperation.start(
            registry,
            messages,
            identityService,
            "後任攻撃 " + marker,
            administrator,
            manager,
            "approval-" + marker);
    entries.add(entryId);
    identityService.deleteMembership(manager, "dept-kumin");
    identityService.createMembership(manager, "dept-fukushi");
    events.publishEvent(new DirectoryChanged(java.util.Set.of(manager)));
    return entryId;
  }

  private Task successorTask(String entryId) {
    return ServicesInOperation.successorTasks(taskService, runtimeService, entryId).stream()
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> range(String deputy, LocalDate from, LocalDate to) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deputy", deputy);
    body.put("startsOn", from.toString());
    body.put("endsOn", to.toString());
    body.put("reason", "研修");
    return body;
  }

  private Answer name(String principal, String deputy) {
    LocalDate today = JapanClock.today();
    return postJson("/api/me/deputies", principal, range(deputy, today, today.plusDays(3)));
  }

  private long assignments() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM deputy_assignment", Long.class);
  }

  /** The application of {@code applicant} (区民課) up to its double check; the task's id. */
  private String atDoubleCheck(String applicant, String[] instance) {
    instance[0] = fileApplication(applicant, kintone().variables());
    String risks = onlyTask(instance[0], applicant);
    assertThat(
            postJson(
                    "/engine-rest/task/" + risks + "/submit-form",
                    applicant,
                    formVariables(
                        TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS)))
                .status())
        .isEqualTo(204);
    String selfCheck = onlyTask(instance[0], applicant);
    assertThat(
            postJson(
                    "/engine-rest/task/" + selfCheck + "/submit-form",
                    applicant,
                    formVariables(TaskAnswers.measuresAllMet()))
                .status())
        .isEqualTo(204);
    return onlyTask(instance[0], "demo");
  }

  private String onlyTask(String instance, String user) {
    JsonNode tasks = get("/engine-rest/task?processInstanceId=" + instance, user).body();
    assertThat(tasks).as("tasks of %s seen by %s", instance, user).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private String caseNumber(String instance) {
    return caseRecords.find(instance).orElseThrow().caseNumber();
  }

  /** A refusal in both languages; the fields it names. */
  private static List<String> bilingual(Answer answer, int status) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.body()).as(answer.text()).isNotNull();
    if (answer.body().has("type")) {
      // the engine REST API's shape: "message" holds both languages, the errors name the fields
      assertThat(answer.body().path("message").asText()).as(answer.text()).contains("（");
      assertThat(answer.body().path("errors")).as(answer.text()).isNotEmpty();
    } else {
      assertThat(answer.body().path("error").asText()).as(answer.text()).isNotBlank();
      assertThat(answer.body().path("errorEn").asText()).as(answer.text()).isNotBlank();
    }
    List<String> fields = new java.util.ArrayList<>();
    answer
        .body()
        .path("errors")
        .forEach(
            error -> {
              assertThat(error.path("message").asText()).isNotBlank();
              assertThat(error.path("messageEn").asText()).isNotBlank();
              fields.add(error.path("field").asText());
            });
    return fields;
  }

  @Test
  @DisplayName("代理設定の偽造: 役割のない職員・他人の分・管理者 API・存在しない職員・長すぎる理由はすべて拒否（日英・項目名）、何も保存されない")
  void deputyAssignmentsCannotBeForged() {
    long before = assignments();
    LocalDate today = JapanClock.today();

    bilingual(name("sato", "suzuki"), 403);
    Map<String, Object> forOther = range("ito", today, today.plusDays(1));
    forOther.put("principal", "takahashi");
    assertThat(bilingual(postJson("/api/me/deputies", "ito", forOther), 400)).contains("principal");
    assertThat(bilingual(postJson("/api/admin/deputies", "ito", forOther), 403)).isEmpty();
    bilingual(get("/api/admin/deputies", "takahashi"), 403);
    assertThat(bilingual(name("takahashi", "no-such-user"), 400)).contains("deputy");
    assertThat(bilingual(name("takahashi", "takahashi"), 400)).contains("deputy");
    assertThat(bilingual(name("takahashi", "x".repeat(65)), 400)).contains("deputy");
    Map<String, Object> huge = range("ito", today, today.plusDays(1));
    huge.put("reason", "長".repeat(InputReader.MAX_TEXT + 1));
    assertThat(bilingual(postJson("/api/me/deputies", "takahashi", huge), 400)).contains("reason");
    Map<String, Object> backwards = range("ito", today.plusDays(2), today);
    assertThat(bilingual(postJson("/api/me/deputies", "takahashi", backwards), 400))
        .contains("endsOn");
    Map<String, Object> past = range("ito", today.minusDays(10), today.minusDays(1));
    assertThat(bilingual(postJson("/api/me/deputies", "takahashi", past), 400)).contains("endsOn");
    Map<String, Object> notADate = range("ito", today, today);
    notADate.put("startsOn", "2026-02-30");
    assertThat(bilingual(postJson("/api/me/deputies", "takahashi", notADate), 400))
        .contains("startsOn");
    // an administrator may not name a deputy for someone without a role, nor for nobody
    Map<String, Object> noRole = range("suzuki", today, today.plusDays(1));
    noRole.put("principal", "sato");
    assertThat(bilingual(postJson("/api/admin/deputies", "demo", noRole), 400))
        .contains("principal");
    noRole.put("principal", "no-such-user");
    assertThat(bilingual(postJson("/api/admin/deputies", "demo", noRole), 400))
        .contains("principal");

    // the picker: only for those who name deputies, with a bounded search
    bilingual(get("/api/me/deputy-candidates?q=sa", "sato"), 403);
    assertThat(bilingual(get("/api/me/deputy-candidates?q=" + "x".repeat(65), "takahashi"), 400))
        .containsExactly("q");
    assertThat(get("/api/me/deputy-candidates?q=", "takahashi").body())
        .noneMatch(candidate -> candidate.get("id").asText().equals("takahashi"));

    assertThat(assignments()).as("nothing stored after a refusal").isEqualTo(before);
  }

  @Test
  @DisplayName("他人の代理設定は取り消せない（自分の API は 404、管理者 API は 403、日英）、取り消した期間は空く")
  void anotherOnesAssignmentCannotBeRevoked() {
    Answer named = name("takahashi", "ito");
    assertThat(named.status()).as(named.text()).isEqualTo(201);
    long id = named.body().get("id").asLong();

    bilingual(send("DELETE", "/api/me/deputies/" + id, "ito", null), 404);
    bilingual(send("DELETE", "/api/me/deputies/" + id, "tanaka", null), 404);
    bilingual(send("DELETE", "/api/admin/deputies/" + id, "ito", null), 403);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM deputy_assignment WHERE id = ? AND revoked_at IS NULL",
                Long.class,
                id))
        .isEqualTo(1);

    assertThat(send("DELETE", "/api/me/deputies/" + id, "takahashi", null).status()).isEqualTo(200);
    assertThat(bilingual(send("DELETE", "/api/me/deputies/" + id, "takahashi", null), 400))
        .contains("id");
    // the revoked range does not block a new one for the same days
    Answer again = name("takahashi", "nakamura");
    assertThat(again.status()).as(again.text()).isEqualTo(201);
  }

  @Test
  @DisplayName("代理の連鎖: 代理者が同じ期間に自分の代理者を指名することはできず、連鎖先の職員は元の本人のタスクを取れない")
  void aDeputyChainIsRefused() {
    String[] instance = new String[1];
    String check = atDoubleCheck("sato", instance);
    assertThat(name("takahashi", "ito").status()).isEqualTo(201);
    long before = assignments();

    // ito, herself 利用責任者 of 福祉課, stands in for takahashi: she cannot be absent in that range
    assertThat(bilingual(name("ito", "kimura"), 400)).contains("startsOn");
    assertThat(assignments()).isEqualTo(before);

    // a chain stored anyway (before the rule, or by hand): kimura still gets nothing of takahashi's
    LocalDate today = JapanClock.today();
    jdbc.update(
        "INSERT INTO deputy_assignment (principal, deputy, starts_on, ends_on, created_by,"
            + " created_at) VALUES ('ito', 'kimura', ?, ?, 'ito', CURRENT_TIMESTAMP)",
        java.sql.Date.valueOf(today),
        java.sql.Date.valueOf(today.plusDays(3)));
    scan.scan();
    assertThat(get("/engine-rest/task?processInstanceId=" + instance[0], "kimura").body())
        .isEmpty();
    Answer claim =
        postJson("/engine-rest/task/" + check + "/claim", "kimura", Map.of("userId", "kimura"));
    assertThat(claim.status()).as(claim.text()).isIn(400, 403, 404);
    assertThat(taskService.createTaskQuery().taskId(check).singleResult().getAssignee()).isNull();
  }

  @Test
  @DisplayName("代理者はタスクを広げられない（候補追加・委任・割当変更・変数書換えは拒否）、取消し後は読めも取れもしない、申請の記録も見えない")
  void aDeputyGetsTheTaskAndNothingMore() {
    String[] instance = new String[1];
    String check = atDoubleCheck("sato", instance);
    String number = caseNumber(instance[0]);
    Answer named = name("takahashi", "ito");
    assertThat(named.status()).as(named.text()).isEqualTo(201);
    long id = named.body().get("id").asLong();

    assertThat(get("/engine-rest/task/" + check, "ito").status()).isEqualTo(200);
    assertThat(get("/engine-rest/task/" + check + "/form-variables", "ito").status())
        .isEqualTo(200);
    assertThat(get("/engine-rest/history/task?taskId=" + check, "ito").body())
        .as("during the range she reads the historic task too")
        .hasSize(1);

    // she may not widen it: other candidates, a delegation, the applicant as assignee
    Answer link =
        postJson(
            "/engine-rest/task/" + check + "/identity-links",
            "ito",
            Map.of("userId", "suzuki", "type", "candidate"));
    assertThat(link.status()).as(link.text()).isIn(400, 403);
    Answer delegate =
        postJson("/engine-rest/task/" + check + "/delegate", "ito", Map.of("userId", "suzuki"));
    assertThat(delegate.status()).as(delegate.text()).isIn(400, 403);
    Answer toApplicant =
        postJson("/engine-rest/task/" + check + "/assignee", "ito", Map.of("userId", "sato"));
    assertThat(toApplicant.status()).as(toApplicant.text()).isIn(400, 403);
    Answer relabel =
        send(
            "PUT",
            "/engine-rest/task/" + check + "/localVariables/taskDeputies",
            "ito",
            Map.of("value", "誰かの代理", "type", "String"));
    assertThat(relabel.status()).as(relabel.text()).isIn(400, 403);
    Answer variables =
        postJson(
            "/engine-rest/task/" + check + "/variables",
            "ito",
            Map.of("modifications", Map.of("serviceName", Map.of("value", "改ざん"))));
    assertThat(variables.status()).as(variables.text()).isIn(400, 403);
    assertThat(taskService.getIdentityLinksForTask(check))
        .noneMatch(l -> "suzuki".equals(l.getUserId()) || "sato".equals(l.getUserId()));
    assertThat(taskService.createTaskQuery().taskId(check).singleResult().getAssignee()).isNull();

    // the case itself is not hers to read: the record, the audit, the withdrawal
    assertThat(get("/api/applications/" + number, "ito").status()).isIn(403, 404);
    assertThat(get("/api/applications/" + number + "/audit", "ito").status()).isIn(403, 404);
    assertThat(
            postJson(
                    "/api/applications/" + number + "/withdrawal",
                    "ito",
                    Map.of("reason", "代理者による取下げ"))
                .status())
        .isIn(403, 404);

    // revoked: she reads and takes nothing any more
    assertThat(send("DELETE", "/api/me/deputies/" + id, "takahashi", null).status()).isEqualTo(200);
    assertThat(get("/engine-rest/task?processInstanceId=" + instance[0], "ito").body()).isEmpty();
    assertThat(get("/engine-rest/task/" + check, "ito").status()).isIn(403, 404);
    assertThat(get("/engine-rest/task/" + check + "/variables", "ito").status()).isIn(403, 404);
    // nor through the history, where the engine gave her a grant with the link as well
    assertThat(get("/engine-rest/history/task?taskId=" + check, "ito").body())
        .as("the historic task")
        .isEmpty();
    assertThat(get("/engine-rest/history/variable-instance?taskIdIn=" + check, "ito").body())
        .as("the task's historic variables")
        .isEmpty();
    assertThat(get("/engine-rest/history/identity-link-log?taskId=" + check, "ito").body())
        .as("the task's historic identity links")
        .isEmpty();
    assertThat(get("/engine-rest/task/" + check + "/form-variables", "ito").status())
        .isIn(403, 404);
    Answer late = postJson("/engine-rest/task/" + check + "/claim", "ito", Map.of("userId", "ito"));
    assertThat(late.status()).as(late.text()).isIn(400, 403, 404);
    Answer lateSubmit =
        postJson(
            "/engine-rest/task/" + check + "/submit-form",
            "ito",
            formVariables(TaskAnswers.doubleCheck("FORWARD", null)));
    assertThat(lateSubmit.status()).as(lateSubmit.text()).isIn(400, 403, 404);
    assertThat(taskService.createTaskQuery().taskId(check).singleResult()).isNotNull();
  }

  @Test
  @DisplayName("期間が過ぎた代理者は翌日には読めも取れもしない")
  void anExpiredDeputyLosesTheTask() {
    String[] instance = new String[1];
    String check = atDoubleCheck("sato", instance);
    LocalDate today = JapanClock.today();
    assertThat(postJson("/api/me/deputies", "takahashi", range("ito", today, today)).status())
        .isEqualTo(201);
    assertThat(get("/engine-rest/task/" + check, "ito").status()).isEqualTo(200);

    ClockUtil.setCurrentTime(
        java.util.Date.from(today.plusDays(1).atTime(9, 0).atZone(JapanClock.ZONE).toInstant()));
    scan.scan();
    assertThat(get("/engine-rest/task/" + check, "ito").status()).isIn(403, 404);
    assertThat(get("/engine-rest/history/task?taskId=" + check, "ito").body()).isEmpty();
    Answer claim =
        postJson("/engine-rest/task/" + check + "/claim", "ito", Map.of("userId", "ito"));
    assertThat(claim.status()).as(claim.text()).isIn(400, 403, 404);
  }

  @Test
  @DisplayName("取下げの攻撃: 他課・同課の他人・情報政策課は取り下げられず、理由の誤りは日英・項目名、エンジン API（メッセージ・変更・削除）も不可、二重の取下げは 409")
  void withdrawalCannotBeForced() {
    String[] instance = new String[1];
    String check = atDoubleCheck("sato", instance);
    String number = caseNumber(instance[0]);
    String path = "/api/applications/" + number + "/withdrawal";
    long acts = caseRecords.acts(instance[0]).size();

    bilingual(postJson(path, "watanabe", Map.of("reason", "他課")), 404);
    bilingual(postJson(path, "suzuki", Map.of("reason", "他課")), 404);
    assertThat(postJson(path, "takahashi", Map.of("reason", "同課の利用責任者")).status()).isIn(403, 404);
    bilingual(postJson(path, "kobayashi", Map.of("reason", "情報政策課")), 403);
    assertThat(bilingual(postJson(path, "sato", Map.of()), 400)).contains("reason");
    assertThat(bilingual(postJson(path, "sato", Map.of("reason", "  ")), 400)).contains("reason");
    assertThat(
            bilingual(
                postJson(path, "sato", Map.of("reason", "x".repeat(InputReader.MAX_TEXT + 1))),
                400))
        .contains("reason");
    assertThat(bilingual(postJson(path, "sato", Map.of("reason", Map.of("a", 1))), 400))
        .contains("reason");
    bilingual(
        postJson("/api/applications/" + "9".repeat(40) + "/withdrawal", "sato", Map.of()), 404);

    // the engine API is no back door
    Answer message =
        postJson(
            "/engine-rest/message",
            "sato",
            Map.of(
                "messageName",
                ApplicationProcess.MESSAGE_WITHDRAWN,
                "processInstanceId",
                instance[0]));
    assertThat(message.status()).as(message.text()).isEqualTo(403);
    Answer modification =
        postJson(
            "/engine-rest/process-instance/" + instance[0] + "/modification",
            "tanaka",
            Map.of(
                "instructions",
                List.of(
                    Map.of(
                        "type",
                        "startBeforeActivity",
                        "activityId",
                        ApplicationProcess.Element.WITHDRAWAL))));
    assertThat(modification.status()).as(modification.text()).isEqualTo(403);
    Answer delete = send("DELETE", "/engine-rest/process-instance/" + instance[0], "sato", null);
    assertThat(delete.status()).as(delete.text()).isIn(403, 404);
    Answer suspend =
        send(
            "PUT",
            "/engine-rest/process-instance/" + instance[0] + "/suspended",
            "tanaka",
            Map.of("suspended", true));
    assertThat(suspend.status()).as(suspend.text()).isIn(403, 404);
    Answer error =
        postJson(
            "/engine-rest/task/" + check + "/bpmnError",
            "takahashi",
            Map.of("errorCode", "Error_Withdrawn"));
    assertThat(error.status()).as(error.text()).isIn(400, 403);

    // nothing of it stored
    assertThat(caseRecords.acts(instance[0])).hasSize((int) acts);
    assertThat(taskService.createTaskQuery().taskId(check).singleResult()).isNotNull();

    // the 所属長 withdraws once; the second time is 409 and adds nothing
    Answer done = postJson(path, "tanaka", Map.of("reason", "重複申請"));
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    bilingual(postJson(path, "sato", Map.of("reason", "もう一度")), 409);
    assertThat(caseRecords.acts(instance[0])).hasSize((int) acts + 1);

    // only the applicant copies it; a body smuggles nothing in
    bilingual(postJson("/api/applications/" + number + "/copy", "tanaka", Map.of()), 403);
    bilingual(postJson("/api/applications/" + number + "/copy", "suzuki", Map.of()), 404);
    Answer copied =
        postJson(
            "/api/applications/" + number + "/copy",
            "sato",
            Map.of("applicant", "tanaka", "departmentCode", "fukushi"));
    assertThat(copied.status()).as(copied.text()).isEqualTo(201);
    assertThat(copied.text()).doesNotContain("fukushi").doesNotContain("tanaka");
  }

  @Test
  @DisplayName("後任の一覧とディレクトリ同期は職員・所属長・利用責任者には 403（日英）、情報政策課は一覧だけ")
  void successorsAndDirectoryAreNotForStaff() {
    for (String user : List.of("sato", "tanaka", "takahashi", "kimura")) {
      bilingual(get("/api/services/vacancies", user), 403);
    }
    assertThat(get("/api/services/vacancies", "yamamoto").status()).isEqualTo(200);
    for (String user : List.of("sato", "tanaka", "kobayashi")) {
      bilingual(get("/api/admin/directory/sync", user), 403);
      bilingual(postJson("/api/admin/directory/sync", user, Map.of()), 403);
    }
    assertThat(get("/api/admin/directory/sync", null).status()).isEqualTo(401);
    assertThat(postJson("/api/admin/directory/sync", null, Map.of()).status()).isEqualTo(401);
    // an administrator without a directory is told so, with the setting's name
    assertThat(get("/api/admin/directory/sync", "demo").body().get("enabled").asBoolean())
        .isFalse();
    assertThat(bilingual(postJson("/api/admin/directory/sync", "demo", Map.of()), 400))
        .containsExactly("external-service.directory.enabled");
  }

  @Test
  @DisplayName("期間の重なりはすべての代理設定と比べる: 将来の代理設定を大量に作っても、今日の代理者を二人にはできない")
  void manyFutureRangesDoNotHideAnOverlap() {
    LocalDate today = JapanClock.today();
    Answer first =
        postJson("/api/me/deputies", "takahashi", range("ito", today, today.plusDays(3)));
    assertThat(first.status()).as(first.text()).isEqualTo(201);
    try {
      // more single days ahead than the lists show (newest range first)
      for (int day = 0; day < 501; day++) {
        LocalDate on = today.plusDays(30 + day);
        Answer future = postJson("/api/me/deputies", "takahashi", range("nakamura", on, on));
        assertThat(future.status()).as(future.text()).isEqualTo(201);
      }
      long before = assignments();
      Answer second =
          postJson("/api/me/deputies", "takahashi", range("yamamoto", today, today.plusDays(1)));
      assertThat(bilingual(second, 400)).contains("startsOn");
      assertThat(assignments()).isEqualTo(before);
      // nor can ito, standing in for takahashi today, be made absent behind the flood
      for (int day = 0; day < 501; day++) {
        LocalDate on = today.plusDays(30 + day);
        jdbc.update(
            "INSERT INTO deputy_assignment (principal, deputy, starts_on, ends_on, created_by,"
                + " created_at) VALUES ('tanaka', 'ito', ?, ?, 'tanaka', CURRENT_TIMESTAMP)",
            java.sql.Date.valueOf(on),
            java.sql.Date.valueOf(on));
      }
      assertThat(bilingual(name("ito", "kimura"), 400)).contains("startsOn");
    } finally {
      // the flood out of the way of the other tests' clean-up (the lists show 500)
      jdbc.update(
          "DELETE FROM deputy_assignment WHERE starts_on > ?",
          java.sql.Date.valueOf(today.plusDays(10)));
    }
  }

  @Test
  @DisplayName("同時に二つの代理設定（本人と管理者）を送っても、重なる期間の代理者は一人だけ")
  void simultaneousRangesDoNotBothStand() throws Exception {
    LocalDate today = JapanClock.today();
    Map<String, Object> byAdmin = range("nakamura", today.plusDays(5), today.plusDays(6));
    byAdmin.put("principal", "takahashi");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        var mine =
            pool.submit(
                () -> {
                  go.await();
                  return postJson(
                      "/api/me/deputies",
                      "takahashi",
                      range("ito", today.plusDays(5), today.plusDays(6)));
                });
        var admins =
            pool.submit(
                () -> {
                  go.await();
                  return postJson("/api/admin/deputies", "demo", byAdmin);
                });
        go.countDown();
        int created = (mine.get().status() == 201 ? 1 : 0) + (admins.get().status() == 201 ? 1 : 0);
        assertThat(created)
            .as("round %d: %s / %s", round, mine.get().text(), admins.get().text())
            .isEqualTo(1);
        jdbc.update(
            "DELETE FROM deputy_assignment WHERE principal = 'takahashi' AND starts_on = ?",
            java.sql.Date.valueOf(today.plusDays(5)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("後任の指名: 情報政策課以外は読めず・取れず・完了できず、余分な変数・職員でない後任は拒否され、台帳は変わらない")
  void onlyPolicyNamesASuccessor() {
    String head = person("uh", "unit-head-kumin");
    String manager = person("sm");
    String entryId = managerLeft(head, manager);
    Task task = successorTask(entryId);
    String path = "/engine-rest/task/" + task.getId();
    Map<String, Object> naming = Map.of("successionDecision", "NAME", "successorId", "sato");

    for (String outsider : List.of("sato", "tanaka", head, "takahashi")) {
      assertThat(get(path, outsider).status()).as(outsider).isIn(403, 404);
      Answer claim = postJson(path + "/claim", outsider, Map.of("userId", outsider));
      assertThat(claim.status()).as(outsider + claim.text()).isIn(400, 403, 404);
      Answer submit = postJson(path + "/submit-form", outsider, formVariables(naming));
      assertThat(submit.status()).as(outsider + submit.text()).isIn(400, 403, 404);
    }
    // a reviewer may not hand it to the applicant-side either
    Answer handOver = postJson(path + "/assignee", "nakamura", Map.of("userId", "tanaka"));
    assertThat(handOver.status()).as(handOver.text()).isIn(400, 403);

    Map<String, Object> extra = new LinkedHashMap<>(naming);
    extra.put("serviceManager", "tanaka");
    extra.put("departmentCode", "fukushi");
    assertThat(bilingual(postJson(path + "/submit-form", "nakamura", formVariables(extra)), 400))
        .isNotEmpty();
    Map<String, Object> admin = Map.of("successionDecision", "NAME", "successorId", "demo");
    assertThat(bilingual(postJson(path + "/submit-form", "nakamura", formVariables(admin)), 400))
        .containsExactly("successorId");
    Map<String, Object> herself = Map.of("successionDecision", "NAME", "successorId", "nakamura");
    assertThat(bilingual(postJson(path + "/submit-form", "nakamura", formVariables(herself)), 400))
        .as("the reviewer is no member of 区民課")
        .containsExactly("successorId");
    Map<String, Object> left = Map.of("successionDecision", "NAME", "successorId", manager);
    assertThat(bilingual(postJson(path + "/submit-form", "nakamura", formVariables(left)), 400))
        .as("the person who left")
        .containsExactly("successorId");
    Map<String, Object> huge = Map.of("successionDecision", "NAME", "successorId", "x".repeat(65));
    assertThat(bilingual(postJson(path + "/submit-form", "nakamura", formVariables(huge)), 400))
        .containsExactly("successorId");
    Map<String, Object> unknown = Map.of("successionDecision", "FIRE_EVERYONE");
    assertThat(bilingual(postJson(path + "/submit-form", "nakamura", formVariables(unknown)), 400))
        .containsExactly("successionDecision");
    assertThat(registry.find(entryId).orElseThrow().serviceManager())
        .as("nothing changed by a refusal")
        .isEqualTo(manager);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();

    Answer named = postJson(path + "/submit-form", "nakamura", formVariables(naming));
    assertThat(named.status()).as(named.text()).isEqualTo(204);
    assertThat(registry.find(entryId).orElseThrow().serviceManager()).isEqualTo("sato");
  }
}
