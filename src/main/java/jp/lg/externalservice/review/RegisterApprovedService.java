package jp.lg.externalservice.review;

import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.registry.EntryType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RegisterApprovedService}: the approved service enters the registry (001 8.2(4)③, 003 第10 2(4)②). */
@Component("registerApprovedService")
public class RegisterApprovedService implements JavaDelegate {

  private final RegistryEntries entries;

  public RegisterApprovedService(RegistryEntries entries) {
    this.entries = entries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    entries.register(execution, EntryType.SERVICE,
        (String) execution.getVariable(ApplicationProcess.Var.SERVICE_MANAGER));
  }
}
