package jp.lg.externalservice.sns;

import jp.lg.externalservice.caserecord.RegistryEntries;
import jp.lg.externalservice.registry.EntryType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterSnsAccount}: the approved SNS account enters the registry, its responsible
 * person as manager.
 */
@Component("registerSnsAccount")
public class RegisterSnsAccount implements JavaDelegate {

  private final RegistryEntries entries;

  public RegisterSnsAccount(RegistryEntries entries) {
    this.entries = entries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    entries.register(
        execution, EntryType.SNS, SnsProcess.Variables.SNS_RESPONSIBLE_PERSON.get(execution));
  }
}
