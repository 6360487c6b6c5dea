package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import jp.lg.externalservice.DiagramTest;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.operation.OperationProcess.ContinuationDecision;
import jp.lg.externalservice.operation.OperationProcess.Reclassification;
import jp.lg.externalservice.operation.OperationProcess.ReviewResult;
import jp.lg.externalservice.operation.OperationProcess.Variables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operation diagram on its own, with mocked beans (see {@link DiagramTest}): the introduction's
 * gateways, each periodic duty started by its timer with each of its branches and its overdue
 * timer, each message, and every way to the stop of use.
 */
@Deployment(resources = "processes/external-service-operation.bpmn")
class OperationDiagramTest extends DiagramTest {

  @RegisterExtension static final ProcessEngineCoverageExtension engine = everyElementWalked();

  private ServiceFacts serviceFacts;
  private JavaDelegate extendRetention;
  private JavaDelegate suspendService;
  private Reclassification reclassification = Reclassification.SAME_ROUTE;

  @BeforeEach
  void mocks() {
    serviceFacts = bean("serviceFacts", ServiceFacts.class);
    when(serviceFacts.serviceManager(any())).thenReturn("sato");
    when(serviceFacts.serviceAdministrator(any())).thenReturn("kobayashi");
    when(serviceFacts.securityOfficers(any())).thenReturn("security-officer-kumin");
    when(serviceFacts.unitHeads(any())).thenReturn("unit-head-kumin");
    OperationSchedule schedule = bean("operationSchedule", OperationSchedule.class);
    when(schedule.quarterlyReview()).thenReturn("R/P3M");
    when(schedule.monthlyBackup()).thenReturn("R/P1M");
    when(schedule.monthlyUsageCheck()).thenReturn("R/P1M");
    when(schedule.yearlyCheck()).thenReturn("R/P1Y");
    when(schedule.dutyPeriod()).thenReturn("P14D");
    // the real delegate classifies again and writes the result for the gateway after it (ruling
    //
    delegate(
        "reclassifyUsage",
        execution ->
            execution.setVariable(Variables.RECLASSIFICATION.name(), reclassification.name()));
    extendRetention = delegate("extendRetention");
    suspendService = delegate("suspendService");
    listeners(
        "introductionChecklistCompletion",
        "governmentCloudChecklistCompletion",
        "operationChecklistCompletion",
        "quarterlyReviewCompletion",
        "continuationDecisionCompletion",
        "backupConfirmationCompletion",
        "usageConfirmationCompletion",
        "administratorUsageCompletion",
        "incidentAlertCompletion",
        "overdueTimerStart");
  }

  private ProcessInstance approved(Route route, boolean governmentCloudRules) {
    when(serviceFacts.route(any())).thenReturn(route.name());
    when(serviceFacts.governmentCloudRules(any())).thenReturn(governmentCloudRules);
    return runtimeService.startProcessInstanceByMessage(
        CaseProcesses.MESSAGE_SERVICE_APPROVED, "entry-1");
  }

  /**
   * A free service without the government cloud rules: nothing to introduce, only the periodic
   * duties remain.
   */
  private ProcessInstance inOperation() {
    ProcessInstance instance = approved(Route.FREE, false);
    assertThat(instance).hasPassed(END_INTRODUCTION_COMPLETED).isWaitingAtExactly(OPERATION_CLOSED);
    return instance;
  }

  private void correlate(String message, ProcessInstance instance) {
    runtimeService
        .createMessageCorrelation(message)
        .processInstanceId(instance.getId())
        .correlate();
  }

  private void assertUseStopped(ProcessInstance instance) throws Exception {
    assertThat(instance).isEnded().hasPassed(SUSPEND_SERVICE, END_USE_STOPPED);
    assertThat(calls).last().isEqualTo(at("suspendService", SUSPEND_SERVICE));
    verify(suspendService).execute(any());
  }

