package jp.lg.externalservice.security;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine REST guard's mechanics: every spelling of a path reaches the same rule, the webapps'
 * path is guarded like {@code /engine-rest}, a real form submission passes and an extra variable
 * does not. (The attack of every task of every diagram is {@code AdversarialRestTest}.)
 */
class EngineRestGuardTest extends WebTest {

  /** A serialized Java object of a class the server does not know: never deserialized. */
  private static final Map<String, Object> SERIALIZED_OBJECT =
      Map.of(
          "value",
          "{}",
          "type",
          "Object",
          "valueInfo",
          Map.of(
              "objectTypeName", "com.example.Evil", "serializationDataFormat", "application/json"));

  private static final String START =
      "/engine-rest/process-definition/key/" + CaseProcesses.APPLICATION + "/submit-form";

  @Autowired private RuntimeService runtimeService;
  @Autowired private TaskService taskService;

  private String startAsSato(String serviceName) {
    return fileApplication("sato", kintone().with("serviceName", serviceName).variables());
  }

  private Task firstTask(String instanceId) {
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  @Test
  @DisplayName("開始フォームにない項目（申請者・業務キー・途中からの開始）は 400 で項目名を示して拒否され、何も保存されない")
  void startTakesOnlyTheStartFormFields() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> withApplicant =
        formVariables(Map.of("serviceName", "kintone", "applicant", "suzuki"));
    Answer refused = postJson(START, "sato", withApplicant);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("applicant");
    assertThat(refused.body().get("message").asText()).contains("applicant", "フォームにない項目");

    Map<String, Object> withBusinessKey =
        new LinkedHashMap<>(formVariables(Map.of("serviceName", "kintone")));
    withBusinessKey.put("businessKey", "R-0001");
    withBusinessKey.put(
        "startInstructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", CaseSteps.DECIDE)));
    Answer instructions =
        postJson(
            "/engine-rest/process-definition/key/" + CaseProcesses.APPLICATION + "/start",
            "sato",
            withBusinessKey);
    assertThat(instructions.status()).isEqualTo(400);
    assertThat(instructions.body().get("errors"))
        .extracting(error -> error.get("field").asText())
        .containsExactly("businessKey", "startInstructions");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  @DisplayName("同じ操作はパスの書き方（engine 名付き・末尾スラッシュ・重複スラッシュ・% エンコード・;）を変えても拒否される")
  void everySpellingOfAPathIsGuarded() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> inAnotherName =
        formVariables(kintone().with("applicant", "suzuki").variables());
    String definition = "/process-definition/key/" + CaseProcesses.APPLICATION + "/";
    for (String path :
        List.of(
            "/engine-rest/engine/default" + definition + "submit-form",
            "/engine-rest" + definition + "submit-form/",
            "/engine-rest/" + definition + "/submit-form",
            "/engine-rest" + definition + "%73ubmit-form",
            "/engine-rest" + definition + "submit-form;x=1",
            "/engine-rest" + definition + "start")) {
      Answer answer = postJson(path, "sato", inAnotherName);
      assertThat(answer.status()).as(path).isIn(400, 403, 404, 405);
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  @DisplayName("フォームどおりの完了は通り、フォームにない変数・Object 型を付けた完了は項目名を示して拒否されタスクは残る")
  void completionTakesOnlyTheTasksOwnFields() {
    String instanceId = startAsSato("完了の kintone");
    Task task = firstTask(instanceId);
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("contractType", Map.of("value", "PAID_CONTRACT"));
    answers.put("itPlanningRequired", Map.of("value", false));
    Answer extra =
        postJson(
            "/engine-rest/task/" + task.getId() + "/submit-form",
            "sato",
            Map.of("variables", answers));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.body().get("errors"))
        .extracting(error -> error.get("field").asText())
        .containsExactly("itPlanningRequired");

    Answer object =
        postJson(
            "/engine-rest/task/" + task.getId() + "/complete",
            "sato",
            Map.of("variables", Map.of("preparationNote", SERIALIZED_OBJECT)));
    assertThat(object.status()).isEqualTo(400);
    assertThat(object.text()).contains("preparationNote", "Object");
    assertThat(firstTask(instanceId).getId()).as("the task is still open").isEqualTo(task.getId());
    assertThat(runtimeService.getVariable(instanceId, "preparationNote")).isNull();
  }

  @Test
  @DisplayName("管理者でもエンジンの添付ファイル API と Object 型の変数は使えない")
  void administratorsToo() {
    String instanceId = startAsSato("管理者の kintone");
    Task task = firstTask(instanceId);
    Answer attachment =
        postJson("/engine-rest/task/" + task.getId() + "/attachment/create", "demo", Map.of());
    assertThat(attachment.status()).isEqualTo(403);
    assertThat(attachment.text()).contains("/api/tasks/{id}/attachments");
    Answer object =
        send(
            "PUT",
            "/engine-rest/process-instance/" + instanceId + "/variables/x",
            "demo",
            SERIALIZED_OBJECT);
    assertThat(object.status()).isEqualTo(400);
    assertThat(runtimeService.getVariable(instanceId, "x")).isNull();
    Answer plain =
        send(
            "PUT",
            "/engine-rest/process-instance/" + instanceId + "/variables/adminNote",
            "demo",
            Map.of("value", "確認済み", "type", "String"));
    assertThat(plain.status()).as("administrators manage cases").isEqualTo(204);
  }

  @Test
  @DisplayName("Tasklist の経路（/camunda/api/engine）でも同じ規則: 変数の書換えは 403、フォームにない項目は 400")
  void webappPathIsGuardedToo() {
    String instanceId = startAsSato("Tasklist 経路の kintone");
    Task task = firstTask(instanceId);
    WebappSession tasklist = WebappSession.login(port, "sato");
    assertThat(
            tasklist
                .send("PUT", "/task/" + task.getId() + "/variables/route", Map.of("value", "FREE"))
                .status())
        .isEqualTo(403);
    Answer submit =
        tasklist.send(
            "POST",
            "/task/" + task.getId() + "/submit-form",
            Map.of("variables", Map.of("route", Map.of("value", "FREE"))));
    assertThat(submit.status()).isEqualTo(400);
    assertThat(submit.text()).contains("route");
    assertThat(runtimeService.getVariable(instanceId, "route")).isEqualTo("PAID");
  }

  @Test
  @DisplayName("自分以外への claim と個人宛てタスクの付け替えは拒否され、担当グループ外・申請者への割当ては管理者でも拒否される")
  void assignmentStaysWithinTheGroupAndFourEyes() {
    String instanceId = startAsSato("割当ての kintone");
    Task task = firstTask(instanceId);
    assertThat(
            postJson(
                    "/engine-rest/task/" + task.getId() + "/claim",
                    "sato",
                    Map.of("userId", "suzuki"))
                .status())
        .isEqualTo(400);
    assertThat(
            postJson(
                    "/engine-rest/task/" + task.getId() + "/assignee",
                    "sato",
                    Map.of("userId", "suzuki"))
                .status())
        .as("her own task is hers")
        .isEqualTo(400);
    assertThat(firstTask(instanceId).getAssignee()).isEqualTo("sato");

    // takahashi (利用責任者 of 区民課) applies himself: his department's double check is not his to take
    String ownCase =
        fileApplication("takahashi", kintone().with("serviceManager", "takahashi").variables());
    runtimeService
        .createProcessInstanceModification(ownCase)
        .startBeforeActivity(CaseSteps.DOUBLE_CHECK)
        .execute();
    Task doubleCheck =
        taskService
            .createTaskQuery()
            .processInstanceId(ownCase)
            .taskDefinitionKey(CaseSteps.DOUBLE_CHECK)
            .singleResult();
    for (String ineligible : List.of("takahashi", "sato", "tanaka")) {
      Answer assigned =
          postJson(
              "/engine-rest/task/" + doubleCheck.getId() + "/assignee",
              "demo",
              Map.of("userId", ineligible));
      assertThat(assigned.status()).as(ineligible).isEqualTo(400);
      assertThat(assigned.text()).contains("assignee");
    }
    assertThat(
            postJson(
                    "/engine-rest/task/" + doubleCheck.getId() + "/claim",
                    "takahashi",
                    Map.of("userId", "takahashi"))
                .status())
        .as("the applicant claims his own double check")
        .isEqualTo(400);
    assertThat(
            taskService.createTaskQuery().taskId(doubleCheck.getId()).singleResult().getAssignee())
        .isNull();
  }

  @Test
  @DisplayName("数値欄への長い文字列、JSON の後ろに続く文字列は項目名を示して拒否される（攻撃レビュー H1・H2）")
  void valuesCannotSmuggleData() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> body = new LinkedHashMap<>(formVariables(kintone().variables()));
    @SuppressWarnings("unchecked")
    Map<String, Object> variables =
        new LinkedHashMap<>((Map<String, Object>) body.get("variables"));
    variables.put("userCount", Map.of("value", "12 " + "x".repeat(50_000), "type", "Json"));
    String draft = startApplication("sato", kintone().variables());
    String fillIn = fillInTask(draft, "sato");
    Answer number =
        postJson(
            "/engine-rest/task/" + fillIn + "/submit-form", "sato", Map.of("variables", variables));
    assertThat(number.status()).isEqualTo(400);
    assertThat(number.body().get("errors").get(0).get("field").asText()).isEqualTo("userCount");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before + 1);
    assertThat(fillInTask(draft, "sato")).isEqualTo(fillIn);

    String instanceId = startAsSato("後続文字列の kintone");
    Task task = firstTask(instanceId);
    Answer trailing =
        postJson(
            "/engine-rest/task/" + task.getId() + "/submit-form",
            "sato",
            Map.of(
                "variables",
                Map.of(
                    "acceptedRisks",
                    Map.of(
                        "value",
                        "[\"C1\"] {\"smuggled\":\"" + "Z".repeat(3_000) + "\"}",
                        "type",
                        "Json"))));
    assertThat(trailing.status()).isEqualTo(400);
    assertThat(trailing.text()).contains("acceptedRisks");
    assertThat(firstTask(instanceId).getId()).isEqualTo(task.getId());
  }

  @Test
  @DisplayName("コメントは自分のタスクの案件にだけ、2,000 文字まで書ける（攻撃レビュー H3・H4）")
  void commentsStayWithTheirCase() {
    String own = startAsSato("コメントの kintone");
    String other =
        fileApplication(
            "suzuki",
            kintone()
                .with("serviceName", "福祉課の kintone")
                .with("serviceManager", "suzuki")
                .variables());
    Task task = firstTask(own);
    String path = "/engine-rest/task/" + task.getId() + "/comment/create";
    Answer injected =
        postJson(path, "sato", Map.of("message", "【情報政策課】却下されました", "processInstanceId", other));
    assertThat(injected.status()).isEqualTo(400);
    assertThat(injected.text()).contains("processInstanceId");
    assertThat(postJson(path, "sato", Map.of("message", "x".repeat(2_001))).status())
        .isEqualTo(400);
    assertThat(taskService.getProcessInstanceComments(other)).isEmpty();
    assertThat(postJson(path, "sato", Map.of("message", "契約書の写しを添付しました")).status()).isEqualTo(200);
    assertThat(taskService.getTaskComments(task.getId())).hasSize(1);
  }

  @Test
  @DisplayName("開始フォームのない（システムが開始する）プロセスは職員が開始できない")
  void systemProcessesCannotBeStartedByStaff() {
    long reviews =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseProcesses.REVIEW)
            .count();
    Answer review =
        postJson(
            "/engine-rest/process-definition/key/" + CaseProcesses.REVIEW + "/start",
            "sato",
            Map.of());
    assertThat(review.status()).isEqualTo(403);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseProcesses.REVIEW)
                .count())
        .isEqualTo(reviews);
  }
}
