package jp.lg.externalservice.termination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryEntries;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The termination's four-eyes and × rules hold for the engine REST API as in
 * Tasklist.
 */
class TerminationRestTest extends WebTest {

  @Autowired RegistryService registry;

  private static Map<String, Object> json(String value) {
    return Map.of("value", value, "type", "Json");
  }

  @Test
  @DisplayName("REST でも、所属長は自分が申請した終了を確認できず、× のまま確認もできない")
  void rulesHoldOverRest() {
    String entryId =
        registry.register(RegistryEntries.inUse("REST 終了", Route.PAID), "kobayashi", "approval");
    String checks = "{\"t1\":\"YES\",\"t2\":\"YES\",\"t3\":\"YES\",\"t4\":\"YES\"}";
    Map<String, Object> request =
        Map.of(
            "variables",
            Map.of(
                "registryEntryId",
                Map.of("value", entryId),
                "terminationReason",
                Map.of("value", "移行"),
                "informationHandled",
                Map.of("value", "相談記録"),
                "endDate",
                Map.of("value", "2027-03-31"),
                "agreedAtTermination",
                Map.of("value", "解約"),
                "disposalProof",
                Map.of("value", "証明書"),
                "terminationCheck",
                json(checks),
                "reportChannel",
                Map.of("value", "LEDGER_SURVEY")));
    Answer started =
        postJson(
            "/engine-rest/process-definition/key/" + TerminationProcess.KEY + "/submit-form",
            "tanaka",
            request);
    assertThat(started.status()).isEqualTo(200);
    String instance = started.body().get("id").asText();

    // tanaka (所属長, the requester) also acts as a 利用責任者 for this test
    identityService.createMembership("tanaka", "security-officer-kumin");
    try {
      JsonNode tasks = get("/engine-rest/task?processInstanceId=" + instance, "tanaka").body();
      String taskId = tasks.get(0).get("id").asText();
      Answer own =
          postJson(
              "/engine-rest/task/" + taskId + "/submit-form",
              "tanaka",
              Map.of(
                  "variables",
                  Map.of(
                      "terminationDoubleCheck",
                      json(checks),
                      "terminationDecision",
                      Map.of("value", "CONFIRM"))));
      assertThat(own.status()).isEqualTo(400);
      assertThat(own.body().get("message").asText()).contains("R-15");

      Answer crossed =
          postJson(
              "/engine-rest/task/" + taskId + "/submit-form",
              "takahashi",
              Map.of(
                  "variables",
                  Map.of(
                      "terminationDoubleCheck",
                          json(checks.replace("\"t2\":\"YES\"", "\"t2\":\"NO\"")),
                      "terminationDecision", Map.of("value", "CONFIRM"))));
      assertThat(crossed.status()).isEqualTo(400);
      assertThat(crossed.body().get("message").asText()).contains("R-14", "t2");
      assertThat(registry.find(entryId).orElseThrow().status()).isEqualTo(RegistryStatus.ACTIVE);

      Answer confirmed =
          postJson(
              "/engine-rest/task/" + taskId + "/submit-form",
              "takahashi",
              Map.of(
                  "variables",
                  Map.of(
                      "terminationDoubleCheck",
                      json(checks),
                      "terminationDecision",
                      Map.of("value", "CONFIRM"))));
      assertThat(confirmed.status()).isEqualTo(204);
      runAsyncContinuations();
      assertThat(registry.find(entryId).orElseThrow().status())
          .isEqualTo(RegistryStatus.TERMINATED);
    } finally {
      identityService.deleteMembership("tanaka", "security-officer-kumin");
    }
  }

  @Autowired org.camunda.bpm.engine.IdentityService identityService;
}