  @ParameterizedTest(name = "{0}, ガバメントクラウド {1}")
  @CsvSource({"IMPORTANT, false", "IMPORTANT, true", "PAID, true", "FREE, false"})
  @DisplayName("導入時: 重要情報ありは様式4 と様式5、ガバメントクラウド特則は §15 の確認、どちらもなければ確認なし")
  void introduction(Route route, boolean governmentCloudRules) {
    ProcessInstance instance = approved(route, governmentCloudRules);
    boolean important = route == Route.IMPORTANT;

    List<String> expected = new ArrayList<>();
    if (important) {
      assertThat(task(INTRODUCTION_CHECKLIST, instance)).isAssignedTo("sato");
      complete(task(INTRODUCTION_CHECKLIST, instance));
      expected.add(at("introductionChecklistCompletion", INTRODUCTION_CHECKLIST));
    }
    if (governmentCloudRules) {
      complete(task(GOVERNMENT_CLOUD_CHECKLIST, instance));
      expected.add(at("governmentCloudChecklistCompletion", GOVERNMENT_CLOUD_CHECKLIST));
    }
    if (important) {
      assertThat(instance).isWaitingAtExactly(INITIAL_OPERATION_CHECKLIST, OPERATION_CLOSED);
      complete(task(INITIAL_OPERATION_CHECKLIST, instance));
      expected.add(at("operationChecklistCompletion", INITIAL_OPERATION_CHECKLIST));
    }

    assertThat(instance).hasPassed(END_INTRODUCTION_COMPLETED).isWaitingAtExactly(OPERATION_CLOSED);
    assertThat(calls).isEqualTo(expected);
  }

  @Test
  @DisplayName("利用終了・更改の通知: 運用を終える（定期の確認も止まる）")
  void operationClosed() {
    ProcessInstance instance = inOperation();
    correlate(CaseProcesses.MESSAGE_OPERATION_CLOSED, instance);

    assertThat(instance).isEnded().hasPassed(END_OPERATION_ENDED);
  }

  @Test
  @DisplayName("四半期の確認で変更なし")
  void quarterlyReviewWithoutChange() {
    ProcessInstance instance = inOperation();
    execute(job(QUARTERLY_REVIEW_DUE, instance));
    assertThat(task(QUARTERLY_REVIEW, instance)).isAssignedTo("sato");
    complete(
        task(QUARTERLY_REVIEW, instance),
        withVariables(Variables.REVIEW_RESULT.name(), ReviewResult.NO_CHANGE.name()));

    assertThat(instance).hasPassed(END_NO_CHANGE).isWaitingAtExactly(OPERATION_CLOSED);
    assertThat(job(QUARTERLY_REVIEW_DUE, instance)).isNotNull(); // the next quarter
  }

  @Test
  @DisplayName("四半期の確認で変更あり・継続: 利用責任者が継続を決める")
  void quarterlyReviewChangedAndContinued() {
    ProcessInstance instance = inOperation();
    execute(job(QUARTERLY_REVIEW_DUE, instance));
    complete(
        task(QUARTERLY_REVIEW, instance),
        withVariables(Variables.REVIEW_RESULT.name(), ReviewResult.CHANGED.name()));
    assertThat(task(DECIDE_CONTINUATION, instance)).hasCandidateGroup("security-officer-kumin");
    complete(
        task(DECIDE_CONTINUATION, instance),
        withVariables(
            Variables.CONTINUATION_DECISION.name(), ContinuationDecision.CONTINUE.name()));

    assertThat(instance).hasPassed(END_USE_CONTINUED).isWaitingAtExactly(OPERATION_CLOSED);
    assertThat(calls)
        .containsExactly(
            at("quarterlyReviewCompletion", QUARTERLY_REVIEW),
            at("continuationDecisionCompletion", DECIDE_CONTINUATION));
  }

  @Test
  @DisplayName("四半期の確認で変更あり・停止: 利用停止へ")
  void quarterlyReviewChangedAndStopped() throws Exception {
    ProcessInstance instance = inOperation();
    execute(job(QUARTERLY_REVIEW_DUE, instance));
    complete(
        task(QUARTERLY_REVIEW, instance),
        withVariables(Variables.REVIEW_RESULT.name(), ReviewResult.CHANGED.name()));
    complete(
        task(DECIDE_CONTINUATION, instance),
        withVariables(Variables.CONTINUATION_DECISION.name(), ContinuationDecision.STOP.name()));

    assertThat(instance).hasPassed(END_QUARTERLY_USE_STOPPED);
    assertUseStopped(instance);
  }

  @Test
  @DisplayName("四半期の確認で国外サーバが判明: 直ちに利用停止へ")
  void quarterlyReviewFindsOverseasData() throws Exception {
    ProcessInstance instance = inOperation();
    execute(job(QUARTERLY_REVIEW_DUE, instance));
    complete(
        task(QUARTERLY_REVIEW, instance),
        withVariables(Variables.REVIEW_RESULT.name(), ReviewResult.OVERSEAS_DATA.name()));

    assertThat(instance).hasPassed(END_OVERSEAS_FOUND_IN_REVIEW).hasNotPassed(DECIDE_CONTINUATION);
    assertUseStopped(instance);
  }

