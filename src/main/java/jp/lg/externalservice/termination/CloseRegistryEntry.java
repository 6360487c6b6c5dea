package jp.lg.externalservice.termination;

import static jp.lg.externalservice.termination.TerminationProcess.Var.*;

import java.time.LocalDate;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.operation.OperationMessages;
import jp.lg.externalservice.operation.OperationProcess;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseRegistryEntry}: the registry entry becomes TERMINATED with its end date; the records stay for the
 * retention period (ruling R-18). Its operation ends.
 */
@Component("closeRegistryEntry")
public class CloseRegistryEntry implements JavaDelegate {

  private final RegistryService registry;
  private final OperationMessages messages;

  public CloseRegistryEntry(RegistryService registry, OperationMessages messages) {
    this.registry = registry;
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String endDate = (String) execution.getVariable(END_DATE);
    registry.changeStatus((String) execution.getVariable(REGISTRY_ENTRY_ID), RegistryStatus.TERMINATED,
        LocalDate.parse(endDate.length() > 10 ? endDate.substring(0, 10) : endDate),
        (String) execution.getVariable(ApplicationProcess.Var.APPLICANT), execution.getProcessInstanceId(),
        "利用終了: " + execution.getVariable(TERMINATION_REASON));
    // the periodic duties end with the use
    messages.toOperation((String) execution.getVariable(REGISTRY_ENTRY_ID), OperationProcess.MESSAGE_OPERATION_CLOSED,
        java.util.Map.of());
  }
}
