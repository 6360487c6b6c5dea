package jp.lg.externalservice.termination;

import static jp.lg.externalservice.termination.TerminationProcess.Var.*;

import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code Task_CompleteTermination}: the service manager completes what was missing (e.g. the disposal proof). */
@Component("terminationCorrectionCheck")
public class TerminationCorrectionCheck extends TaskCompletionCheck {

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    TerminationAnswers.crosses(reader, TERMINATION_CHECK, TerminationAnswers.terminationKeys());
    if ("IMPORTANT".equals(execution.getVariable(ApplicationProcess.Var.ROUTE))) {
      TerminationAnswers.crosses(reader, DISPOSAL_CHECKLIST, TerminationAnswers.disposalKeys());
    }
    reader.requiredText(DISPOSAL_PROOF, 2000);
    reader.requiredText(CORRECTION_NOTE, 2000);
  }
}
