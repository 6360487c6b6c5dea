package jp.lg.externalservice.termination;

import static jp.lg.externalservice.caserecord.CaseVariables.*;
import static jp.lg.externalservice.termination.TerminationProcess.Variables.*;

import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.registry.RegistryLifecycle;
import jp.lg.externalservice.system.InputReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseRegistryEntry}: the registry entry becomes TERMINATED with its end date; the
 * records stay for the retention period (ruling R-18). Its operation ends.
 */
@Component("closeRegistryEntry")
public class CloseRegistryEntry implements JavaDelegate {

  private final RegistryLifecycle lifecycle;
  private final CaseMessages messages;
  private final CaseRecords caseRecords;

  public CloseRegistryEntry(
      RegistryLifecycle lifecycle, CaseMessages messages, CaseRecords caseRecords) {
    this.lifecycle = lifecycle;
    this.messages = messages;
    this.caseRecords = caseRecords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String entryId = execution.getProcessBusinessKey(); // the entry this termination was filed for
    lifecycle.terminate(
        entryId,
        InputReader.isoDate(END_DATE.get(execution)),
        caseRecords.of(execution).applicant().userId(),
        execution.getProcessInstanceId(),
        TERMINATION_REASON.get(execution));
    messages.closeOperation(entryId); // the periodic duties end with the use
  }
}
