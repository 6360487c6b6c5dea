package jp.lg.externalservice.sns;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.*;
import static jp.lg.externalservice.sns.SnsProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.FullProcessCoverage;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.system.InputValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SNS account registration (ruling R-10, 003 第7 5), called by the application for outcome
 * SNS_PROCEDURE and walked by the people of each role: every element of the diagram is covered
 * (asserted).
 */
@FullProcessCoverage(SnsProcess.KEY)
class SnsProcessTest extends EngineTest {

  @Autowired RegistryService registry;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("SNS: 運用手順ア–オ・責任者・機密性2以上を投稿しない確認が要り、差戻し・期限超過・承認で台帳に SNS として載る")
  void snsAccountRegistration() {
    ProcessInstance instance =
        submitApplication(
            "sato",
            kintone()
                .service("Instagram", "CLOUD_INTERNET", "SNS")
                .paid(false)
                .informationTypes("PUBLIC")
                .variables());
    Map<String, Object> incomplete = new HashMap<>(snsRegistration());
    incomplete.put("snsAccountUrl", "x.com/nerima");
    incomplete.put("snsResponsiblePerson", "nobody");
    incomplete.put(
        "snsProcedureItems",
        org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"A_POSTABLE_INFORMATION\"]")
            .create());
    incomplete.put("snsNoConfidentialPosts", false);
    InputValidationException invalid =
        refused(() -> complete(instance, PREPARE_SNS_REGISTRATION, "sato", incomplete));
    assertThat(fields(invalid))
        .containsExactly(
            "snsAccountUrl", "snsResponsiblePerson", "snsProcedureItems", "snsNoConfidentialPosts");
    complete(instance, PREPARE_SNS_REGISTRATION, "sato", snsRegistration());

    moveClock(Duration.ofDays(11));
    assertThat(fireDueTimers(instance)).isEqualTo(1);
    complete(instance, ESCALATE_OVERDUE, "kobayashi", vars());
    complete(
        instance,
        APPROVE_SNS_REGISTRATION,
        "takahashi",
        vars("snsDecisionChoice", "RETURN", "decisionReason", "URL を区の表記に"));
    complete(instance, PREPARE_SNS_REGISTRATION, "sato", snsRegistration());
    complete(instance, APPROVE_SNS_REGISTRATION, "takahashi", vars("snsDecisionChoice", "APPROVE"));

    String entryId =
        (String)
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName("registryEntryId")
                .singleResult()
                .getValue();
    RegistryEntry entry = registry.find(entryId).orElseThrow();
    assertThat(entry.entryType().name()).isEqualTo("SNS");
    assertThat(entry.route()).isNull();
    assertThat(entry.serviceManager()).isEqualTo("sato");

    ProcessInstance rejected =
        submitApplication(
            "sato",
            kintone()
                .service("Facebook", "CLOUD_INTERNET", "SNS")
                .paid(false)
                .informationTypes("PUBLIC")
                .variables());
    complete(rejected, PREPARE_SNS_REGISTRATION, "sato", snsRegistration());
    complete(
        rejected,
        APPROVE_SNS_REGISTRATION,
        "takahashi",
        vars("snsDecisionChoice", "REJECT", "decisionReason", "不要"));
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .activityId(END_SNS_REJECTED)
                .count())
        .isPositive();
  }
}
