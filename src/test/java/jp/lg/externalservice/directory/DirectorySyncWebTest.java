package jp.lg.externalservice.directory;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryDirectoryServerSnapshot;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.security.DirectoryChanged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ward's directory (issue 16, items 1 and 2) against a real LDAP server: UnboundID's in-memory
 * directory, loaded with an Active Directory-like tree ({@code directory/ward.ldif}), synchronised
 * into the engine at start and by the admin endpoint; passwords checked by binds.
 */
@Tag("own-application-context")
class DirectorySyncWebTest extends WebTest {

  private static final String BASE = "DC=ward,DC=example";
  private static final String STAFF = "OU=職員," + BASE;
  private static final InMemoryDirectoryServer LDAP = startLdap();
  private static final InMemoryDirectoryServerSnapshot LOADED = LDAP.createSnapshot();

  /** The users of each {@link DirectoryChanged} published, in order. */
  static final List<java.util.Set<String>> CHANGED =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  @TestConfiguration
  static class Events {
    @EventListener
    void changed(DirectoryChanged event) {
      CHANGED.add(event.userIds());
    }
  }

  @Autowired IdentityService identityService;
  @Autowired DepartmentDirectory departments;
  @Autowired JdbcTemplate jdbc;

  private static InMemoryDirectoryServer startLdap() {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
      config.addAdditionalBindCredentials("CN=svc-workflow,OU=役割," + BASE, "svc-pass");
      config.setSchema(null); // Active Directory's attributes (sAMAccountName, msDS-Phonetic…)
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0)); // a free port
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.importFromLDIF(
          true, DirectorySyncWebTest.class.getResource("/directory/ward.ldif").getPath());
      server.startListening();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopLdap() {
    LDAP.shutDown(true);
  }

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) {
    // a database of its own, also when the suite runs on PostgreSQL (where the other test classes
    // share one): the synchronisation rewrites people, roles and department names they rely on
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:directory-"
                + java.util.UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    String d = "external-service.directory.";
    registry.add(d + "enabled", () -> "true");
    registry.add(d + "urls[0]", () -> "ldap://localhost:" + LDAP.getListenPort());
    registry.add(d + "bind-dn", () -> "CN=svc-workflow,OU=役割," + BASE);
    registry.add(d + "bind-password", () -> "svc-pass");
    registry.add(d + "user-base", () -> STAFF);
    registry.add(d + "group-base", () -> "OU=役割," + BASE);
    registry.add(d + "departments.base", () -> "OU=所属," + BASE);
    // by DN and by name
    registry.add(d + "roles[0].group", () -> "CN=所属長,OU=役割," + BASE);
    registry.add(d + "roles[0].role", () -> "UNIT_HEAD");
    registry.add(d + "roles[1].group", () -> "利用責任者");
    registry.add(d + "roles[1].role", () -> "SECURITY_OFFICER");
    registry.add(d + "roles[2].group", () -> "情報政策課審査");
    registry.add(d + "roles[2].role", () -> "POLICY_REVIEWER");
    registry.add(d + "roles[3].group", () -> "許可権限者");
    registry.add(d + "roles[3].role", () -> "POLICY_HEAD");
    registry.add(d + "local-users[0]", () -> "demo");
    registry.add(d + "department-successors.child-support", () -> "fukushi");
    registry.add(d + "max-removal-share", () -> "0.2");
  }

  @Test
  @DisplayName("ディレクトリのパスワードでログインでき、誤ったパスワードと空のパスワードでは拒否される")
  void logsInWithTheDirectoryPassword() {
    assertThat(get("/engine-rest/user/ueda/profile", "ueda:ueda-pass").status()).isEqualTo(200);
    assertThat(get("/engine-rest/user/ueda/profile", "ueda:wrong").status()).isEqualTo(401);
    assertThat(get("/engine-rest/user/ueda/profile", "ueda:").status()).isEqualTo(401);
    // the engine's stored password (random) is not the way in, and an entry outside the filter
    assertThat(get("/engine-rest/user/ueda/profile", "kiosk:kiosk-pass").status()).isEqualTo(401);
    // the directory ignores the case of ids, the engine does not: only the id as synchronised
    assertThat(get("/engine-rest/user/ueda/profile", "UEDA:ueda-pass").status()).isEqualTo(401);
    // LDAP injection: the id is escaped in the search filter
    assertThat(get("/engine-rest/user/ueda/profile", "*:ueda-pass").status()).isEqualTo(401);
    // the local administrator keeps the engine's password
    assertThat(get("/engine-rest/user/ueda/profile", "demo").status()).isEqualTo(200);

    JsonNode profile = get("/engine-rest/user/ueda/profile", "ueda:ueda-pass").body();
    assertThat(profile.get("lastName").asText()).isEqualTo("上田");
    assertThat(profile.get("email").asText()).isEqualTo("ueda@ward.example");
    assertThat(
            jdbc.queryForMap(
                "SELECT last_name_kana, first_name_kana, department_code FROM staff_directory WHERE user_id = 'ueda'"))
        .containsEntry("LAST_NAME_KANA", "うえだ")
        .containsEntry("FIRST_NAME_KANA", "しんいち")
        .containsEntry("DEPARTMENT_CODE", "kumin");
    assertThat(departments.departmentOf("ueda")).contains(new Department("kumin", "区民課"));
  }

  @Test
  @DisplayName("検索結果が空になった同期は（退職扱いが上限を超えるため）拒否され、何も変わらない")
  void anEmptyDirectoryIsRefused() throws Exception {
    InMemoryDirectoryServerSnapshot before = LDAP.createSnapshot();
    try {
      for (var entry :
          LDAP.search(STAFF, com.unboundid.ldap.sdk.SearchScope.ONE, "(objectClass=*)")
              .getSearchEntries()) {
        LDAP.delete(entry.getDN());
      }
      Answer refused = postJson("/api/admin/directory/sync", "demo", Map.of());
      assertThat(refused.status()).as(refused.text()).isEqualTo(409);
      assertThat(refused.body().get("outcome").asText()).isEqualTo("REFUSED");
      assertThat(refused.body().get("message").asText()).contains("中止");
      assertThat(identityService.createUserQuery().memberOfGroup("staff").userId("ueda").count())
          .isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM staff_directory WHERE left_at IS NOT NULL AND user_id = 'ueda'",
                  Integer.class))
          .isZero();
    } finally {
      LDAP.restoreSnapshot(before);
    }
  }

  @Test
  @DisplayName("同期は管理者だけが実行できる")
  void onlyAdministratorsSynchronise() {
    assertThat(postJson("/api/admin/directory/sync", "ueda:ueda-pass", Map.of()).status())
        .isEqualTo(403);
    assertThat(get("/api/admin/directory/sync", "ueda:ueda-pass").status()).isEqualTo(403);
    JsonNode status = get("/api/admin/directory/sync", "demo").body();
    assertThat(status.get("enabled").asBoolean()).isTrue();
    assertThat(status.get("lastResult").asText()).as("the run at start").isNotBlank();
  }

  @Test
  @DisplayName("人事異動: 担当中のタスクはグループに戻り、新しい利用責任者が引き受け、記録は当時の氏名と役割を残す")
  void personnelChangesMoveTheTasksAndKeepTheRecords() throws Exception {
    // A: double-checked by okada (利用責任者 of 区民課) before the change
    String a = atDoubleCheck("ueda", "kintone A");
    String taskA = doubleCheckTask(a, "okada");
    assertThat(claim(taskA, "okada").status()).isEqualTo(204);
    assertThat(forward(taskA, "okada").status()).isEqualTo(204);
    // B: claimed by okada, still open; C: claimed by maeda, still open
    String b = atDoubleCheck("ueda", "kintone B");
    String taskB = doubleCheckTask(b, "okada");
    assertThat(claim(taskB, "okada").status()).isEqualTo(204);
    String c = atDoubleCheck("ueda", "kintone C");
    String taskC = doubleCheckTask(c, "maeda");
    assertThat(claim(taskC, "maeda").status()).isEqualTo(204);
    // D: filed in 子育て支援課, waiting for its 利用責任者 saito
    String d = atDoubleCheck("kondo", "kintone D");
    String taskD = doubleCheckTask(d, "saito");
    assertThat(get("/engine-rest/task/" + taskD, "okada:okada-pass").status()).isIn(403, 404);

    // 1 April: okada moves to 福祉課 (still 利用責任者), mori becomes 利用責任者 of 区民課, maeda becomes 所属長
    // of 区民課 in place of ishii, abe leaves, 福祉課 is renamed, 子育て支援課 is merged into it
    modify("CN=岡田 恵," + STAFF, ModificationType.REPLACE, "department", "福祉保健課");
    modify("CN=利用責任者,OU=役割," + BASE, ModificationType.ADD, "member", "CN=森 健太," + STAFF);
    modify("CN=所属長,OU=役割," + BASE, ModificationType.DELETE, "member", "CN=石井 聡," + STAFF);
    modify("CN=所属長,OU=役割," + BASE, ModificationType.ADD, "member", "CN=前田 隆," + STAFF);
    LDAP.delete("CN=阿部 修," + STAFF);
    modify("CN=福祉課,OU=所属," + BASE, ModificationType.REPLACE, "displayName", "福祉保健課");
    modify("CN=林 和子," + STAFF, ModificationType.REPLACE, "department", "福祉保健課");
    LDAP.delete("CN=子育て支援課,OU=所属," + BASE);
    modify("CN=近藤 優," + STAFF, ModificationType.REPLACE, "department", "福祉保健課");
    modify("CN=斎藤 亮," + STAFF, ModificationType.REPLACE, "department", "福祉保健課");

    CHANGED.clear();
    Answer sync = postJson("/api/admin/directory/sync", "demo", Map.of());
    assertThat(sync.status()).as(sync.text()).isEqualTo(200);
    JsonNode report = sync.body();
    assertThat(texts(report.get("moved")))
        .containsExactlyInAnyOrder(
            "okada: kumin → fukushi",
            "kondo: child-support → fukushi",
            "saito: child-support → fukushi");
    assertThat(String.join(" ", texts(report.get("rolesChanged"))))
        .contains("mori", "maeda", "ishii");
    assertThat(texts(report.get("left"))).containsExactly("abe");
    assertThat(texts(report.get("departmentsRenamed"))).containsExactly("fukushi: 福祉課 → 福祉保健課");
    assertThat(texts(report.get("departmentsMerged"))).containsExactly("child-support → fukushi");
    assertThat(report.get("tasksReleased")).hasSize(1);
    assertThat(texts(report.get("skipped")))
        .as("an id the engine refuses is reported and does not stop the others")
        .singleElement()
        .asString()
        .startsWith("t.yamada: ");
    assertThat(CHANGED)
        .as("published after the commit, for what depends on people")
        .containsExactly(
            java.util.Set.of(
                "okada",
                "mori",
                "maeda",
                "ishii",
                "abe",
                "kondo",
                "saito",
                // 福祉保健課's 所属長 is now also the 所属長 of the merged department
                "hayashi"));

    // B went back to the group, with the reason in its comments; okada can no longer take it
    assertThat(get("/engine-rest/task/" + taskB, "demo").body().get("assignee").isNull()).isTrue();
    assertThat(get("/engine-rest/task/" + taskB + "/comment", "demo").text())
        .contains("人事異動により担当を解除しました");
    assertThat(claim(taskB, "okada").status()).isGreaterThanOrEqualTo(400);
    assertThat(claim(taskB, "mori").status()).isEqualTo(204);
    assertThat(forward(taskB, "mori").status()).isEqualTo(204);

    // C stays maeda's (he is still 利用責任者), but four-eyes is judged now: he is the applicant's 所属長
    assertThat(get("/engine-rest/task/" + taskC, "demo").body().get("assignee").asText())
        .isEqualTo("maeda");
    Answer refused = forward(taskC, "maeda");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("所属長");

    // A's record keeps who acted, in which role, under the name of the time
    Map<String, Object> act =
        jdbc.queryForMap(
            "SELECT actor, actor_name, actor_role FROM case_act WHERE case_id = ? AND step = ?",
            a,
            CaseSteps.DOUBLE_CHECK);
    assertThat(act)
        .containsEntry("ACTOR", "okada")
        .containsEntry("ACTOR_NAME", "岡田 恵")
        .containsEntry("ACTOR_ROLE", "security-officer-kumin"); // she is in 福祉保健課 now

    // the merged department's case goes to the successor's 利用責任者; new applications never name it
    assertThat(claim(taskD, "okada").status()).isEqualTo(204);
    Group merged = identityService.createGroupQuery().groupId("dept-child-support").singleResult();
    assertThat(merged.getType()).isEqualTo(DirectorySync.MERGED_TYPE);
    assertThat(departments.departmentOf("kondo")).contains(new Department("fukushi", "福祉保健課"));

    // abe left: no login, no memberships, the engine user (her name in history) stays
    assertThat(get("/engine-rest/user/abe/profile", "abe:abe-pass").status()).isEqualTo(401);
    assertThat(identityService.createGroupQuery().groupMember("abe").count()).isZero();
    assertThat(identityService.createUserQuery().userId("abe").singleResult().getLastName())
        .isEqualTo("阿部");

    // users made by hand (here the demo data) are never touched
    assertThat(
            identityService
                .createUserQuery()
                .userId("takahashi")
                .memberOfGroup("security-officer-kumin")
                .count())
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM staff_directory WHERE user_id = 'takahashi'", Integer.class))
        .isZero();

    // a second run finds nothing to do
    JsonNode again = postJson("/api/admin/directory/sync", "demo", Map.of()).body();
    assertThat(again.get("moved")).isEmpty();
    assertThat(again.get("left")).isEmpty();
    assertThat(again.get("rolesChanged")).isEmpty();
  }

  private static void modify(String dn, ModificationType type, String attribute, String value)
      throws Exception {
    LDAP.modify(dn, new Modification(type, attribute, value));
  }

  private static List<String> texts(JsonNode array) {
    java.util.List<String> texts = new java.util.ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /** A free application filed by {@code user} up to its double check. */
  private String atDoubleCheck(String user, String service) {
    String credentials = user + ":" + user + "-pass";
    String instance =
        fileApplication(
            credentials,
            kintone()
                .paid(false)
                .with("serviceName", service)
                .with("serviceManager", user)
                .variables());
    postJson(
        "/engine-rest/task/" + onlyTask(instance, credentials) + "/submit-form",
        credentials,
        formVariables(TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS)));
    postJson(
        "/engine-rest/task/" + onlyTask(instance, credentials) + "/submit-form",
        credentials,
        formVariables(TaskAnswers.measuresAllMet()));
    return instance;
  }

  private String onlyTask(String instance, String user) {
    JsonNode tasks = get("/engine-rest/task?processInstanceId=" + instance, user).body();
    assertThat(tasks).as("tasks of " + instance).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private String doubleCheckTask(String instance, String checker) {
    JsonNode tasks =
        get(
                "/engine-rest/task?processInstanceId="
                    + instance
                    + "&taskDefinitionKey="
                    + CaseSteps.DOUBLE_CHECK,
                checker + ":" + checker + "-pass")
            .body();
    assertThat(tasks).as("the double check, as " + checker + " sees it").hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private Answer claim(String task, String user) {
    return postJson(
        "/engine-rest/task/" + task + "/claim",
        user + ":" + user + "-pass",
        Map.of("userId", user));
  }

  private Answer forward(String task, String user) {
    return postJson(
        "/engine-rest/task/" + task + "/submit-form",
        user + ":" + user + "-pass",
        formVariables(TaskAnswers.doubleCheck("FORWARD", null)));
  }
}
