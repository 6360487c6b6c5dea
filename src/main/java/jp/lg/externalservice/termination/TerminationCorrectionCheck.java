package jp.lg.externalservice.termination;

import static jp.lg.externalservice.caserecord.CaseVariables.*;
import static jp.lg.externalservice.termination.TerminationProcess.Var.*;

import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code Task_CompleteTermination}: the service manager completes what was missing (e.g. the disposal proof). */
@Component("terminationCorrectionCheck")
public class TerminationCorrectionCheck extends TaskCompletionCheck {

  private final RegistryService registry;
  private final CaseRecords caseRecords;

  public TerminationCorrectionCheck(RegistryService registry, CaseRecords caseRecords) {
    this.registry = registry;
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    TerminationAnswers.crosses(reader, TERMINATION_CHECK, TerminationAnswers.terminationKeys());
    // the route of the entry being ended (the business key), not the variable route
    if (registry.find(execution.getProcessBusinessKey()).map(entry -> "IMPORTANT".equals(entry.route()))
        .orElse(false)) {
      TerminationAnswers.crosses(reader, DISPOSAL_CHECKLIST, TerminationAnswers.disposalKeys());
    }
    reader.requiredText(DISPOSAL_PROOF, 2000);
    reader.requiredText(CORRECTION_NOTE.name(), 2000);
    if (reader.errors().isEmpty()) {
      caseRecords.act(execution, CaseAct.APPLICANT, ActResult.SUBMITTED);
    }
  }
}
