package jp.lg.externalservice.caserecord;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.stereotype.Component;

/**
 * Start listener of the non-interrupting "期限超過" timers: tells the escalation task of the head of
 * 情報政策課 which step is overdue. The overdue task itself stays open. Every {@code Event_*Overdue}
 * timer of the five diagrams: {@code Event_DoubleCheckOverdue}, {@code
 * Event_PriorConsultationOverdue}, {@code Event_ReviewOverdue}, {@code Event_ItPlanningOverdue},
 * {@code Event_DecisionOverdue}, {@code Event_SnsApprovalOverdue}, {@code
 * Event_QuarterlyReviewOverdue}, {@code Event_ConfirmBackupOverdue}, {@code
 * Event_ConfirmUsageOverdue}, {@code Event_YearlyChecklistOverdue}, {@code
 * Event_TerminationOverdue}.
 */
@Component("overdueTimerStart")
public class OverdueTimerStart implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    BoundaryEvent timer = (BoundaryEvent) execution.getBpmnModelElementInstance();
    CaseVariables.OVERDUE_STEP.setLocal(execution, timer.getAttachedTo().getName());
  }
}
