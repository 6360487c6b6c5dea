package jp.lg.externalservice.caserecord;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.stereotype.Component;

/**
 * Start listener of the non-interrupting "期限超過" timers: tells the escalation task of the head of
 * 情報政策課 which step is overdue. The overdue task itself stays open.
 */
@Component("overdueTimerStart")
public class OverdueTimerStart implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    BoundaryEvent timer = (BoundaryEvent) execution.getBpmnModelElementInstance();
    CaseVariables.OVERDUE_STEP.setLocal(execution, timer.getAttachedTo().getName());
  }
}
