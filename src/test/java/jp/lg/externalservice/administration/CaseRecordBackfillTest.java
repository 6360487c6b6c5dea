package jp.lg.externalservice.administration;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecordRepository;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryEntries;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.termination.TerminationProcess;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases running when the case record was introduced (V2) get it from their variables and history at
 * start-up. An old case is simulated by taking a case through the real flow and deleting its
 * record: the variables and the history are then exactly what the previous version wrote too (the
 * variables are still written for display). The rebuilt record must equal the one the real run
 * wrote, and the case must go on to its end. The clock is stopped and moved a minute before every
 * step, so the history's times and the record's times are the same instants.
 */
class CaseRecordBackfillTest extends EngineTest {

  @Autowired CaseRecordBackfill backfill;
  @Autowired CaseRecordRepository repository;
  @Autowired RegistryService registry;
  @Autowired JdbcTemplate jdbc;
  @Autowired jp.lg.externalservice.caserecord.CaseMessages messages;

  /** What the real run wrote, copied before the rows are deleted. */
  private record Written(CaseRecord record, List<CaseAct> acts) {}

  @BeforeEach
  void stopClock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-05T00:30:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private void tick() {
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(1))));
  }

  private void step(
      ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
    tick();
    complete(instance, taskKey, user, variables);
  }

  private ProcessInstance applicationAtDoubleCheck() {
    tick();
    ProcessInstance instance =
        submitApplication("sato", kintone().variables()); // PAID, 情報化企画 required
    tick();
    submitTask("sato", task(instance), risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    tick();
    submitTask("sato", task(instance), measuresAllMet());
    return instance;
  }

  /**
   * Deletes the case's rows as if the case had been started by the previous version; returns what
   * they held.
   */
  private Written forget(ProcessInstance instance) {
    Written written =
        new Written(
            repository.find(instance.getId()).orElseThrow(), repository.acts(instance.getId()));
    jdbc.update("DELETE FROM case_act WHERE case_id = ?", instance.getId());
    jdbc.update("DELETE FROM case_classification WHERE case_id = ?", instance.getId()); // V6
    jdbc.update("DELETE FROM case_record WHERE case_id = ?", instance.getId());
    assertThat(repository.find(instance.getId())).isEmpty();
    return written;
  }

  /**
   * Runs the backfill (twice: the second run changes nothing) and checks the record is the one the
   * run wrote.
   */
  private void backfillAndCompare(ProcessInstance instance, Written written) {
    tick();
    CaseRecordBackfill.Summary first = backfill.backfill();
    assertThat(first.backfilled()).isGreaterThanOrEqualTo(1);
    assertThat(first.failed()).doesNotContain(instance.getId());
    assertSameRecord(instance.getId(), written);
    assertThat(repository.acts(instance.getId())).containsExactlyElementsOf(written.acts());
    Instant backfilledAt = repository.backfilledAt(instance.getId()).orElseThrow();
    assertThat(repository.backfilledActs(instance.getId()))
        .as("every rebuilt act is marked")
        .isEqualTo(written.acts().size());

    long records = jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class);
    long acts = jdbc.queryForObject("SELECT COUNT(*) FROM case_act", Long.class);
    tick();
    CaseRecordBackfill.Summary second = backfill.backfill();
    assertThat(second.backfilled()).as("idempotent").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class))
        .isEqualTo(records);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_act", Long.class)).isEqualTo(acts);
    assertSameRecord(instance.getId(), written);
    assertThat(repository.acts(instance.getId())).containsExactlyElementsOf(written.acts());
    assertThat(repository.backfilledAt(instance.getId())).contains(backfilledAt);
  }

  /**
   * The rebuilt record is the one the run wrote, but for its case number: a rebuilt record gets the
   * next number (CaseRecords.numberOlderRecords).
   */
  private void assertSameRecord(String caseId, Written written) {
    assertThat(repository.find(caseId).orElseThrow())
        .usingRecursiveComparison()
        .ignoringFields("caseNumber")
        .isEqualTo(written.record());
  }

  /** From the decision to the end: approval, the 約款 risks, the contract (PAID). */
  private void decideAndConclude(ProcessInstance instance) {
    step(instance, ReviewProcess.Element.DECIDE, "kobayashi", decision("APPROVE", null));
    step(instance, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, "sato", usageRisksAcknowledged());
    step(
        instance,
        ReviewProcess.Element.RECORD_CONTRACT,
        "sato",
        vars("contractDate", "2027-02-01"));
    assertThat(instance).isEnded();
  }

  @Test
  @DisplayName("ダブルチェック前（差戻し・修正を一度経た案件）: 案件記録を変数と履歴から復元し、最後まで進められる")
  void beforeTheDoubleCheck() {
    ProcessInstance instance = applicationAtDoubleCheck();
    step(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("RETURN", "利用者の範囲を具体的に"));
    Map<String, Object> correction = new HashMap<>(kintone().variables());
    correction.put("correctionNote", "利用者を区民課の職員に限定しました");
    step(instance, ApplicationProcess.Element.CORRECT_APPLICATION, "sato", correction);
    step(
        instance,
        ApplicationProcess.Element.ACCEPT_RISKS,
        "sato",
        risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    step(instance, ApplicationProcess.Element.SELF_CHECK_MEASURES, "sato", measuresAllMet());
    Written written = forget(instance);
    assertThat(written.acts()).extracting(CaseAct::result).contains(ActResult.RETURNED);

    // the problem: an old case fails at its next step
    tick();
    assertThatThrownBy(
            () ->
                complete(
                    instance,
                    ApplicationProcess.Element.DOUBLE_CHECK,
                    "takahashi",
                    doubleCheck("FORWARD", null)))
        .hasMessageContaining("案件記録がありません");

    backfillAndCompare(instance, written);
    step(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    step(instance, ReviewProcess.Element.REVIEW, "yamamoto", review("APPROVE", null));
    step(
        instance,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        vars("itPlanningDecision", "APPROVED"));
    decideAndConclude(instance);
  }

  @Test
  @DisplayName("復元できない案件は記録せずにログに残し、他の案件は復元する")
  void aCaseThatCannotBeRebuiltStaysWithoutRecordAndTheOthersGoOn() {
    ProcessInstance broken = applicationAtDoubleCheck();
    step(
        broken,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("RETURN", "利用者の範囲を具体的に"));
    ProcessInstance intact = applicationAtDoubleCheck();
    forget(broken);
    Written written = forget(intact);
    // the history no longer says what the double check decided: nothing may be guessed
    jdbc.update(
        "DELETE FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND NAME_ = 'doubleCheckDecision'",
        broken.getId());

    tick();
    CaseRecordBackfill.Summary summary = backfill.backfill();
    assertThat(summary.failed()).contains(broken.getId()).doesNotContain(intact.getId());
    assertThat(repository.find(broken.getId())).isEmpty();
    assertThat(repository.acts(broken.getId())).as("nothing half-written").isEmpty();
    assertSameRecord(intact.getId(), written);
    assertThat(repository.acts(intact.getId())).containsExactlyElementsOf(written.acts());
    // leave no case without a record behind for the other tests of this context
    runtimeService.deleteProcessInstance(broken.getId(), "test");
  }

  @Test
  @DisplayName("審査中・情報化企画は承認済み: 復元した情報化企画の承認で許可できる（004 §9(2)）")
  void inReviewWithItPlanningApproved() {
    ProcessInstance instance = applicationAtDoubleCheck();
    step(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    step(
        instance,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        vars("itPlanningDecision", "APPROVED"));
    Written written = forget(instance);
    assertThat(written.acts())
        .extracting(CaseAct::step, CaseAct::result)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                ReviewProcess.Element.REVIEW_IT_PLANNING, ActResult.APPROVED));

    backfillAndCompare(instance, written);
    step(instance, ReviewProcess.Element.REVIEW, "yamamoto", review("APPROVE", null));
    decideAndConclude(instance);
    assertThat(
            registry
                .find(repository.find(instance.getId()).orElseThrow().registryEntryId())
                .orElseThrow()
                .approvedBy())
        .isEqualTo("kobayashi");
  }

  @Test
  @DisplayName("承認後・契約締結前: 台帳番号と決定日を復元し、契約日を記録できる")
  void afterApprovalBeforeTheContract() {
    ProcessInstance instance = applicationAtDoubleCheck();
    step(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    step(instance, ReviewProcess.Element.REVIEW, "yamamoto", review("APPROVE", null));
    step(
        instance,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        vars("itPlanningDecision", "APPROVED"));
    step(instance, ReviewProcess.Element.DECIDE, "kobayashi", decision("APPROVE", null));
    step(instance, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, "sato", usageRisksAcknowledged());
    Written written = forget(instance);
    assertThat(written.record().registryEntryId()).isNotNull();

    backfillAndCompare(instance, written);
    step(
        instance,
        ReviewProcess.Element.RECORD_CONTRACT,
        "sato",
        vars("contractDate", "2027-02-01"));
    assertThat(instance).isEnded();
    assertThat(registry.find(written.record().registryEntryId()).orElseThrow().contractDate())
        .isEqualTo(LocalDate.of(2027, 2, 1));
  }

  /**
   * Completes whatever the approval path leaves open, as its rightful workers, until the case ends.
   */
  private void finish(ProcessInstance instance) {
    Map<String, java.util.function.Supplier<Map<String, Object>>> answers =
        Map.of(
            ApplicationProcess.Element.DOUBLE_CHECK, () -> doubleCheck("FORWARD", null),
            ReviewProcess.Element.REVIEW, () -> review("APPROVE", null),
            ReviewProcess.Element.REVIEW_IT_PLANNING, () -> vars("itPlanningDecision", "APPROVED"),
            ReviewProcess.Element.DECIDE, () -> decision("APPROVE", null),
            ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, () -> usageRisksAcknowledged(),
            ReviewProcess.Element.RECORD_CONTRACT, () -> vars("contractDate", "2027-02-01"));
    Map<String, String> workers =
        Map.of(
            ApplicationProcess.Element.DOUBLE_CHECK,
            "takahashi",
            ReviewProcess.Element.REVIEW,
            "yamamoto",
            ReviewProcess.Element.REVIEW_IT_PLANNING,
            "kimura",
            ReviewProcess.Element.DECIDE,
            "kobayashi",
            ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS,
            "sato",
            ReviewProcess.Element.RECORD_CONTRACT,
            "sato");
    for (int i = 0;
        i < 10
            && runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(instance.getId())
                    .count()
                > 0;
        i++) {
      // the review's task before the decision's: the decision waits for both review branches
      String next =
          openTasks(instance).stream()
              .map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
              .sorted()
              .findFirst()
              .orElseThrow();
      step(instance, next, workers.get(next), answers.get(next).get());
    }
    assertThat(instance).isEnded();
  }

  @Test
  @DisplayName("特定通信の確認後・審査前: 復元した申請者の確認で許可できる（R-8）")
  void inReviewWithSpecificCommunicationConfirmed() {
    tick();
    ProcessInstance instance =
        submitApplication(
            "sato",
            kintone()
                .service("LGWAN-ASP 業務", "LGWAN_ASP_CLOSED", "BUSINESS_APPLICATION")
                .connectionZones("MY_NUMBER")
                .variables());
    tick();
    submitTask(
        "sato",
        task(instance),
        "IMPORTANT".equals(runtimeService.getVariable(instance.getId(), "route"))
            ? allCriteriaMet()
            : risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    tick();
    submitTask("sato", task(instance), measuresAllMet());
    step(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    step(
        instance,
        ReviewProcess.Element.CONFIRM_SPECIFIC_COMMUNICATION,
        "sato",
        vars(
            "specificCommunicationConfirmed",
            true,
            "specificCommunicationNote",
            "IP アドレスとポート 443 に限定"));
    Written written = forget(instance);
    assertThat(written.acts())
        .extracting(CaseAct::step, CaseAct::result)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                ReviewProcess.Element.CONFIRM_SPECIFIC_COMMUNICATION, ActResult.CONFIRMED));

    backfillAndCompare(instance, written);
    finish(instance);
  }

  @Test
  @DisplayName("利用停止で始まった終了手続・ダブルチェック前: 申請者はサービス管理担当者、提出はタスクの完了から復元する")
  void terminationAfterStopOfUse() {
    String entryId = entryInUse();
    registry.changeStatus(
        entryId, RegistryStatus.SUSPENDED, null, "sato", "operation", "利用停止: 国外サーバ");
    tick();
    messages.startTermination(
        entryId,
        Map.of(
            "registryEntryId",
            entryId,
            "applicant",
            "sato",
            "serviceName",
            "終了する旧案件",
            "departmentCode",
            "kumin",
            "terminationReason",
            "国外サーバでの保存が判明"));
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(TerminationProcess.KEY)
            .processInstanceBusinessKey(entryId)
            .singleResult();
    step(
        instance,
        TerminationProcess.Element.FILL_TERMINATION_REQUEST,
        "sato",
        terminationRequest(entryId, "FORM3"));
    Written written = forget(instance);
    assertThat(written.acts())
        .extracting(CaseAct::step)
        .containsExactly(TerminationProcess.Element.FILL_TERMINATION_REQUEST);

    backfillAndCompare(instance, written);
    confirmTermination(instance, entryId);
  }

  private String entryInUse() {
    return registry.register(
        RegistryEntries.inUse("終了する旧案件", Route.PAID), "kobayashi", "approval-backfill");
  }

  private void confirmTermination(ProcessInstance instance, String entryId) {
    Map<String, Object> confirm = new HashMap<>();
    confirm.put("terminationDoubleCheck", checklist("t", 4));
    confirm.put("terminationDecision", "CONFIRM");
    step(instance, TerminationProcess.Element.DOUBLE_CHECK, "takahashi", confirm);
    step(
        instance,
        TerminationProcess.Element.ACKNOWLEDGE_REPORT,
        "yamamoto",
        vars("reportNote", "受理"));
    assertThat(instance).isEnded();
    assertThat(registry.find(entryId).orElseThrow().status()).isEqualTo(RegistryStatus.TERMINATED);
  }

  @Test
  @DisplayName("終了手続・ダブルチェック前: 申請者と部署を復元し、利用責任者が確認して台帳が利用終了になる")
  void terminationBeforeItsDoubleCheck() {
    String entryId = entryInUse();
    tick();
    String definitionId = repositoryDefinitionId(TerminationProcess.KEY);
    ProcessInstance instance =
        as(
            "sato",
            () -> formService.submitStartForm(definitionId, terminationRequest(entryId, "FORM3")));
    Written written = forget(instance);
    assertThat(written.record().registryEntryId()).isEqualTo(entryId);

    backfillAndCompare(instance, written);
    confirmTermination(instance, entryId);
  }
}
