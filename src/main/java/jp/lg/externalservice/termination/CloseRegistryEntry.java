package jp.lg.externalservice.termination;

import static jp.lg.externalservice.termination.TerminationProcess.Var.*;

import java.time.LocalDate;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseRegistryEntry}: the registry entry becomes TERMINATED with its end date; the records stay for the
 * retention period (ruling R-18).
 */
@Component("closeRegistryEntry")
public class CloseRegistryEntry implements JavaDelegate {

  private final RegistryService registry;

  public CloseRegistryEntry(RegistryService registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String endDate = (String) execution.getVariable(END_DATE);
    registry.changeStatus((String) execution.getVariable(REGISTRY_ENTRY_ID), RegistryStatus.TERMINATED,
        LocalDate.parse(endDate.length() > 10 ? endDate.substring(0, 10) : endDate),
        (String) execution.getVariable(ApplicationProcess.Var.APPLICANT), execution.getProcessInstanceId(),
        "利用終了: " + execution.getVariable(TERMINATION_REASON));
  }
}
