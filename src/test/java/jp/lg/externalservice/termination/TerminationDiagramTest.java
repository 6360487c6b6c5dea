package jp.lg.externalservice.termination;

import static jp.lg.externalservice.termination.TerminationProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jp.lg.externalservice.DiagramTest;
import jp.lg.externalservice.caserecord.CaseFacts;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.system.DueDates;
import jp.lg.externalservice.termination.TerminationProcess.ReportChannel;
import jp.lg.externalservice.termination.TerminationProcess.TerminationDecision;
import jp.lg.externalservice.termination.TerminationProcess.Variables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The termination diagram on its own, both starts and every gateway branch, with mocked beans (see
 * {@link DiagramTest}).
 */
@Deployment(resources = "processes/external-service-termination.bpmn")
class TerminationDiagramTest extends DiagramTest {

  @RegisterExtension static final ProcessEngineCoverageExtension engine = everyElementWalked();

  private JavaDelegate closeRegistryEntry;

  @BeforeEach
  void mocks() {
    CaseFacts caseFacts = bean("caseFacts", CaseFacts.class);
    when(caseFacts.applicant(any())).thenReturn("sato");
    when(caseFacts.securityOfficers(any())).thenReturn("security-officer-kumin");
    when(caseFacts.unitHeads(any())).thenReturn("unit-head-kumin");
    DueDates dueDates = bean("dueDates", DueDates.class);
    when(dueDates.applicantPeriod()).thenReturn("P14D");
    closeRegistryEntry = delegate("closeRegistryEntry");
    listeners(
        "terminationRequestStart",
        "stopOfUseStart",
        "terminationRequestCompletion",
        "terminationDoubleCheckCompletion",
        "terminationCorrectionCompletion",
        "overdueTimerStart");
  }

  /** Started with the 終了確認書 as the start form (the none start event). */
  private ProcessInstance requested(ReportChannel channel) {
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            TerminationProcess.KEY,
            "entry-1",
            withVariables(Variables.REPORT_CHANNEL.name(), channel.name()));
    assertThat(instance).isWaitingAtExactly(DOUBLE_CHECK);
    assertThat(task(DOUBLE_CHECK, instance)).hasCandidateGroup("security-officer-kumin");
    return instance;
  }

  private static void doubleCheck(ProcessInstance instance, TerminationDecision decision) {
    complete(
        task(DOUBLE_CHECK, instance),
        withVariables(Variables.TERMINATION_DECISION.name(), decision.name()));
  }

  @Test
  @DisplayName("台帳調査で代える: 確認の後、様式3 の受理なしに台帳を利用終了にする")
  void confirmedAndReportedByTheLedgerSurvey() throws Exception {
    ProcessInstance instance = requested(ReportChannel.LEDGER_SURVEY);
    doubleCheck(instance, TerminationDecision.CONFIRM);
    assertThat(instance).isWaitingAt(CLOSE_REGISTRY_ENTRY);
    execute(job(CLOSE_REGISTRY_ENTRY, instance));

    assertThat(instance).isEnded().hasPassed(END_TERMINATED).hasNotPassed(ACKNOWLEDGE_REPORT);
    assertThat(calls)
        .containsExactly(
            at("terminationRequestStart", START_REQUESTED),
            at("terminationDoubleCheckCompletion", DOUBLE_CHECK),
            at("closeRegistryEntry", CLOSE_REGISTRY_ENTRY));
    verify(closeRegistryEntry).execute(any());
  }

  @Test
  @DisplayName("様式3: 情報政策課が終了届を受理してから台帳を利用終了にする")
  void confirmedAndReportedByForm3() {
    ProcessInstance instance = requested(ReportChannel.FORM3);
    doubleCheck(instance, TerminationDecision.CONFIRM);
    assertThat(instance).isWaitingAtExactly(ACKNOWLEDGE_REPORT);
    assertThat(task(ACKNOWLEDGE_REPORT, instance)).hasCandidateGroup("policy-reviewer");
    complete(task(ACKNOWLEDGE_REPORT, instance));
    execute(job(CLOSE_REGISTRY_ENTRY, instance));

    assertThat(instance).isEnded().hasPassed(ACKNOWLEDGE_REPORT, END_TERMINATED);
  }

  @Test
  @DisplayName("差戻し: 申請者が補完し、再びダブルチェックへ")
  void returnedForCompletion() {
    ProcessInstance instance = requested(ReportChannel.FORM3);
    doubleCheck(instance, TerminationDecision.RETURN);
    assertThat(instance).isWaitingAtExactly(COMPLETE_TERMINATION);
    assertThat(task(COMPLETE_TERMINATION, instance)).isAssignedTo("sato");
    complete(task(COMPLETE_TERMINATION, instance));

    assertThat(instance).isWaitingAtExactly(DOUBLE_CHECK);
    assertThat(calls).contains(at("terminationCorrectionCompletion", COMPLETE_TERMINATION));
  }

  @Test
  @DisplayName("利用停止による開始: サービス管理担当者が終了確認書を作成してからダブルチェックへ")
  void startedByAStopOfUse() {
    ProcessInstance instance =
        runtimeService.startProcessInstanceByMessage(
            CaseProcesses.MESSAGE_TERMINATION_REQUIRED, "entry-1");
    assertThat(instance).isWaitingAtExactly(FILL_TERMINATION_REQUEST);
    assertThat(task(FILL_TERMINATION_REQUEST, instance)).isAssignedTo("sato");
    complete(task(FILL_TERMINATION_REQUEST, instance));

    assertThat(instance).isWaitingAtExactly(DOUBLE_CHECK);
    assertThat(calls)
        .containsExactly(
            at("stopOfUseStart", START_STOP_OF_USE),
            at("terminationRequestCompletion", FILL_TERMINATION_REQUEST));
  }

  @Test
  @DisplayName("補完の期限超過: 所属長に確認タスクができ、補完タスクは残る（補完から開始）")
  void overdueCompletionIsEscalated() {
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(TerminationProcess.KEY)
            .startBeforeActivity(COMPLETE_TERMINATION)
            .execute();
    execute(job(TERMINATION_OVERDUE, instance));

    assertThat(instance).isWaitingAtExactly(COMPLETE_TERMINATION, ESCALATE);
    assertThat(task(ESCALATE, instance)).hasCandidateGroup("unit-head-kumin");
    assertThat(calls).containsExactly(at("overdueTimerStart", TERMINATION_OVERDUE));
    complete(task(ESCALATE, instance));
    assertThat(instance).hasPassed(END_ESCALATED).isWaitingAtExactly(COMPLETE_TERMINATION);
  }
}
