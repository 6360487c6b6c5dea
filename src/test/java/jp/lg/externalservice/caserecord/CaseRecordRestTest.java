package jp.lg.externalservice.caserecord;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The findings of issue 12 about facts, through the engine REST API that Tasklist uses: whatever a
 * variable write answers (the REST guard may refuse it, an administrator may get it through), the
 * facts of the case stay as the server recorded them.
 */
class CaseRecordRestTest extends WebTest {

  @Autowired CaseRecords caseRecords;

  private String onlyTask(String instanceId, String user) {
    JsonNode tasks = get("/engine-rest/task?processInstanceId=" + instanceId, user).body();
    assertThat(tasks).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  /**
   * Tries to write a variable on the task as {@code user}; whether it is refused or not, it must
   * not matter.
   */
  private void tryWrite(String taskId, String user, String name, Object value) {
    Answer answer =
        send(
            "PUT",
            "/engine-rest/task/" + taskId + "/variables/" + name,
            user,
            Map.of("value", value));
    assertThat(answer.status()).isIn(204, 400, 403);
  }

  private List<String> candidateGroups(String taskId) {
    List<String> groups = new ArrayList<>();
    get("/engine-rest/task/" + taskId + "/identity-links", "demo")
        .body()
        .forEach(
            link -> {
              if (link.hasNonNull("groupId")) {
                groups.add(link.get("groupId").asText());
              }
            });
    return groups;
  }

  @Test
  @DisplayName("開始フォームの applicant は無視され、申請者はログイン中の職員になる")
  void startFormCannotFileInAnotherName() {
    // the REST guard refuses the extra variable outright (EngineRestGuardTest); without it the
    // record would still
    // name the signed-in user, which the engine-level CaseRecordTest shows. Here: a plain start is
    // filed as sato.
    Answer refused =
        postJson(
            "/engine-rest/process-definition/key/" + CaseProcesses.APPLICATION + "/submit-form",
            "sato",
            formVariables(kintone().with("applicant", "suzuki").variables()));
    assertThat(refused.status()).isEqualTo(400);
    String instance = fileApplication("sato", kintone().variables());
    assertThat(caseRecords.find(instance).orElseThrow().applicant().userId()).isEqualTo("sato");
    assertThat(get("/engine-rest/task?processInstanceId=" + instance, "suzuki").body()).isEmpty();
    assertThat(
            get("/engine-rest/task/" + onlyTask(instance, "sato"), "sato")
                .body()
                .get("assignee")
                .asText())
        .isEqualTo("sato");
  }

  @Test
  @DisplayName(
      "自分のタスクで applicant・departmentCode・itPlanningRequired を書いても、ダブルチェックの宛先も四つの目も情報化企画も変わらない")
  void ownTaskVariablesChangeNoFact() {
    // takahashi, the 利用責任者 of 区民課, applies (PAID: 情報化企画 required) and would check his own
    // application
    String instance = fileApplication("takahashi", kintone().variables());
    String risks = onlyTask(instance, "takahashi");
    tryWrite(risks, "takahashi", "itPlanningRequired", false);
    tryWrite(risks, "takahashi", "route", "FREE");
    postJson(
        "/engine-rest/task/" + risks + "/submit-form",
        "takahashi",
        formVariables(TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS)));
    String selfCheck = onlyTask(instance, "takahashi");
    tryWrite(selfCheck, "takahashi", "applicant", "sato");
    tryWrite(selfCheck, "takahashi", "departmentCode", "kumin,staff");
    assertThat(
            postJson(
                    "/engine-rest/task/" + selfCheck + "/submit-form",
                    "takahashi",
                    formVariables(TaskAnswers.measuresAllMet()))
                .status())
        .isEqualTo(204);

    String doubleCheck = onlyTask(instance, "takahashi");
    assertThat(candidateGroups(doubleCheck)).containsExactly("security-officer-kumin");
    assertThat(get("/engine-rest/task?processInstanceId=" + instance, "sato").body())
        .as("staff do not see the double check")
        .isEmpty();
    Answer own =
        postJson(
            "/engine-rest/task/" + doubleCheck + "/submit-form",
            "takahashi",
            formVariables(TaskAnswers.doubleCheck("FORWARD", null)));
    assertThat(own.status()).isEqualTo(400);
    assertThat(own.body().get("errors").get(0).get("field").asText()).isEqualTo("(user)");
    assertThat(caseRecords.find(instance).orElseThrow().classified().itPlanningRequired()).isTrue();
  }
}
