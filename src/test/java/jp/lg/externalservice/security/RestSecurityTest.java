package jp.lg.externalservice.security;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine REST API requires HTTP Basic everywhere, applies authorizations, and reports bad input
 * as 400.
 */
class RestSecurityTest extends WebTest {

  @Autowired HistoryService historyService;

  private static Map<String, Object> restVariables(Map<String, Object> variables) {
    Map<String, Object> rest = new LinkedHashMap<>();
    variables.forEach(
        (name, value) ->
            rest.put(
                name,
                value instanceof JsonValue json
                    ? Map.of("value", json.getValueSerialized(), "type", "Json")
                    : Map.of("value", value)));
    return Map.of("variables", rest);
  }

  @Test
  @DisplayName("認証なしでは engine-rest のどのパスも 401（Camunda が素通しする /engine も含む）")
  // Past 5 wrong passwords a user id's logins wait (LoginThrottle): use a user no other test needs.
  void everyPathNeedsCredentials() {
    for (String path :
        new String[] {
          "/engine-rest/engine",
          "/engine-rest/process-definition",
          "/engine-rest/task",
          "/engine-rest/history/process-instance",
          "/engine-rest/engine/default/user",
          "/engine-rest/version"
        }) {
      assertThat(get(path, null).status()).as(path).isEqualTo(401);
      assertThat(get(path, "watanabe:wrong").status()).as(path).isEqualTo(401);
    }
    assertThat(get("/engine-rest/engine", "sato").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("認証なしでは /api のどのパスも 401（日英のメッセージ付き）")
  void everyApiPathNeedsCredentials() {
    for (String path :
        new String[] {
          "/api/services",
          "/api/services/REG-2026-0001",
          "/api/services/export.csv",
          "/api/tasks/any/attachments",
          "/api/attachments/any/content",
          "/api/unknown"
        }) {
      Answer answer = get(path, null);
      assertThat(answer.status()).as(path).isEqualTo(401);
      assertThat(answer.text()).as(path).contains("ログインが必要です", "Authentication required");
    }
    for (String path : new String[] {"/api/precheck", "/api/services/REG-2026-0001/events"}) {
      assertThat(postJson(path, null, Map.of()).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  @DisplayName("REST からの開始も申請の提出もサーバー側で検証され、400 で項目を示し、何も保存されない（開始 API と start-form の両方）")
  void restStartIsValidated() {
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    for (String operation : new String[] {"start", "submit-form"}) {
      Answer answer =
          postJson(
              "/engine-rest/process-definition/key/" + CaseProcesses.APPLICATION + "/" + operation,
              "sato",
              restVariables(Map.of("serviceName", "  ")));
      assertThat(answer.status()).as(operation).isEqualTo(400);
      assertThat(answer.body().get("type").asText()).isEqualTo("InputValidationException");
      assertThat(answer.body().get("message").asText())
          .contains("serviceName", "必須項目です", "is required");
      assertThat(answer.body().get("errors"))
          .extracting(error -> error.get("field").asText())
          .containsExactly("serviceName");
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);

    String draft = startApplication("sato", kintone().variables());
    String task = fillInTask(draft, "sato");
    Answer answer =
        postJson(
            "/engine-rest/task/" + task + "/submit-form",
            "sato",
            restVariables(kintone().without("providerName").with("userCount", -3).variables()));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("message").asText())
        .contains("providerName", "必須項目です", "is required");
    assertThat(answer.body().get("errors"))
        .extracting(error -> error.get("field").asText())
        .containsExactly("providerName", "userCount");
    assertThat(fillInTask(draft, "sato")).as("the draft stays open").isEqualTo(task);
  }

  @Test
  @DisplayName("REST からの正しい開始は成功し、申請者は自分のタスク・変数・履歴を見られるが、他部署の職員は見られない")
  void restStartAndTaskVisibility() {
    String instanceId =
        fileApplication("sato", kintone().with("serviceName", "REST で申請した kintone").variables());
    Answer satoTasks = get("/engine-rest/task?processInstanceId=" + instanceId, "sato");
    assertThat(satoTasks.body()).hasSize(1);
    assertThat(satoTasks.body().get(0).get("name").asText())
        .isEqualTo("REST で申請した kintone：利用に係るリスクを確認する");
    assertThat(get("/engine-rest/task?processInstanceId=" + instanceId, "suzuki").body()).isEmpty();
    assertThat(get("/engine-rest/process-instance/" + instanceId + "/variables", "suzuki").status())
        .isEqualTo(403);
    Answer own = get("/engine-rest/process-instance/" + instanceId + "/variables", "sato");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body().get("outcome").get("value").asText()).isEqualTo("APPLICATION_REQUIRED");
    assertThat(
            get("/engine-rest/history/process-instance?processInstanceId=" + instanceId, "sato")
                .body())
        .hasSize(1);
    assertThat(
            get("/engine-rest/history/process-instance?processInstanceId=" + instanceId, "suzuki")
                .body())
        .isEmpty();
  }

  @Test
  @DisplayName("他部署の職員は REST で申請の実行・変数・履歴を読めず、タスクの担当・完了・変更もできない")
  void anotherDepartmentCannotReadOrTouchTheCase() {
    String instanceId =
        fileApplication("sato", kintone().with("serviceName", "他部署から見えない kintone").variables());
    String taskId =
        get("/engine-rest/task?processInstanceId=" + instanceId, "sato")
            .body()
            .get(0)
            .get("id")
            .asText();

    // suzuki works in 福祉課: nothing of 区民課's case is visible
    for (String path :
        List.of(
            "/engine-rest/process-instance?processInstanceIds=" + instanceId,
            "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId,
            "/engine-rest/task?processInstanceId=" + instanceId,
            "/engine-rest/history/process-instance?processInstanceId=" + instanceId,
            "/engine-rest/history/variable-instance?processInstanceId=" + instanceId,
            "/engine-rest/history/task?processInstanceId=" + instanceId,
            "/engine-rest/history/activity-instance?processInstanceId=" + instanceId,
            "/engine-rest/history/detail?processInstanceId=" + instanceId,
            "/engine-rest/history/decision-instance?processInstanceId=" + instanceId)) {
      Answer answer = get(path, "suzuki");
      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.body()).as(path).isEmpty();
    }
    for (String path :
        List.of(
            "/engine-rest/process-instance/" + instanceId,
            "/engine-rest/process-instance/" + instanceId + "/variables/serviceName",
            "/engine-rest/task/" + taskId,
            "/engine-rest/task/" + taskId + "/form-variables")) {
      assertThat(get(path, "suzuki").status()).as(path).isIn(403, 404);
    }

    // nor can suzuki take, complete, hand over or change it
    assertThat(
            postJson("/engine-rest/task/" + taskId + "/claim", "suzuki", Map.of("userId", "suzuki"))
                .status())
        .isEqualTo(403);
    assertThat(
            postJson(
                    "/engine-rest/task/" + taskId + "/assignee",
                    "suzuki",
                    Map.of("userId", "suzuki"))
                .status())
        .isIn(400, 403);
    assertThat(postJson("/engine-rest/task/" + taskId + "/complete", "suzuki", Map.of()).status())
        .isEqualTo(403);
    assertThat(
            postJson("/engine-rest/task/" + taskId + "/submit-form", "suzuki", Map.of()).status())
        .isEqualTo(403);
    assertThat(
            send(
                    "PUT",
                    "/engine-rest/process-instance/" + instanceId + "/variables/outcome",
                    "suzuki",
                    Map.of("value", "NO_APPLICATION_NEEDED"))
                .status())
        .isEqualTo(403);
    assertThat(
            send("DELETE", "/engine-rest/process-instance/" + instanceId, "suzuki", null).status())
        .isIn(403, 404);
    assertThat(
            postJson(
                    "/engine-rest/process-instance/" + instanceId + "/modification",
                    "suzuki",
                    Map.of(
                        "instructions",
                        List.of(
                            Map.of(
                                "type",
                                "startBeforeActivity",
                                "activityId",
                                CaseSteps.DOUBLE_CHECK))))
                .status())
        .isEqualTo(403);

    // even the applicant may not rewrite the classification the server made
    assertThat(
            send(
                    "PUT",
                    "/engine-rest/process-instance/" + instanceId + "/variables/outcome",
                    "sato",
                    Map.of("value", "NO_APPLICATION_NEEDED"))
                .status())
        .isEqualTo(403);
    Answer own = get("/engine-rest/task/" + taskId, "sato");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body().get("assignee").asText())
        .as("the task is still sato's")
        .isEqualTo("sato");
    assertThat(
            get("/engine-rest/process-instance/" + instanceId + "/variables/outcome", "sato")
                .body()
                .get("value")
                .asText())
        .isEqualTo("APPLICATION_REQUIRED");
  }

  @Test
  @DisplayName("Tasklist・Cockpit はログイン画面から始まる（未認証の API 呼び出しは拒否）")
  void webappsRequireLogin() {
    assertThat(get("/camunda/api/engine/engine/default/task/count", null).status()).isIn(401, 403);
    assertThat(get("/camunda/app/tasklist/default/", null).status()).isEqualTo(200);
  }
}
