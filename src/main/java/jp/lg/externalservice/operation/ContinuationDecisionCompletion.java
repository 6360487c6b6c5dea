package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Variables.*;

import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.operation.OperationProcess.ContinuationDecision;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DecideContinuation} (002 §6(1)): the 利用責任者, not the service manager or her 所属長
 * (ruling R-15), continues or stops, with a reason.
 */
@Component("continuationDecisionCompletion")
public class ContinuationDecisionCompletion extends TaskCompletion {

  private final FourEyes fourEyes;
  private final ServiceFacts facts;

  public ContinuationDecisionCompletion(FourEyes fourEyes, ServiceFacts facts) {
    this.fourEyes = fourEyes;
    this.facts = facts;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    // service manager and department from the registry entry, never from variables (issue 12)
    fourEyes.check(reader, facts.serviceManager(execution), facts.departmentCode(execution));
    ContinuationDecision decision = reader.requiredEnum(CONTINUATION_DECISION);
    String reason = reader.requiredText(CONTINUATION_REASON, InputReader.MAX_TEXT);
    if (decision == ContinuationDecision.STOP && reason != null) {
      STOP_REASON.set(execution, "利用責任者が利用の停止を決定したため（002 §6(1)）: " + reason);
    }
    // the form asks 「この内容で決定します」; next year's decision starts unticked
    CaseVariables.DECISION_CONFIRMED.remove(execution);
  }
}
