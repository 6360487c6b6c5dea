package jp.lg.externalservice.termination;

import static jp.lg.externalservice.caserecord.CaseVariables.*;
import static jp.lg.externalservice.termination.TerminationProcess.Variables.*;

import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.checklist.Checklist;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CompleteTermination}: the service manager completes what was missing (e.g. the
 * disposal proof).
 */
@Component("terminationCorrectionCompletion")
public class TerminationCorrectionCompletion extends TaskCompletion {

  private final RegistryService registry;
  private final CaseRecords caseRecords;

  public TerminationCorrectionCompletion(RegistryService registry, CaseRecords caseRecords) {
    this.registry = registry;
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    Checklist.TERMINATION.readCrosses(reader, TERMINATION_CHECK);
    // the route of the entry being ended (the business key), not the variable route
    if (registry
        .find(execution.getProcessBusinessKey())
        .map(entry -> entry.route() == Route.IMPORTANT)
        .orElse(false)) {
      Checklist.DISPOSAL.readCrosses(reader, DISPOSAL_CHECKLIST);
    }
    reader.requiredText(DISPOSAL_PROOF, InputReader.MAX_TEXT);
    reader.requiredText(CORRECTION_NOTE, InputReader.MAX_TEXT);
    if (reader.errors().isEmpty()) {
      caseRecords.act(execution, CaseAct.APPLICANT, ActResult.SUBMITTED);
    }
  }
}
