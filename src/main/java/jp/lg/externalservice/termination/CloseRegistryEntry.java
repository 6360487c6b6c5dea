package jp.lg.externalservice.termination;

import java.time.LocalDate;
import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.Retention;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import static jp.lg.externalservice.caserecord.CaseVariables.*;
import static jp.lg.externalservice.termination.TerminationProcess.Variables.*;


/**
 * {@code Task_CloseRegistryEntry}: the registry entry becomes TERMINATED with its end date; the records stay for the
 * retention period (ruling R-18). Its operation ends.
 */
@Component("closeRegistryEntry")
public class CloseRegistryEntry implements JavaDelegate {

  private final RegistryService registry;
  private final CaseMessages messages;
  private final Retention retention;

  private final CaseRecords caseRecords;

  public CloseRegistryEntry(RegistryService registry, CaseMessages messages, Retention retention,
      CaseRecords caseRecords) {
    this.registry = registry;
    this.messages = messages;
    this.retention = retention;
    this.caseRecords = caseRecords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = END_DATE.get(execution);
    LocalDate endDate = InputReader.isoDate(text);
    String entryId = execution.getProcessBusinessKey(); // the entry this termination was filed for
    registry.changeStatus(entryId, RegistryStatus.TERMINATED, endDate,
        caseRecords.of(execution).applicant().userId(), execution.getProcessInstanceId(),
        "利用終了: " + TERMINATION_REASON.get(execution));
    // the periodic duties end with the use; the application's records stay for the retention period
    messages.closeOperation(entryId);
    registry.find(entryId).ifPresent(entry -> retention.keepCaseUntil(entry.applicationProcessInstanceId(), endDate));
  }
}