  @Test
  @DisplayName("毎月のバックアップ確認")
  void monthlyBackup() {
    ProcessInstance instance = inOperation();
    execute(job(BACKUP_DUE, instance));
    complete(task(CONFIRM_BACKUP, instance));

    assertThat(instance).hasPassed(END_BACKUP_CONFIRMED).isWaitingAtExactly(OPERATION_CLOSED);
    assertThat(calls).containsExactly(at("backupConfirmationCompletion", CONFIRM_BACKUP));
  }

  @Test
  @DisplayName("毎月の利用者への確認で申請どおり")
  void usageAsApplied() {
    ProcessInstance instance = inOperation();
    execute(job(USAGE_CHECK_DUE, instance));
    complete(task(CONFIRM_USAGE, instance), withVariables(Variables.USAGE_DIFFERS.name(), false));

    assertThat(instance)
        .hasPassed(END_USAGE_MATCHES)
        .hasNotPassed(RECLASSIFY)
        .isWaitingAtExactly(OPERATION_CLOSED);
  }

  @Test
  @DisplayName("利用内容が異なり、再判定でルート変更なし")
  void usageDiffersSameRoute() {
    reclassification = Reclassification.SAME_ROUTE;
    ProcessInstance instance = inOperation();
    execute(job(USAGE_CHECK_DUE, instance));
    complete(task(CONFIRM_USAGE, instance), withVariables(Variables.USAGE_DIFFERS.name(), true));

    assertThat(instance).hasPassed(END_SAME_ROUTE).isWaitingAtExactly(OPERATION_CLOSED);
    assertThat(calls)
        .containsExactly(
            at("usageConfirmationCompletion", CONFIRM_USAGE), at("reclassifyUsage", RECLASSIFY));
  }

  @Test
  @DisplayName("利用内容が異なり、再判定でルート変更: 情報政策課に知らせ、サービス管理担当者が更改を申請する")
  void usageDiffersRouteChanged() {
    reclassification = Reclassification.ROUTE_CHANGED;
    ProcessInstance instance = inOperation();
    execute(job(USAGE_CHECK_DUE, instance));
    complete(task(CONFIRM_USAGE, instance), withVariables(Variables.USAGE_DIFFERS.name(), true));
    assertThat(task(NOTIFY_RECLASSIFICATION, instance)).hasCandidateGroup("policy-reviewer");
    complete(task(NOTIFY_RECLASSIFICATION, instance));
    assertThat(task(REQUEST_RENEWAL, instance)).isAssignedTo("sato");
    complete(task(REQUEST_RENEWAL, instance));

    assertThat(instance).hasPassed(END_RENEWAL_REQUESTED).isWaitingAtExactly(OPERATION_CLOSED);
  }

  @Test
  @DisplayName("利用内容が異なり、再判定で利用不可: 直ちに利用停止へ")
  void usageDiffersForbidden() throws Exception {
    reclassification = Reclassification.FORBIDDEN;
    ProcessInstance instance = inOperation();
    execute(job(USAGE_CHECK_DUE, instance));
    complete(task(CONFIRM_USAGE, instance), withVariables(Variables.USAGE_DIFFERS.name(), true));

    assertThat(instance).hasPassed(END_RECLASSIFIED_FORBIDDEN);
    assertUseStopped(instance);
  }

