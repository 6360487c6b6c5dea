package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Element.*;
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

import jp.lg.externalservice.DiagramTest;
import jp.lg.externalservice.application.ApplicationProcess.DoubleCheckDecision;
import jp.lg.externalservice.application.ApplicationProcess.PreparationDecision;
import jp.lg.externalservice.application.ApplicationProcess.Variables;
import jp.lg.externalservice.caserecord.CaseDecision;
import jp.lg.externalservice.caserecord.CaseFacts;
import jp.lg.externalservice.caserecord.CaseVariables.Decision;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.sns.SnsProcess;
import jp.lg.externalservice.system.DueDates;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
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
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The application diagram on its own, every gateway branch, with mocked beans (see {@link
 * DiagramTest}). The review and the SNS registration it calls are stand-ins that end at once;
 * {@code caseDecision} says what they decided.
 */
@Deployment(resources = "processes/external-service-application.bpmn")
class ApplicationDiagramTest extends DiagramTest {

  @RegisterExtension static final ProcessEngineCoverageExtension engine = everyElementWalked();

  private CaseFacts caseFacts;
  private CaseDecision caseDecision;
  private JavaDelegate operationHandover;
  private DelegateVariableMapping changedVariablesOut;
  private DelegateVariableMapping reviewVariables;

  @BeforeEach
  void mocks() {
    deployCalledProcessStub(ReviewProcess.KEY);
    deployCalledProcessStub(SnsProcess.KEY);
    caseFacts = bean("caseFacts", CaseFacts.class);
    when(caseFacts.applicant(any())).thenReturn("tanaka");
    when(caseFacts.securityOfficers(any())).thenReturn("security-officer-kumin");
    caseDecision = bean("caseDecision", CaseDecision.class);
    DueDates dueDates = bean("dueDates", DueDates.class);
    when(dueDates.reviewPeriod()).thenReturn("P10D");
    changedVariablesOut = bean("changedVariablesOut", DelegateVariableMapping.class);
    reviewVariables = bean("reviewVariables", DelegateVariableMapping.class);
    delegate("classifyApplication");
    operationHandover = delegate("operationHandover");
    listeners(
        "applicationStart",
        "submissionCompletion",
        "selectionCriteriaCompletion",
        "riskAcceptanceCompletion",
        "securityMeasuresCompletion",
        "doubleCheckCompletion",
        "correctionCompletion",
        "overdueTimerStart");
  }

  private ProcessInstance submit(Outcome outcome, Route route) {
    when(caseFacts.outcome(any())).thenReturn(outcome.name());
    when(caseFacts.route(any())).thenReturn(route == null ? null : route.name());
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(ApplicationProcess.KEY, "case-1");
    assertThat(instance).isWaitingAtExactly(FILL_IN_APPLICATION);
    assertThat(task(FILL_IN_APPLICATION, instance)).isAssignedTo("tanaka");
    complete(task(FILL_IN_APPLICATION, instance));
    return instance;
  }

  private static void prepare(ProcessInstance instance, String task, PreparationDecision decision) {
    complete(
        task(task, instance),
        withVariables(Variables.PREPARATION_DECISION.name(), decision.name()));
  }

  private static void doubleCheck(ProcessInstance instance, DoubleCheckDecision decision) {
    complete(
        task(DOUBLE_CHECK, instance),
        withVariables(Variables.DOUBLE_CHECK_DECISION.name(), decision.name()));
  }

  private ProcessInstance startBefore(String elementId) {
    return runtimeService
        .createProcessInstanceByKey(ApplicationProcess.KEY)
        .businessKey("case-1")
        .startBeforeActivity(elementId)
        .execute();
  }

