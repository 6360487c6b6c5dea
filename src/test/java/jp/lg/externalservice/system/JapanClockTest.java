package jp.lg.externalservice.system;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.allCriteriaMet;
import static jp.lg.externalservice.TaskAnswers.decision;
import static jp.lg.externalservice.TaskAnswers.doubleCheck;
import static jp.lg.externalservice.TaskAnswers.measuresAllMet;
import static jp.lg.externalservice.TaskAnswers.review;
import static jp.lg.externalservice.TaskAnswers.usageRisksAcknowledged;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.review.ReviewProcess;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #12, item 11: dates in records are Japanese calendar days whatever the server's time zone.
 */
class JapanClockTest extends EngineTest {

  /** 16:00 UTC on New Year's Eve: already 2027-01-01 in Tokyo. */
  private static final Instant NEW_YEAR_IN_TOKYO = Instant.parse("2026-12-31T16:00:00Z");

  private final TimeZone serverZone = TimeZone.getDefault();

  @Autowired RegistryService registry;

  @AfterEach
  void restore() {
    ClockUtil.reset();
    TimeZone.setDefault(serverZone);
  }

  @Test
  @DisplayName("エンジンの時計を動かすと JapanClock も動き、日付は東京の暦日になる")
  void followsTheEngineClockInTokyo() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    ClockUtil.setCurrentTime(Date.from(NEW_YEAR_IN_TOKYO));
    assertThat(JapanClock.now()).isEqualTo(NEW_YEAR_IN_TOKYO);
    assertThat(JapanClock.today()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(JapanClock.startOf(LocalDate.of(2027, 1, 1)))
        .isEqualTo(Instant.parse("2026-12-31T15:00:00Z"));
  }

  @Test
  @DisplayName("UTC のサーバでも、決定日（東京の暦日）より前の契約日は拒否され、台帳番号の年は東京の年になる")
  void contractDateRuleUsesTheTokyoDayOnAUtcServer() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    ClockUtil.setCurrentTime(Date.from(NEW_YEAR_IN_TOKYO));
    ProcessInstance instance =
        submitApplication("sato", kintone().informationTypes("PERSONAL").variables());
    submitTask("sato", task(instance), allCriteriaMet());
    submitTask("sato", task(instance), measuresAllMet());
    complete(instance, CaseSteps.DOUBLE_CHECK, "takahashi", doubleCheck("FORWARD", null));
    complete(
        instance,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        Map.of("itPlanningDecision", "APPROVED"));
    complete(instance, CaseSteps.REVIEW, "yamamoto", review("APPROVE", "問題なし"));
    complete(instance, CaseSteps.DECIDE, "kobayashi", decision("APPROVE", null));
    complete(
        instance, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, "sato", usageRisksAcknowledged());

    // decided on 2027-01-01 in Tokyo (2026-12-31 in UTC): a contract of 2026-12-31 predates the
    // decision
    InputValidationException early =
        refused(
            () ->
                complete(
                    instance,
                    ReviewProcess.Element.RECORD_CONTRACT,
                    "sato",
                    Map.of("contractDate", "2026-12-31")));
    assertThat(early.getErrors()).extracting(FieldError::field).containsExactly("contractDate");
    complete(
        instance,
        ReviewProcess.Element.RECORD_CONTRACT,
        "sato",
        Map.of("contractDate", "2027-01-01"));

    String entryId =
        (String)
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName("registryEntryId")
                .singleResult()
                .getValue();
    assertThat(entryId).startsWith("REG-2027-");
    RegistryEntry entry = registry.find(entryId).orElseThrow();
    assertThat(entry.contractDate()).isEqualTo(LocalDate.of(2027, 1, 1));
  }
}
