package jp.lg.externalservice.deputy;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.security.StandIns;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 代理 (issue 16) through real HTTP: a 利用責任者 names a deputy, the deputy receives the open and the new
 * double checks, works one, and the record, the audit CSV and the mail say for whom; four-eyes
 * still refuses the applicant and her 所属長 as deputies; the range ends and the links go.
 */
class DeputyApiTest extends WebTest {

  @Autowired CaseRecords caseRecords;
  @Autowired DeputyScan scan;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired Privileged privileged;

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

  private List<String> candidateUsers(String taskId) {
    List<String> users = new ArrayList<>();
    get("/engine-rest/task/" + taskId + "/identity-links", "demo")
        .body()
        .forEach(
            link -> {
              if (link.hasNonNull("userId") && "candidate".equals(link.get("type").asText())) {
                users.add(link.get("userId").asText());
              }
            });
    return users;
  }

  /** The task ids in the Tasklist filter 「グループのタスク」 as {@code user} sees it. */
  private List<String> groupTasks(String user) {
    String filter =
        get(
                "/engine-rest/filter?name="
                    + java.net.URLEncoder.encode(
                        "グループのタスク", java.nio.charset.StandardCharsets.UTF_8),
                "demo")
            .body()
            .get(0)
            .get("id")
            .asText();
    List<String> ids = new ArrayList<>();
    postJson("/engine-rest/filter/" + filter + "/list?maxResults=1000", user, Map.of())
        .body()
        .forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private String caseNumber(String instance) {
    return caseRecords.find(instance).orElseThrow().caseNumber();
  }

  @Test
  @DisplayName("利用責任者の代理者は開いているダブルチェックと新しいダブルチェックを受け取り、処理すると記録・監査CSV・メールに代理と本人が残る")
  void aDeputyWorksTheDoubleCheck() {
    String[] open = new String[1];
    String openCheck = atDoubleCheck("sato", open);
    assertThat(get("/engine-rest/task?processInstanceId=" + open[0], "ito").body()).isEmpty();

    Answer named = name("takahashi", "ito");
    assertThat(named.status()).as(named.text()).isEqualTo(201);
    assertThat(named.body().get("statusLabel").asText()).isEqualTo("有効");
    assertThat(named.body().get("deputyName").asText()).isEqualTo("伊藤 美咲");

    // the open double check came to her
    assertThat(candidateUsers(openCheck)).containsExactly("ito");
    assertThat(get("/engine-rest/task?processInstanceId=" + open[0], "ito").body()).hasSize(1);
    assertThat(
            get("/engine-rest/task/" + openCheck + "/localVariables/taskDeputies", "ito")
                .body()
                .get("value")
                .asText())
        .isEqualTo("伊藤 美咲（高橋 健 の代理）");

    // in the filter 「グループのタスク」 she finds it, and its members still do
    assertThat(groupTasks("ito")).contains(openCheck);
    assertThat(groupTasks("takahashi")).contains(openCheck);
    assertThat(groupTasks("nakamura")).doesNotContain(openCheck);

    // and a new one comes to her, with a mail that says for whom
    jdbc.update("DELETE FROM notification_outbox");
    String[] fresh = new String[1];
    String newCheck = atDoubleCheck("sato", fresh);
    assertThat(candidateUsers(newCheck)).containsExactly("ito");
    assertThat(
            jdbc.queryForList(
                "SELECT subject FROM notification_outbox WHERE recipient = 'ito' AND link LIKE ?",
                String.class,
                "%" + newCheck))
        .singleElement()
        .asString()
        .contains("【代理：高橋 健 さん】")
        .contains("ダブルチェック");

    // she works it as the 利用責任者 would, and the record says she acted for 高橋 健
    assertThat(
            postJson("/engine-rest/task/" + newCheck + "/claim", "ito", Map.of("userId", "ito"))
                .status())
        .isEqualTo(204);
    Answer done =
        postJson(
            "/engine-rest/task/" + newCheck + "/submit-form",
            "ito",
            formVariables(TaskAnswers.doubleCheck("FORWARD", null)));
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    List<CaseAct> acts = caseRecords.acts(fresh[0]);
    CaseAct check = acts.get(acts.size() - 1);
    assertThat(check.actor().userId()).isEqualTo("ito");
    assertThat(check.deputyFor().userId()).isEqualTo("takahashi");
    assertThat(check.actorShown()).isEqualTo("伊藤 美咲（高橋 健 の代理）");
    String csv = get("/api/applications/" + caseNumber(fresh[0]) + "/audit.csv", "demo").text();
    assertThat(csv).contains("伊藤 美咲").contains("代理").contains("高橋 健（takahashi）");
    JsonNode audit = get("/api/applications/" + caseNumber(fresh[0]) + "/audit", "demo").body();
    assertThat(audit.toString()).contains("\"deputy\":true").contains("高橋 健（takahashi）");
    // 高橋 健's own acts stay his own: the earlier steps were sato's, none is 代理
    assertThat(acts.subList(0, acts.size() - 1)).allMatch(act -> act.deputyFor() == null);

    // after the range the link on the task nobody claimed is gone
    ClockUtil.setCurrentTime(
        Date.from(JapanClock.startOf(JapanClock.today().plusDays(4)).plusSeconds(60)));
    scan.scan();
    assertThat(candidateUsers(openCheck)).isEmpty();
    assertThat(get("/engine-rest/task?processInstanceId=" + open[0], "ito").body()).isEmpty();
  }

  @Test
  @DisplayName("四つの目：申請者本人や申請者の所属長を代理者にしても、その申請のダブルチェックは担当できない")
  void fourEyesHoldsForDeputies() {
    // sato, the applicant, is named deputy of her 利用責任者
    assertThat(name("takahashi", "sato").status()).isEqualTo(201);
    String[] instance = new String[1];
    String check = atDoubleCheck("sato", instance);
    assertThat(candidateUsers(check)).isEmpty();
    Answer claim =
        postJson("/engine-rest/task/" + check + "/claim", "sato", Map.of("userId", "sato"));
    assertThat(claim.status()).isEqualTo(400);
    assertThat(claim.body().get("error").asText()).contains("申請者本人");
    Answer complete =
        postJson(
            "/engine-rest/task/" + check + "/submit-form",
            "sato",
            formVariables(TaskAnswers.doubleCheck("FORWARD", null)));
    assertThat(complete.status()).isIn(400, 403, 404);
    assertThat(caseRecords.acts(instance[0])).allMatch(act -> !"ito".equals(act.actor().userId()));

    // the applicant's 所属長 as deputy
    revokeEverything();
    assertThat(name("takahashi", "tanaka").status()).isEqualTo(201);
    String[] second = new String[1];
    String secondCheck = atDoubleCheck("sato", second);
    assertThat(candidateUsers(secondCheck)).isEmpty();
    Answer byUnitHead =
        postJson(
            "/engine-rest/task/" + secondCheck + "/claim", "tanaka", Map.of("userId", "tanaka"));
    assertThat(byUnitHead.status()).isEqualTo(400);
    assertThat(byUnitHead.body().get("error").asText()).contains("所属長");
  }

  @Test
  @DisplayName("四つの目：申請者本人の代理者も、申請者の所属長の代理者（審査）も、その申請を担当できない")
  void nobodyActsForSomeoneWhoCouldNot() {
    // takahashi, the 利用責任者 of 区民課, applies himself and then names ito: she would stand in for
    // the applicant at his own double check
    String[] own = new String[1];
    String ownCheck = atDoubleCheck("takahashi", own);
    assertThat(name("takahashi", "ito").status()).isEqualTo(201);
    assertThat(candidateUsers(ownCheck)).isEmpty();
    Answer forApplicant =
        postJson("/engine-rest/task/" + ownCheck + "/claim", "ito", Map.of("userId", "ito"));
    assertThat(forApplicant.status()).isEqualTo(400);
    assertThat(forApplicant.body().get("error").asText()).contains("申請者本人の代理者");

    // nakamura (情報政策課) stands in for tanaka, the 所属長 of 区民課: not at a 区民課 review
    revokeEverything();
    assertThat(name("tanaka", "nakamura").status()).isEqualTo(201);
    String[] instance = new String[1];
    String check = atDoubleCheck("sato", instance);
    assertThat(
            postJson(
                    "/engine-rest/task/" + check + "/submit-form",
                    "takahashi",
                    formVariables(TaskAnswers.doubleCheck("FORWARD", null)))
                .status())
        .isEqualTo(204);
    runAsyncContinuations();
    Task review =
        taskService.createTaskQuery().taskCandidateGroup("policy-reviewer").list().stream()
            .filter(
                task ->
                    instance[0].equals(
                        runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(task.getProcessInstanceId())
                            .singleResult()
                            .getRootProcessInstanceId()))
            .findFirst()
            .orElseThrow();
    Answer forUnitHead =
        postJson(
            "/engine-rest/task/" + review.getId() + "/claim",
            "nakamura",
            Map.of("userId", "nakamura"));
    assertThat(forUnitHead.status()).isEqualTo(400);
    assertThat(forUnitHead.body().get("error").asText()).contains("所属長の代理者");
    assertThat(
            postJson(
                    "/engine-rest/task/" + review.getId() + "/claim",
                    "yamamoto",
                    Map.of("userId", "yamamoto"))
                .status())
        .isEqualTo(204);
  }

  @Test
  @DisplayName("本人が担当中のタスクは代理者に割り当てられ（名前に【代理】）、期間が終わっても代理者の手元に残る")
  void aClaimedTaskGoesToTheDeputyAndStays() {
    String[] instance = new String[1];
    String check = atDoubleCheck("sato", instance);
    assertThat(
            postJson(
                    "/engine-rest/task/" + check + "/claim",
                    "takahashi",
                    Map.of("userId", "takahashi"))
                .status())
        .isEqualTo(204);
    jdbc.update("DELETE FROM notification_outbox");

    assertThat(name("takahashi", "ito").status()).isEqualTo(201);

    JsonNode task = get("/engine-rest/task/" + check, "ito").body();
    assertThat(task.get("assignee").asText()).isEqualTo("ito");
    assertThat(task.get("name").asText()).startsWith("【代理：高橋 健 さん】");
    assertThat(
            jdbc.queryForList(
                "SELECT subject FROM notification_outbox WHERE recipient = 'ito' AND link LIKE ?",
                String.class,
                "%" + check))
        .singleElement()
        .asString()
        .contains("【代理：高橋 健 さん】");
    // running the scan again (or on a second node) changes nothing
    assertThat(scan.scan()).isZero();

    ClockUtil.setCurrentTime(
        Date.from(JapanClock.startOf(JapanClock.today().plusDays(4)).plusSeconds(60)));
    scan.scan();
    assertThat(get("/engine-rest/task/" + check, "ito").body().get("assignee").asText())
        .isEqualTo("ito");
  }

  /**
   * The problems {@link FourEyes} finds when {@code user} decides on sato's (区民課) application while
   * standing in for {@code principals}.
   */
  private Set<String> fourEyesProblems(String user, Set<String> principals) {
    StandIns standIns =
        new StandIns() {
          @Override
          public Set<String> principalsOf(String deputy) {
            return deputy.equals(user) ? principals : Set.of();
          }

          @Override
          public Optional<String> standingInFor(String userId, String groupId) {
            return Optional.empty();
          }
        };
    InputReader reader = new InputReader(JsonNodeFactory.instance.objectNode());
    identityService.setAuthenticatedUserId(user);
    try {
      new FourEyes(identityService, privileged, standIns).check(reader, "sato", "kumin");
    } finally {
      identityService.clearAuthentication();
    }
    return reader.errors().stream().map(FieldError::message).collect(Collectors.toSet());
  }

  @Test
  @DisplayName("完了のときも四つの目：申請者の所属長の代理者・申請者本人の代理者は確認・承認できず、ほかの人の代理者はできる")
  void fourEyesAtCompletionFollowsThePrincipals() {
    assertThat(fourEyesProblems("yamamoto", Set.of("tanaka")))
        .containsExactly("申請者の所属長の代理者は確認・承認できません");
    assertThat(fourEyesProblems("yamamoto", Set.of("sato")))
        .containsExactly("申請者本人の代理者は確認・承認できません");
    assertThat(fourEyesProblems("yamamoto", Set.of("watanabe"))).isEmpty();
    assertThat(fourEyesProblems("yamamoto", Set.of())).isEmpty();
  }

  @Test
  @DisplayName("入力の誤りは項目名つき・日英で返る")
  void validationNamesFields() {
    LocalDate today = JapanClock.today();
    Map<String, Object> body = range("takahashi", today.plusDays(5), today.plusDays(1));
    body.put("reason", "あ".repeat(2001));
    Answer answer = postJson("/api/me/deputies", "takahashi", body);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(fields(answer)).containsExactlyInAnyOrder("deputy", "endsOn", "reason");
    assertThat(answer.body().get("errors").get(0).get("messageEn").asText()).isNotBlank();

    assertThat(fields(postJson("/api/me/deputies", "takahashi", Map.of())))
        .containsExactlyInAnyOrder("deputy", "startsOn", "endsOn");
    assertThat(
            fields(
                postJson(
                    "/api/me/deputies", "takahashi", range("nobody", today, today.plusYears(1)))))
        .containsExactlyInAnyOrder("deputy", "endsOn");
    assertThat(
            fields(
                postJson(
                    "/api/me/deputies",
                    "takahashi",
                    range("ito", today.minusDays(10), today.minusDays(1)))))
        .containsExactly("endsOn");

    // overlapping ranges for one principal; a deputy who is absent herself
    assertThat(name("takahashi", "ito").status()).isEqualTo(201);
    assertThat(fields(name("takahashi", "nakamura"))).containsExactly("startsOn");
    assertThat(fields(name("tanaka", "takahashi"))).containsExactly("deputy");
  }

  @Test
  @DisplayName("役割のない職員は代理設定を使えず（403、日英）、他人の代理を作ったり自分を他人の代理者にしたりできない")
  void onlyRoleHoldersNameTheirOwnDeputies() {
    Answer list = get("/api/me/deputies", "sato");
    assertThat(list.status()).isEqualTo(403);
    assertThat(list.body().get("error").asText()).contains("所属長");
    assertThat(list.body().get("errorEn").asText()).contains("unit head");
    assertThat(name("sato", "suzuki").status()).isEqualTo(403);
    assertThat(get("/api/me/deputy-candidates?q=ito", "sato").status()).isEqualTo(403);

    // a staff member makes herself deputy of someone: through /api/me, /api/admin or the engine
    LocalDate today = JapanClock.today();
    Map<String, Object> forOther = range("sato", today, today.plusDays(2));
    forOther.put("principal", "takahashi");
    assertThat(postJson("/api/me/deputies", "sato", forOther).status()).isEqualTo(403);
    assertThat(postJson("/api/admin/deputies", "sato", forOther).status()).isEqualTo(403);
    Map<String, Object> itoForTakahashi = range("ito", today, today.plusDays(2));
    itoForTakahashi.put("principal", "takahashi");
    Answer other = postJson("/api/me/deputies", "ito", itoForTakahashi);
    assertThat(other.status()).isEqualTo(400);
    assertThat(fields(other)).containsExactly("principal");
    assertThat(get("/api/me/deputies", "takahashi").body())
        .allMatch(assignment -> !assignment.get("revokedAt").isNull());

    String[] instance = new String[1];
    String check = atDoubleCheck("sato", instance);
    Answer link =
        postJson(
            "/engine-rest/task/" + check + "/identity-links",
            "ito",
            Map.of("userId", "ito", "type", "candidate"));
    assertThat(link.status()).isEqualTo(403);
    assertThat(candidateUsers(check)).isEmpty();

    // nobody revokes another's assignment through /api/me
    long id = name("takahashi", "nakamura").body().get("id").asLong();
    assertThat(send("DELETE", "/api/me/deputies/" + id, "ito", null).status()).isEqualTo(404);
    Answer revoked = send("DELETE", "/api/me/deputies/" + id, "takahashi", null);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body().get("statusLabel").asText()).isEqualTo("取消");
    assertThat(revoked.body().get("revokedBy").asText()).isEqualTo("takahashi");

    // administrators name one for anyone
    Map<String, Object> byAdmin = range("nakamura", today.plusDays(10), today.plusDays(12));
    byAdmin.put("principal", "yamamoto");
    Answer admin = postJson("/api/admin/deputies", "demo", byAdmin);
    assertThat(admin.status()).as(admin.text()).isEqualTo(201);
    assertThat(admin.body().get("statusLabel").asText()).isEqualTo("予定");
    assertThat(admin.body().get("createdBy").asText()).isEqualTo("demo");
    JsonNode found = get("/api/me/deputy-candidates?q=伊藤", "takahashi").body();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("id").asText()).isEqualTo("ito");
    assertThat(found.get(0).get("department").asText()).isEqualTo("福祉課");
    assertThat(get("/api/me/deputy-candidates?q=", "takahashi").body().toString())
        .as("not herself")
        .doesNotContain("\"takahashi\"");
  }

  private static List<String> fields(Answer answer) {
    List<String> fields = new ArrayList<>();
    if (answer.body() != null && answer.body().has("errors")) {
      answer.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
    }
    return fields;
  }
}
