package jp.lg.externalservice.sns;

import static jp.lg.externalservice.sns.SnsProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jp.lg.externalservice.DiagramTest;
import jp.lg.externalservice.caserecord.CaseDecision;
import jp.lg.externalservice.caserecord.CaseFacts;
import jp.lg.externalservice.caserecord.CaseVariables.Decision;
import jp.lg.externalservice.system.DueDates;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SNS account registration diagram on its own, every gateway branch, with mocked beans (see
 * {@link DiagramTest}).
 */
@Deployment(resources = "processes/sns-account-registration.bpmn")
class SnsDiagramTest extends DiagramTest {

  @RegisterExtension static final ProcessEngineCoverageExtension engine = everyElementWalked();

  private CaseDecision caseDecision;
  private JavaDelegate registerSnsAccount;

  @BeforeEach
  void mocks() {
    CaseFacts caseFacts = bean("caseFacts", CaseFacts.class);
    when(caseFacts.applicant(any())).thenReturn("tanaka");
    when(caseFacts.securityOfficers(any())).thenReturn("security-officer-kumin");
    caseDecision = bean("caseDecision", CaseDecision.class);
    DueDates dueDates = bean("dueDates", DueDates.class);
    when(dueDates.reviewPeriod()).thenReturn("P10D");
    registerSnsAccount = delegate("registerSnsAccount");
    listeners("snsRegistrationCompletion", "snsApprovalCompletion", "overdueTimerStart");
  }

  private ProcessInstance preparedAndAwaitingApproval() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(SnsProcess.KEY, "case-1");
    assertThat(task(PREPARE_SNS_REGISTRATION, instance)).isAssignedTo("tanaka");
    complete(task(PREPARE_SNS_REGISTRATION, instance));
    assertThat(instance).isWaitingAtExactly(APPROVE_SNS_REGISTRATION);
    assertThat(task(APPROVE_SNS_REGISTRATION, instance))
        .hasCandidateGroup("security-officer-kumin");
    return instance;
  }

  @Test
  @DisplayName("承認: 台帳に SNS として登録して終わる")
  void approvedAndRegistered() throws Exception {
    when(caseDecision.of(any())).thenReturn(Decision.APPROVED.name());
    ProcessInstance instance = preparedAndAwaitingApproval();
    complete(task(APPROVE_SNS_REGISTRATION, instance));
    assertThat(instance)
        .isWaitingAt(REGISTER_SNS_ACCOUNT); // asynchronous: a failure is retried, not rolled back
    execute(job(REGISTER_SNS_ACCOUNT, instance));

    assertThat(instance).isEnded().hasPassed(END_SNS_REGISTERED);
    assertThat(calls)
        .containsExactly(
            at("snsRegistrationCompletion", PREPARE_SNS_REGISTRATION),
            at("snsApprovalCompletion", APPROVE_SNS_REGISTRATION),
            at("registerSnsAccount", REGISTER_SNS_ACCOUNT));
    verify(registerSnsAccount).execute(any());
  }

  @Test
  @DisplayName("差戻し: 申請者の記入に戻り、再び承認へ")
  void returnedToTheApplicant() {
    when(caseDecision.of(any())).thenReturn(Decision.RETURNED.name());
    ProcessInstance instance = preparedAndAwaitingApproval();
    complete(task(APPROVE_SNS_REGISTRATION, instance));

    assertThat(instance).isWaitingAtExactly(PREPARE_SNS_REGISTRATION);
    when(caseDecision.of(any())).thenReturn(Decision.REJECTED.name());
    complete(task(PREPARE_SNS_REGISTRATION, instance));
    assertThat(instance).isWaitingAtExactly(APPROVE_SNS_REGISTRATION);
  }

  @Test
  @DisplayName("不承認: 登録せずに終わる")
  void rejected() throws Exception {
    when(caseDecision.of(any())).thenReturn(Decision.REJECTED.name());
    ProcessInstance instance = preparedAndAwaitingApproval();
    complete(task(APPROVE_SNS_REGISTRATION, instance));

    assertThat(instance).isEnded().hasPassed(END_SNS_REJECTED).hasNotPassed(REGISTER_SNS_ACCOUNT);
    verify(registerSnsAccount, never()).execute(any());
  }

  @Test
  @DisplayName("承認の期限超過: 情報政策課長に確認タスクができ、承認タスクは残る（承認から開始）")
  void overdueApprovalIsEscalated() {
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(SnsProcess.KEY)
            .startBeforeActivity(APPROVE_SNS_REGISTRATION)
            .execute();
    execute(job(APPROVAL_OVERDUE, instance));

    assertThat(instance).isWaitingAtExactly(APPROVE_SNS_REGISTRATION, ESCALATE_OVERDUE);
    assertThat(task(ESCALATE_OVERDUE, instance)).hasCandidateGroup("policy-head");
    assertThat(calls).containsExactly(at("overdueTimerStart", APPROVAL_OVERDUE));
    complete(task(ESCALATE_OVERDUE, instance));
    assertThat(instance)
        .hasPassed(END_OVERDUE_ESCALATED)
        .isWaitingAtExactly(APPROVE_SNS_REGISTRATION);
  }
}
