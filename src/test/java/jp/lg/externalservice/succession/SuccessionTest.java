package jp.lg.externalservice.succession;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.operation.OperationProcess;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryEvent;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.security.DirectoryChanged;
import jp.lg.externalservice.security.StaffGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, personnel changes: a registry entry whose サービス管理担当者 or 外部サービス管理者 left is listed for
 * 情報政策課 with one task to name a successor, through the real engine and HTTP. People leave as the
 * directory synchronisation makes them leave — their engine groups change — and the watch starts
 * from {@link DirectoryChanged} or from its daily timer. The people of these tests are created for
 * each test (the demo users are shared with other test classes), and their entries end afterwards.
 */
class SuccessionTest extends WebTest {

  @Autowired RegistryService registry;
  @Autowired CaseMessages messages;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired ApplicationEventPublisher events;
  @Autowired JdbcTemplate jdbc;

  private final String marker = Long.toString(System.nanoTime(), 36);
  private final List<String> users = new ArrayList<>();
  private final List<String> entries = new ArrayList<>();
  private final Set<String> watchesBefore = new java.util.HashSet<>();

  @AfterEach
  void cleanUp() {
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
    // the watches these tests started (other entries of the shared database may have vacancies too)
    runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(SuccessorWatch.KEY)
        .list()
        .stream()
        .filter(i -> !watchesBefore.contains(i.getId()))
        .forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "test over"));
    users.forEach(identityService::deleteUser);
  }

  /** A member of 区民課 (and of the given groups), created for this test. */
  private String person(String prefix, String lastName, String... groups) {
    if (watchesBefore.isEmpty()) {
      runtimeService
          .createProcessInstanceQuery()
          .processDefinitionKey(SuccessorWatch.KEY)
          .list()
          .forEach(i -> watchesBefore.add(i.getId()));
      watchesBefore.add("none");
    }
    String id = prefix + marker;
    User user = identityService.newUser(id);
    user.setLastName(lastName);
    user.setFirstName("テスト");
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

  /** An approved IMPORTANT service of 区民課 in operation (its first duty is the manager's). */
  private String inOperation(String administrator, String manager) {
    String entryId =
        ServicesInOperation.start(
            registry,
            messages,
            identityService,
            "後任テスト " + marker + " " + entries.size(),
            administrator,
            manager,
            "approval-" + marker);
    entries.add(entryId);
    return entryId;
  }

  private List<Task> successorTasks(String entryId) {
    return ServicesInOperation.successorTasks(taskService, runtimeService, entryId);
  }

  private Task operationTask(String entryId) {
    return operationTask(entryId, OperationProcess.Element.INTRODUCTION_CHECKLIST);
  }

  private Task operationTask(String entryId, String taskKey) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey(CaseProcesses.OPERATION)
        .processInstanceBusinessKey(entryId)
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** The person leaves 区民課 for 福祉課, as the directory synchronisation records it. */
  private void movesToFukushi(String userId) {
    identityService.deleteMembership(userId, "dept-kumin");
    identityService.createMembership(userId, "dept-fukushi");
  }

  /** The synchronisation tells what depends on people (after its commit). */
  private void directorySynchronised(String... userIds) {
    events.publishEvent(new DirectoryChanged(Set.of(userIds)));
  }

  /** The daily run, as the job executor would fire the timer start event. */
  private void dailyRun() {
    Job timer =
        managementService
            .createJobQuery()
            .processDefinitionKey(SuccessorWatch.KEY)
            .timers()
            .singleResult();
    managementService.executeJob(timer.getId());
  }

  private Answer complete(Task task, String user, String decision, String successor) {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("successionDecision", decision);
    if (successor != null) {
      answers.put("successorId", successor);
    }
    return postJson(
        "/engine-rest/task/" + task.getId() + "/submit-form", user, formVariables(answers));
  }

  private static List<String> fields(Answer answer) {
    List<String> fields = new ArrayList<>();
    answer.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  private JsonNode listed(String entryId, String user) {
    Answer list = get("/api/services/vacancies", user);
    assertThat(list.status()).as(list.text()).isEqualTo(200);
    for (JsonNode line : list.body()) {
      if (entryId.equals(line.path("registryEntryId").asText())) {
        return line;
      }
    }
    return null;
  }

  private List<String> successorMails(String recipient, String entryId) {
    return jdbc.queryForList(
        "SELECT subject FROM notification_outbox WHERE kind = 'SUCCESSOR_NAMED'"
            + " AND recipient = ? AND body LIKE ?",
        String.class,
        recipient,
        "%" + entryId + "%");
  }

  @Test
  @DisplayName("サービス管理担当者が異動: 情報政策課にタスク 1 件・一覧に表示、重複なし、他課の職員は拒否、指名で台帳・運用のタスク・メールが変わる")
  void serviceManagerWhoLeftGetsASuccessor() {
    String head = person("uh", "課長", "unit-head-kumin");
    String manager = person("sm", "担当");
    String entryId = inOperation(head, manager);
    assertThat(operationTask(entryId).getAssignee()).isEqualTo(manager);

    directorySynchronised(manager);
    assertThat(successorTasks(entryId)).as("nobody left yet").isEmpty();

    movesToFukushi(manager);
    directorySynchronised(manager);
    List<Task> tasks = successorTasks(entryId);
    assertThat(tasks).hasSize(1);
    Task task = tasks.get(0);
    assertThat(task.getName()).isEqualTo("後任テスト " + marker + " 0：後任を指名する");
    assertThat(
            taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(link -> link.getGroupId())
                .toList())
        .containsExactly(StaffGroups.POLICY_REVIEWER);
    assertThat(taskService.getVariable(task.getId(), "shown").toString())
        .contains("サービス管理担当者", manager.replace("-", "&#45;"));

    JsonNode line = listed(entryId, "nakamura");
    assertThat(line).as("listed for 情報政策課").isNotNull();
    assertThat(line.path("role").asText()).isEqualTo("SERVICE_MANAGER");
    assertThat(line.path("roleLabel").asText()).isEqualTo("サービス管理担当者");
    assertThat(line.path("departedUser").asText()).isEqualTo(manager);
    assertThat(line.path("departmentName").asText()).isEqualTo("区民課");
    assertThat(line.path("detectedAt").asText()).isNotBlank();
    assertThat(line.path("task").path("id").asText()).isEqualTo(task.getId());
    assertThat(listed(entryId, "kobayashi")).as("the head of 情報政策課 too").isNotNull();
    assertThat(listed(entryId, "demo")).as("administrators too").isNotNull();
    for (String outsider : List.of("sato", "tanaka", head)) {
      Answer refused = get("/api/services/vacancies", outsider);
      assertThat(refused.status()).as(outsider).isEqualTo(403);
      assertThat(refused.body().path("error").asText()).contains("情報政策課");
      assertThat(refused.body().path("errorEn").asText()).contains("policy-reviewer");
    }

    directorySynchronised(manager);
    dailyRun();
    assertThat(successorTasks(entryId)).as("the same departure: no second task").hasSize(1);

    runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "deleted in Cockpit");
    assertThat(listed(entryId, "nakamura").path("task").isNull())
        .as("still listed, without a task")
        .isTrue();
    dailyRun();
    assertThat(successorTasks(entryId)).as("the next run gives its task again").hasSize(1);
    task = successorTasks(entryId).get(0);
    assertThat(listed(entryId, "nakamura").path("task").path("id").asText())
        .isEqualTo(task.getId());

    Answer otherDepartment = complete(task, "nakamura", "NAME", "suzuki");
    assertThat(otherDepartment.status()).as(otherDepartment.text()).isEqualTo(400);
    assertThat(fields(otherDepartment)).containsExactly("successorId");
    assertThat(otherDepartment.body().path("errors").get(0).path("message").asText())
        .contains("区民課の職員");
    Answer herself = complete(task, "nakamura", "NAME", manager);
    assertThat(fields(herself)).containsExactly("successorId");
    Answer notNeeded = complete(task, "nakamura", "NOT_NEEDED", null);
    assertThat(fields(notNeeded))
        .as("she has not come back: a successor is needed")
        .containsExactly("successionDecision");
    Answer empty = complete(task, "nakamura", "NAME", null);
    assertThat(fields(empty)).containsExactly("successorId");
    assertThat(registry.find(entryId).orElseThrow().serviceManager())
        .as("nothing changed by a refusal")
        .isEqualTo(manager);

    Answer named = complete(task, "nakamura", "NAME", "sato");
    assertThat(named.status()).as(named.text()).isEqualTo(204);
    RegistryEntry entry = registry.find(entryId).orElseThrow();
    assertThat(entry.serviceManager()).isEqualTo("sato");
    assertThat(entry.serviceManagerName()).isEqualTo("佐藤 花子");
    assertThat(entry.serviceAdministrator()).isEqualTo(head);
    RegistryEvent event = entry.events().get(entry.events().size() - 1);
    assertThat(event.eventType()).isEqualTo(RegistryEvent.SUCCESSOR_NAMED);
    assertThat(event.actor()).isEqualTo("nakamura");
    assertThat(event.note()).contains("サービス管理担当者", manager, "sato", "指名: nakamura");
    assertThat(operationTask(entryId).getAssignee())
        .as("the open operation task follows the successor")
        .isEqualTo("sato");
    assertThat(successorMails("sato", entryId))
        .singleElement()
        .asString()
        .endsWith("後任への指名：サービス管理担当者");
    assertThat(successorTasks(entryId)).isEmpty();
    assertThat(listed(entryId, "nakamura")).as("no longer listed").isNull();

    dailyRun();
    assertThat(successorTasks(entryId)).as("sato is in 区民課: nothing to do").isEmpty();
  }

  @Test
  @DisplayName("外部サービス管理者が所属長でなくなった: 毎日の確認でタスク、所属長を提案、所属長でない職員は拒否、所属長を指名")
  void serviceAdministratorWhoLeftGetsTheUnitHead() {
    String head = person("uh", "前課長", "unit-head-kumin");
    String entryId = inOperation(head, "sato");

    // the yearly usage check is his (the timer's work, started directly), and he claimed an
    // escalation
    ProcessInstance operation =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseProcesses.OPERATION)
            .processInstanceBusinessKey(entryId)
            .singleResult();
    runtimeService
        .createProcessInstanceModification(operation.getId())
        .startBeforeActivity(OperationProcess.Element.USAGE_CHECK_BY_ADMINISTRATOR)
        .startBeforeActivity(OperationProcess.Element.ESCALATE_QUARTERLY_REVIEW)
        .execute();
    assertThat(
            operationTask(entryId, OperationProcess.Element.USAGE_CHECK_BY_ADMINISTRATOR)
                .getAssignee())
        .isEqualTo(head);
    Task escalation = operationTask(entryId, OperationProcess.Element.ESCALATE_QUARTERLY_REVIEW);
    taskService.claim(escalation.getId(), head);

    identityService.deleteMembership(head, "unit-head-kumin"); // still in 区民課, no longer its head
    dailyRun();
    List<Task> tasks = successorTasks(entryId);
    assertThat(tasks).hasSize(1);
    Task task = tasks.get(0);
    assertThat(runtimeService.getVariable(task.getExecutionId(), "successorId"))
        .as("the department's 所属長 is proposed (ruling R-21)")
        .isEqualTo("tanaka");
    assertThat(taskService.getVariable(task.getId(), "shown").toString())
        .contains("外部サービス管理者", "田中 誠");
    assertThat(listed(entryId, "yamamoto").path("role").asText())
        .isEqualTo("SERVICE_ADMINISTRATOR");

    Answer notHead = complete(task, "nakamura", "NAME", "sato");
    assertThat(notHead.status()).isEqualTo(400);
    assertThat(fields(notHead)).containsExactly("successorId");
    assertThat(notHead.body().path("errors").get(0).path("message").asText())
        .contains("区民課の所属長")
        .doesNotContain("unit-head-kumin");
    assertThat(notHead.body().path("errors").get(0).path("messageEn").asText())
        .contains("unit-head-kumin");
    Answer otherHead = complete(task, "nakamura", "NAME", "watanabe");
    assertThat(fields(otherHead)).as("福祉課's 所属長").containsExactly("successorId");

    Answer named = complete(task, "nakamura", "NAME", "tanaka");
    assertThat(named.status()).as(named.text()).isEqualTo(204);
    RegistryEntry entry = registry.find(entryId).orElseThrow();
    assertThat(entry.serviceAdministrator()).isEqualTo("tanaka");
    assertThat(entry.serviceAdministratorName()).isEqualTo("田中 誠");
    assertThat(entry.serviceManager()).isEqualTo("sato");
    RegistryEvent event = entry.events().get(entry.events().size() - 1);
    assertThat(event.eventType()).isEqualTo(RegistryEvent.SUCCESSOR_NAMED);
    assertThat(event.note()).contains("外部サービス管理者", head, "tanaka");
    assertThat(
            operationTask(entryId, OperationProcess.Element.USAGE_CHECK_BY_ADMINISTRATOR)
                .getAssignee())
        .as("his task follows the successor")
        .isEqualTo("tanaka");
    assertThat(
            operationTask(entryId, OperationProcess.Element.ESCALATE_QUARTERLY_REVIEW)
                .getAssignee())
        .as("the group task he had claimed goes back to the 所属長 group")
        .isNull();
    assertThat(runtimeService.getVariable(operation.getId(), "serviceAdministrator"))
        .as("the operation's display copy")
        .isEqualTo("tanaka");
    assertThat(successorMails("tanaka", entryId))
        .singleElement()
        .asString()
        .endsWith("後任への指名：外部サービス管理者");
  }

  @Test
  @DisplayName("本人が所属に戻った: 後任の指名は拒否され「不要」で閉じられ、台帳は変わらない")
  void personWhoCameBackNeedsNoSuccessor() {
    String head = person("uh", "課長", "unit-head-kumin");
    String manager = person("sm", "担当");
    String entryId = inOperation(head, manager);
    movesToFukushi(manager);
    directorySynchronised(manager);
    Task task = successorTasks(entryId).get(0);

    identityService.deleteMembership(manager, "dept-fukushi");
    identityService.createMembership(manager, "dept-kumin");
    Answer named = complete(task, "nakamura", "NAME", "sato");
    assertThat(named.status()).isEqualTo(400);
    assertThat(fields(named)).containsExactly("successionDecision");

    Answer notNeeded = complete(task, "nakamura", "NOT_NEEDED", null);
    assertThat(notNeeded.status()).as(notNeeded.text()).isEqualTo(204);
    RegistryEntry entry = registry.find(entryId).orElseThrow();
    assertThat(entry.serviceManager()).isEqualTo(manager);
    assertThat(entry.events())
        .extracting(RegistryEvent::eventType)
        .doesNotContain(RegistryEvent.SUCCESSOR_NAMED);
    assertThat(operationTask(entryId).getAssignee()).isEqualTo(manager);
    assertThat(listed(entryId, "nakamura")).isNull();

    // she leaves again later: a new task
    movesToFukushi(manager);
    directorySynchronised(manager);
    assertThat(successorTasks(entryId)).hasSize(1);
  }

  @Test
  @DisplayName("退職で職員がいなくなった（ユーザーごと削除）: 台帳の氏名で一覧に出る")
  void serviceManagerWhoIsNoUserAnyMore() {
    String head = person("uh", "課長", "unit-head-kumin");
    String manager = person("sm", "退職");
    String entryId = inOperation(head, manager);
    identityService.deleteUser(manager);
    users.remove(manager);
    dailyRun();
    assertThat(successorTasks(entryId)).hasSize(1);
    JsonNode line = listed(entryId, "nakamura");
    assertThat(line.path("departedUser").asText()).isEqualTo(manager);
    assertThat(line.path("departedName").asText()).isEqualTo("退職 テスト");
  }
}