  @Test
  @DisplayName("重要情報あり: 選定基準 → 自己チェック → ダブルチェック → 審査（承認）→ 運用へ引継ぎ")
  void importantInformationApprovedAndHandedOver() throws Exception {
    ProcessInstance instance = submit(Outcome.APPLICATION_REQUIRED, Route.IMPORTANT);
    assertThat(instance).isWaitingAtExactly(CHECK_SELECTION_CRITERIA);
    assertThat(task(CHECK_SELECTION_CRITERIA, instance)).isAssignedTo("tanaka");
    prepare(instance, CHECK_SELECTION_CRITERIA, PreparationDecision.PROCEED);
    assertThat(instance).isWaitingAtExactly(SELF_CHECK_MEASURES);
    complete(task(SELF_CHECK_MEASURES, instance));
    assertThat(task(DOUBLE_CHECK, instance)).hasCandidateGroup("security-officer-kumin");
    when(caseDecision.of(any())).thenReturn(Decision.APPROVED.name());
    doubleCheck(instance, DoubleCheckDecision.FORWARD);

    assertThat(instance).isEnded().hasPassedInOrder(REVIEW, END_APPROVED);
    assertThat(calls)
        .containsExactly(
            at("applicationStart", START),
            at("submissionCompletion", FILL_IN_APPLICATION),
            at("classifyApplication", CLASSIFY),
            at("selectionCriteriaCompletion", CHECK_SELECTION_CRITERIA),
            at("securityMeasuresCompletion", SELF_CHECK_MEASURES),
            at("doubleCheckCompletion", DOUBLE_CHECK),
            at("operationHandover", END_APPROVED));
    verify(operationHandover).execute(any());
    verify(reviewVariables).mapInputVariables(any(), any()); // what the review reads goes in
    verify(reviewVariables).mapOutputVariables(any(), any()); // the review's variables come back
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
    "APPLICATION_REQUIRED, PAID",
    "APPLICATION_REQUIRED, FREE",
    "DISCOURAGED, FREE",
    "DISCOURAGED, IMPORTANT"
  })
  @DisplayName("申請ルート: 重要情報ありは選定基準の確認へ、ほかはリスクの確認へ（原則不可も申請できる）")
  void routeToThePreparation(Outcome outcome, Route route) {
    ProcessInstance instance = submit(outcome, route);

    String preparation = route == Route.IMPORTANT ? CHECK_SELECTION_CRITERIA : ACCEPT_RISKS;
    assertThat(instance).isWaitingAtExactly(preparation);
    prepare(instance, preparation, PreparationDecision.PROCEED);
    assertThat(instance).isWaitingAtExactly(SELF_CHECK_MEASURES);
    assertThat(calls)
        .contains(
            at(
                route == Route.IMPORTANT
                    ? "selectionCriteriaCompletion"
                    : "riskAcceptanceCompletion",
                preparation));
  }

  @Test
  @DisplayName("事前確認で取り下げ: 自己チェックに進まずに終わる")
  void withdrawnAfterThePreparation() {
    ProcessInstance instance = submit(Outcome.APPLICATION_REQUIRED, Route.PAID);
    prepare(instance, ACCEPT_RISKS, PreparationDecision.WITHDRAW);

    assertThat(instance).isEnded().hasPassed(END_WITHDRAWN).hasNotPassed(SELF_CHECK_MEASURES);
  }

  @Test
  @DisplayName("取下げのメッセージ: どの段階でも割り込み、開いているタスクを取り消して取下げで終わる")
  void withdrawalInterruptsWhateverIsOpen() {
    ProcessInstance instance = submit(Outcome.APPLICATION_REQUIRED, Route.PAID);
    assertThat(instance).isWaitingAtExactly(ACCEPT_RISKS);
    runtimeService
        .createMessageCorrelation(ApplicationProcess.MESSAGE_WITHDRAWN)
        .processInstanceId(instance.getId())
        .correlate();

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(WITHDRAWAL_REQUESTED, END_WITHDRAWN_ON_REQUEST)
        .hasNotPassed(SELF_CHECK_MEASURES, END_WITHDRAWN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "NO_APPLICATION, " + ACKNOWLEDGE_NO_APPLICATION + ", " + END_NO_APPLICATION,
    "FORBIDDEN, " + ACKNOWLEDGE_FORBIDDEN + ", " + END_FORBIDDEN
  })
  @DisplayName("申請不要・利用不可: 申請者が判定を確認して終わる")
  void outcomesWithoutAnApplication(Outcome outcome, String acknowledgement, String end) {
    ProcessInstance instance = submit(outcome, null);
    assertThat(instance).isWaitingAtExactly(acknowledgement);
    assertThat(task(acknowledgement, instance)).isAssignedTo("tanaka");
    complete(task(acknowledgement, instance));

    assertThat(instance).isEnded().hasPassed(end);
  }

  @Test
  @DisplayName("SNS 登録手続（承認）: 登録手続を呼び出し、登録済みで終わる")
  void snsAccountRegistered() throws Exception {
    when(caseDecision.of(any())).thenReturn(Decision.APPROVED.name());
    ProcessInstance instance = submit(Outcome.SNS_PROCEDURE, null);

    assertThat(instance).isEnded().hasPassedInOrder(REGISTER_SNS_ACCOUNT, END_SNS_REGISTERED);
    verify(changedVariablesOut).mapOutputVariables(any(), any());
    verify(operationHandover, never()).execute(any()); // an SNS account has no operation duties
  }

  @Test
  @DisplayName("SNS 登録手続（不承認）: 申請者が不承認を確認して終わる")
  void snsAccountRejected() {
    when(caseDecision.of(any())).thenReturn(Decision.REJECTED.name());
    ProcessInstance instance = submit(Outcome.SNS_PROCEDURE, null);
    assertThat(instance).isWaitingAtExactly(ACKNOWLEDGE_SNS_REJECTION);
    complete(task(ACKNOWLEDGE_SNS_REJECTION, instance));

    assertThat(instance).isEnded().hasPassed(END_SNS_REJECTED);
  }

  @Test
  @DisplayName("ダブルチェックで差戻し: 申請者が申請全体を修正し、改めて判定される（ダブルチェックから開始）")
  void returnedByTheDoubleCheck() {
    when(caseFacts.outcome(any())).thenReturn(Outcome.APPLICATION_REQUIRED.name());
    when(caseFacts.route(any())).thenReturn(Route.FREE.name());
    ProcessInstance instance = startBefore(DOUBLE_CHECK);
    doubleCheck(instance, DoubleCheckDecision.RETURN);
    assertThat(instance).isWaitingAtExactly(CORRECT_APPLICATION);
    assertThat(task(CORRECT_APPLICATION, instance)).isAssignedTo("tanaka");
    complete(task(CORRECT_APPLICATION, instance));

    assertThat(instance).isWaitingAtExactly(ACCEPT_RISKS);
    assertThat(calls)
        .containsExactly(
            at("doubleCheckCompletion", DOUBLE_CHECK),
            at("correctionCompletion", CORRECT_APPLICATION),
            at("classifyApplication", CLASSIFY));
  }

  @Test
  @DisplayName("ダブルチェックで却下: 審査に進まず、申請者が不承認を確認して終わる（ダブルチェックから開始）")
  void rejectedByTheDoubleCheck() {
    ProcessInstance instance = startBefore(DOUBLE_CHECK);
    doubleCheck(instance, DoubleCheckDecision.REJECT);
    assertThat(instance).isWaitingAtExactly(ACKNOWLEDGE_REJECTION);
    complete(task(ACKNOWLEDGE_REJECTION, instance));

    assertThat(instance).isEnded().hasPassed(END_REJECTED).hasNotPassed(REVIEW);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Decision.class,
      names = {"REJECTED", "RETURNED"})
  @DisplayName("審査の決定が不承認・差戻し: 不承認の確認、または申請の修正へ（審査から開始）")
  void reviewDecisionOtherThanApproval(Decision decision) throws Exception {
    when(caseDecision.of(any())).thenReturn(decision.name());
    ProcessInstance instance = startBefore(REVIEW);

    assertThat(instance)
        .isWaitingAtExactly(
            decision == Decision.REJECTED ? ACKNOWLEDGE_REJECTION : CORRECT_APPLICATION);
    verify(operationHandover, never()).execute(any());
  }

  @Test
  @DisplayName("ダブルチェックの期限超過: 情報政策課長に確認タスクができ、ダブルチェックは残る（ダブルチェックから開始）")
  void overdueDoubleCheckIsEscalated() {
    ProcessInstance instance = startBefore(DOUBLE_CHECK);
    execute(job(DOUBLE_CHECK_OVERDUE, instance));

    assertThat(instance).isWaitingAtExactly(DOUBLE_CHECK, ESCALATE_OVERDUE);
    assertThat(task(ESCALATE_OVERDUE, instance)).hasCandidateGroup("policy-head");
    assertThat(calls).containsExactly(at("overdueTimerStart", DOUBLE_CHECK_OVERDUE));
    complete(task(ESCALATE_OVERDUE, instance));
    assertThat(instance).hasPassed(END_OVERDUE_ESCALATED).isWaitingAtExactly(DOUBLE_CHECK);
  }
}
