package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import jp.lg.externalservice.DiagramTest;
import jp.lg.externalservice.caserecord.CaseDecision;
import jp.lg.externalservice.caserecord.CaseFacts;
import jp.lg.externalservice.caserecord.CaseVariables.Decision;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.review.ReviewProcess.ReviewRecommendation;
import jp.lg.externalservice.review.ReviewProcess.Variables;
import jp.lg.externalservice.system.DueDates;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * The review diagram on its own, every gateway branch, with mocked beans (see {@link DiagramTest}).
 */
@Deployment(resources = "processes/external-service-review.bpmn")
class ReviewDiagramTest extends DiagramTest {

  @RegisterExtension static final ProcessEngineCoverageExtension engine = everyElementWalked();

  private CaseFacts caseFacts;
  private CaseDecision caseDecision;
  private JavaDelegate registerApprovedService;
  private ExecutionListener overdueStep;

  @BeforeEach
  void mocks() {
    caseFacts = bean("caseFacts", CaseFacts.class);
    when(caseFacts.applicant(any())).thenReturn("tanaka");
    when(caseFacts.serviceManager(any())).thenReturn("sato");
    caseDecision = bean("caseDecision", CaseDecision.class);
    DueDates dueDates = bean("dueDates", DueDates.class);
    when(dueDates.reviewPeriod()).thenReturn("P10D");
    registerApprovedService = delegate("registerApprovedService");
    overdueStep = listener("overdueTimerStart");
    listeners(
        "prepareReview",
        "specificCommunicationCompletion",
        "priorConsultationCompletion",
        "reviewCompletion",
        "niscAdviceCompletion",
        "itPlanningCompletion",
        "decisionCompletion",
        "usageRisksCompletion",
        "contractCompletion");
  }

