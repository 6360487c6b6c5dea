package jp.lg.externalservice.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import jp.lg.externalservice.registry.EntryType;
import org.springframework.stereotype.Component;

/** {@code Task_RegisterSnsAccount}: the approved SNS account enters the registry, its responsible person as manager. */
@Component("registerSnsAccount")
public class RegisterSnsAccount implements JavaDelegate {

  private final RegistryEntries entries;

  public RegisterSnsAccount(RegistryEntries entries) {
    this.entries = entries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    entries.register(execution, EntryType.SNS,
        (String) execution.getVariable(ReviewProcess.Var.SNS_RESPONSIBLE_PERSON));
  }
}
