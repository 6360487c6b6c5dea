package jp.lg.externalservice.review;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.caserecord.CaseSteps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Four-eyes and "× blocks" hold for the engine REST API exactly as for Tasklist. */
class ReviewRestTest extends WebTest {

  private String onlyTask(String instanceId, String user) {
    JsonNode tasks = get("/engine-rest/task?processInstanceId=" + instanceId, user).body();
    assertThat(tasks).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  @Test
  @DisplayName("利用責任者が自分の申請を REST でダブルチェックしても、× のまま審査へ送っても、400 で拒否されタスクは残る")
  void doubleCheckRulesHoldOverRest() {
    // takahashi is the 利用責任者 of 区民課 and applies himself
    String instance = fileApplication("takahashi", kintone().paid(false).variables());
    postJson(
        "/engine-rest/task/" + onlyTask(instance, "takahashi") + "/submit-form",
        "takahashi",
        formVariables(TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS)));
    postJson(
        "/engine-rest/task/" + onlyTask(instance, "takahashi") + "/submit-form",
        "takahashi",
        formVariables(TaskAnswers.measuresAllMet()));
    JsonNode doubleCheck =
        get(
                "/engine-rest/task?processInstanceId="
                    + instance
                    + "&taskDefinitionKey="
                    + CaseSteps.DOUBLE_CHECK,
                "takahashi")
            .body();
    assertThat(doubleCheck).hasSize(1);
    String taskId = doubleCheck.get(0).get("id").asText();

    Answer own =
        postJson(
            "/engine-rest/task/" + taskId + "/submit-form",
            "takahashi",
            formVariables(TaskAnswers.doubleCheck("FORWARD", null)));
    assertThat(own.status()).isEqualTo(400);
    assertThat(own.body().get("errors").get(0).get("field").asText()).isEqualTo("(user)");
    assertThat(own.body().get("message").asText()).contains("R-15");

    // another 利用責任者 of 区民課 may check, but not forward while an item is ×
    identityServiceMembership("ito", "security-officer-kumin", true);
    try {
      Answer crossed =
          postJson(
              "/engine-rest/task/" + taskId + "/submit-form",
              "ito",
              formVariables(TaskAnswers.doubleCheck("FORWARD", null, "item4")));
      assertThat(crossed.status()).isEqualTo(400);
      assertThat(crossed.body().get("message").asText()).contains("R-14");
      assertThat(get("/engine-rest/task/" + taskId, "ito").status())
          .as("the task stays open")
          .isEqualTo(200);
      Answer forwarded =
          postJson(
              "/engine-rest/task/" + taskId + "/submit-form",
              "ito",
              formVariables(TaskAnswers.doubleCheck("FORWARD", null)));
      assertThat(forwarded.status()).isEqualTo(204);
    } finally {
      identityServiceMembership("ito", "security-officer-kumin", false);
    }
  }

  @Test
  @DisplayName("申請者は情報政策課の審査タスクを REST で見ることも完了することもできない")
  void applicantCannotTouchTheReview() {
    String instance = fileApplication("sato", kintone().paid(false).variables());
    postJson(
        "/engine-rest/task/" + onlyTask(instance, "sato") + "/submit-form",
        "sato",
        formVariables(TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS)));
    postJson(
        "/engine-rest/task/" + onlyTask(instance, "sato") + "/submit-form",
        "sato",
        formVariables(TaskAnswers.measuresAllMet()));
    String check =
        get("/engine-rest/task?processInstanceId=" + instance, "takahashi")
            .body()
            .get(0)
            .get("id")
            .asText();
    assertThat(
            postJson(
                    "/engine-rest/task/" + check + "/submit-form",
                    "takahashi",
                    formVariables(TaskAnswers.doubleCheck("FORWARD", null)))
                .status())
        .isEqualTo(204);

    JsonNode review =
        get(
                "/engine-rest/task?taskDefinitionKey="
                    + ReviewProcess.Element.REVIEW
                    + "&processVariables=serviceName_eq_kintone",
                "yamamoto")
            .body();
    assertThat(review.size()).isPositive();
    String reviewId = review.get(review.size() - 1).get("id").asText();
    assertThat(get("/engine-rest/task/" + reviewId, "sato").status()).isIn(403, 404);
    assertThat(
            postJson(
                    "/engine-rest/task/" + reviewId + "/submit-form",
                    "sato",
                    formVariables(TaskAnswers.review("APPROVE", null)))
                .status())
        .isEqualTo(403);
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.IdentityService identityService;

  private void identityServiceMembership(String user, String group, boolean member) {
    if (member) {
      identityService.createMembership(user, group);
    } else {
      identityService.deleteMembership(user, group);
    }
  }
}