  private void conditions(boolean specificCommunication, boolean priorConsultation) {
    when(caseFacts.condition(any(), eq(Condition.SPECIFIC_COMMUNICATION.name())))
        .thenReturn(specificCommunication);
    when(caseFacts.condition(any(), eq(Condition.PRIOR_CONSULTATION.name())))
        .thenReturn(priorConsultation);
  }

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(ReviewProcess.KEY, "case-1");
  }

  private static void review(ProcessInstance instance, ReviewRecommendation recommendation) {
    complete(
        task(REVIEW, instance),
        withVariables(Variables.REVIEW_RECOMMENDATION.name(), recommendation.name()));
  }

  @Test
  @DisplayName("条件なし・情報化企画なし: 審査 → 決定（承認）→ 台帳登録 → リスク確認 → 無料は契約なしで承認")
  void plainApprovalOfAFreeService() throws Exception {
    conditions(false, false);
    when(caseDecision.of(any())).thenReturn(Decision.APPROVED.name());
    when(caseFacts.route(any())).thenReturn(Route.FREE.name());

    ProcessInstance instance = start();
    assertThat(instance).isWaitingAtExactly(REVIEW);
    assertThat(task(REVIEW, instance)).hasCandidateGroup("policy-reviewer");
    review(instance, ReviewRecommendation.APPROVE);
    assertThat(instance).isWaitingAtExactly(DECIDE);
    complete(task(DECIDE, instance));
    assertThat(instance).isWaitingAt(REGISTER_APPROVED_SERVICE);
    execute(job(REGISTER_APPROVED_SERVICE, instance));
    assertThat(task(ACKNOWLEDGE_USAGE_RISKS, instance)).isAssignedTo("sato");
    complete(task(ACKNOWLEDGE_USAGE_RISKS, instance));

    assertThat(instance)
        .isEnded()
        .hasPassed(END_APPROVED)
        .hasNotPassed(
            RECORD_CONTRACT,
            REVIEW_IT_PLANNING,
            CONFIRM_SPECIFIC_COMMUNICATION,
            RECORD_PRIOR_CONSULTATION,
            RECORD_NISC_ADVICE);
    assertThat(calls)
        .containsExactly(
            at("prepareReview", START),
            at("reviewCompletion", REVIEW),
            at("decisionCompletion", DECIDE),
            at("registerApprovedService", REGISTER_APPROVED_SERVICE),
            at("usageRisksCompletion", ACKNOWLEDGE_USAGE_RISKS));
    verify(registerApprovedService).execute(any());
  }

  @ParameterizedTest(name = "特定通信 {0}, 事前相談 {1}")
  @CsvSource({"true, false", "false, true", "true, true"})
  @DisplayName("事前の条件: 特定通信の確認と事前相談のどちらか、または両方を終えてから審査へ")
  void conditionsBeforeTheReview(boolean specificCommunication, boolean priorConsultation) {
    conditions(specificCommunication, priorConsultation);

    ProcessInstance instance = start();
    if (specificCommunication) {
      assertThat(task(CONFIRM_SPECIFIC_COMMUNICATION, instance)).isAssignedTo("tanaka");
      complete(task(CONFIRM_SPECIFIC_COMMUNICATION, instance));
    }
    if (priorConsultation) {
      assertThat(instance).isNotWaitingAt(REVIEW);
      assertThat(task(RECORD_PRIOR_CONSULTATION, instance)).hasCandidateGroup("policy-reviewer");
      complete(task(RECORD_PRIOR_CONSULTATION, instance));
    }

    assertThat(instance).isWaitingAtExactly(REVIEW);
    List<String> expected = new ArrayList<>(List.of(at("prepareReview", START)));
    if (specificCommunication) {
      expected.add(at("specificCommunicationCompletion", CONFIRM_SPECIFIC_COMMUNICATION));
    }
    if (priorConsultation) {
      expected.add(at("priorConsultationCompletion", RECORD_PRIOR_CONSULTATION));
    }
    assertThat(calls).isEqualTo(expected);
  }

  @Test
  @DisplayName("情報化企画が必要: 情報政策課の審査と並行し、両方を終えてから決定へ")
  void itPlanningReviewedInParallel() {
    conditions(false, false);
    when(caseFacts.itPlanningRequired(any())).thenReturn(true);

    ProcessInstance instance = start();
    assertThat(instance).isWaitingAtExactly(REVIEW, REVIEW_IT_PLANNING);
    assertThat(task(REVIEW_IT_PLANNING, instance)).hasCandidateGroup("it-planning");
    review(instance, ReviewRecommendation.APPROVE);
    assertThat(instance).isWaitingAtExactly(REVIEWS_DONE, REVIEW_IT_PLANNING); // the join waits
    complete(task(REVIEW_IT_PLANNING, instance));

    assertThat(instance).isWaitingAtExactly(DECIDE);
    assertThat(calls).contains(at("itPlanningCompletion", REVIEW_IT_PLANNING));
  }

  @Test
  @DisplayName("情報化企画の審査中に情報政策課が差し戻すと、情報化企画を終えるまで差戻しにならない")
  void returnByTheReviewerWaitsForItPlanning() {
    conditions(false, false);
    when(caseFacts.itPlanningRequired(any())).thenReturn(true);

    ProcessInstance instance = start();
    review(instance, ReviewRecommendation.RETURN);
    // the inclusive join before Gateway_Recommendation waits for the parallel 情報化企画 review
    assertThat(instance).isWaitingAtExactly(REVIEWS_DONE, REVIEW_IT_PLANNING);
    complete(task(REVIEW_IT_PLANNING, instance));

    assertThat(instance).isEnded().hasPassed(END_RETURNED_BY_REVIEWER).hasNotPassed(DECIDE);
  }

  @Test
  @DisplayName("NISC の助言を求める: 助言を記録して審査に戻り、次の審査結果で先へ進む")
  void niscAdviceLoopsBackToTheReview() {
    conditions(false, false);

    ProcessInstance instance = start();
    review(instance, ReviewRecommendation.REQUEST_NISC_ADVICE);
    assertThat(instance).isWaitingAtExactly(RECORD_NISC_ADVICE);
    complete(task(RECORD_NISC_ADVICE, instance));
    assertThat(instance).isWaitingAtExactly(REVIEW);
    review(instance, ReviewRecommendation.REJECT);

    // a rejecting recommendation still goes to the decision: the head of 情報政策課 decides
    assertThat(instance).isWaitingAtExactly(DECIDE);
    assertThat(calls).contains(at("niscAdviceCompletion", RECORD_NISC_ADVICE));
  }

  @Test
  @DisplayName("審査で差戻し: 決定を経ずに差戻しで終わる")
  void returnedByTheReviewer() {
    conditions(false, false);

    ProcessInstance instance = start();
    review(instance, ReviewRecommendation.RETURN);

    assertThat(instance).isEnded().hasPassed(END_RETURNED_BY_REVIEWER).hasNotPassed(DECIDE);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Decision.class,
      names = {"REJECTED", "RETURNED"})
  @DisplayName("決定が不承認・差戻し: 台帳に登録せずに終わる（決定から開始）")
  void decisionOtherThanApproval(Decision decision) {
    when(caseDecision.of(any())).thenReturn(decision.name());

    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(ReviewProcess.KEY)
            .startBeforeActivity(DECIDE)
            .execute();
    complete(task(DECIDE, instance));

    assertThat(instance)
        .isEnded()
        .hasPassed(decision == Decision.REJECTED ? END_REJECTED : END_RETURNED_BY_DECISION)
        .hasNotPassed(REGISTER_APPROVED_SERVICE);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Route.class,
      names = {"IMPORTANT", "PAID"})
  @DisplayName("重要情報あり・有料: リスク確認の後に契約締結日を記録して承認（リスク確認から開始）")
  void contractRecordedForImportantAndPaid(Route route) {
    when(caseFacts.route(any())).thenReturn(route.name());

    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(ReviewProcess.KEY)
            .startBeforeActivity(ACKNOWLEDGE_USAGE_RISKS)
            .execute();
    complete(task(ACKNOWLEDGE_USAGE_RISKS, instance));
    assertThat(task(RECORD_CONTRACT, instance)).isAssignedTo("sato");
    complete(task(RECORD_CONTRACT, instance));

    assertThat(instance).isEnded().hasPassed(END_APPROVED);
    assertThat(calls)
        .containsExactly(
            at("usageRisksCompletion", ACKNOWLEDGE_USAGE_RISKS),
            at("contractCompletion", RECORD_CONTRACT));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    RECORD_PRIOR_CONSULTATION + ", " + PRIOR_CONSULTATION_OVERDUE,
    REVIEW + ", " + REVIEW_OVERDUE,
    REVIEW_IT_PLANNING + ", " + IT_PLANNING_OVERDUE,
    DECIDE + ", " + DECISION_OVERDUE
  })
  @DisplayName("期限超過: 情報政策課長に確認タスクができ、遅れているタスクは残る（そのタスクから開始）")
  void overdueTaskIsEscalated(String overdueTask, String timer) throws Exception {
    Date now = new Date(1_700_000_000_000L);
    ClockUtil.setCurrentTime(now);
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(ReviewProcess.KEY)
            .startBeforeActivity(overdueTask)
            .execute();
    // the timer runs for dueDates.reviewPeriod()
    assertThat(job(timer, instance).getDuedate())
        .isEqualTo(Date.from(now.toInstant().plus(Duration.ofDays(10))));
    execute(job(timer, instance));

    assertThat(instance).isWaitingAtExactly(overdueTask, ESCALATE_OVERDUE);
    assertThat(task(ESCALATE_OVERDUE, instance)).hasCandidateGroup("policy-head");
    assertThat(calls).containsExactly(at("overdueTimerStart", timer));
    verify(overdueStep).notify(any());
    complete(task(ESCALATE_OVERDUE, instance));
    assertThat(instance).hasPassed(END_OVERDUE_ESCALATED).isWaitingAtExactly(overdueTask);
  }
}