  @Test
  @DisplayName("毎年のセキュリティチェックと利用状況の確認: 外部サービス管理者の確認の後、保存期間を延長する")
  void yearlyCheck() throws Exception {
    ProcessInstance instance = inOperation();
    execute(job(YEARLY_CHECK_DUE, instance));
    complete(task(YEARLY_CHECKLIST, instance));
    assertThat(task(USAGE_CHECK_BY_ADMINISTRATOR, instance)).isAssignedTo("kobayashi");
    complete(task(USAGE_CHECK_BY_ADMINISTRATOR, instance));

    assertThat(instance).hasPassed(END_YEARLY_CHECK_DONE).isWaitingAtExactly(OPERATION_CLOSED);
    assertThat(calls)
        .containsExactly(
            at("operationChecklistCompletion", YEARLY_CHECKLIST),
            at("administratorUsageCompletion", USAGE_CHECK_BY_ADMINISTRATOR),
            at("extendRetention", EXTEND_RETENTION));
    verify(extendRetention).execute(any());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    QUARTERLY_REVIEW_DUE
        + ","
        + QUARTERLY_REVIEW
        + ","
        + QUARTERLY_REVIEW_OVERDUE
        + ","
        + ESCALATE_QUARTERLY_REVIEW,
    BACKUP_DUE
        + ","
        + CONFIRM_BACKUP
        + ","
        + CONFIRM_BACKUP_OVERDUE
        + ","
        + ESCALATE_CONFIRM_BACKUP,
    USAGE_CHECK_DUE
        + ","
        + CONFIRM_USAGE
        + ","
        + CONFIRM_USAGE_OVERDUE
        + ","
        + ESCALATE_CONFIRM_USAGE,
    YEARLY_CHECK_DUE
        + ","
        + YEARLY_CHECKLIST
        + ","
        + YEARLY_CHECKLIST_OVERDUE
        + ","
        + ESCALATE_YEARLY_CHECKLIST
  })
  @DisplayName("定期の確認の期限超過: 所属長に確認タスクができ、遅れているタスクは残る")
  void overdueDutyIsEscalated(String due, String duty, String timer, String escalation) {
    ProcessInstance instance = inOperation();
    execute(job(due, instance));
    execute(job(timer, instance));

    assertThat(instance).isWaitingAt(duty, escalation, OPERATION_CLOSED);
    assertThat(task(escalation, instance)).hasCandidateGroup("unit-head-kumin");
    assertThat(calls).containsExactly(at("overdueTimerStart", timer));
    complete(task(escalation, instance));
    assertThat(instance).isWaitingAt(duty).isNotWaitingAt(escalation);
  }

  @Test
  @DisplayName("約款・提供内容の変更で継続")
  void termsChangedAndContinued() throws Exception {
    ProcessInstance instance = inOperation();
    correlate(OperationProcess.MESSAGE_PROVIDER_TERMS_CHANGED, instance);
    assertThat(task(DECIDE_ON_TERMS_CHANGE, instance)).hasCandidateGroup("security-officer-kumin");
    complete(
        task(DECIDE_ON_TERMS_CHANGE, instance),
        withVariables(
            Variables.CONTINUATION_DECISION.name(), ContinuationDecision.CONTINUE.name()));

    assertThat(instance)
        .hasPassed(END_CONTINUED_AFTER_TERMS_CHANGE)
        .isWaitingAtExactly(OPERATION_CLOSED);
    verify(suspendService, never()).execute(any());
  }

  @Test
  @DisplayName("約款・提供内容の変更で停止: 利用停止へ")
  void termsChangedAndStopped() throws Exception {
    ProcessInstance instance = inOperation();
    correlate(OperationProcess.MESSAGE_PROVIDER_TERMS_CHANGED, instance);
    complete(
        task(DECIDE_ON_TERMS_CHANGE, instance),
        withVariables(Variables.CONTINUATION_DECISION.name(), ContinuationDecision.STOP.name()));

    assertThat(instance).hasPassed(END_STOPPED_AFTER_TERMS_CHANGE);
    assertUseStopped(instance);
  }

  @Test
  @DisplayName("他団体でのインシデント: 利用責任者が利用者に注意を喚起する")
  void incidentElsewhere() {
    ProcessInstance instance = inOperation();
    correlate(OperationProcess.MESSAGE_INCIDENT_ELSEWHERE, instance);
    assertThat(task(ALERT_USERS, instance)).hasCandidateGroup("security-officer-kumin");
    complete(task(ALERT_USERS, instance));

    assertThat(instance).hasPassed(END_USERS_ALERTED).isWaitingAtExactly(OPERATION_CLOSED);
  }

  @Test
  @DisplayName("国外サーバでの保存・経由が判明: 直ちに利用停止へ（開いている定期の確認も終わる）")
  void overseasDataFound() throws Exception {
    ProcessInstance instance = inOperation();
    execute(job(BACKUP_DUE, instance));
    correlate(OperationProcess.MESSAGE_OVERSEAS_DATA_FOUND, instance);

    assertThat(instance).hasPassed(END_OVERSEAS_DATA_STOP).hasNotPassed(END_BACKUP_CONFIRMED);
    assertUseStopped(instance);
  }
}
