package jp.lg.externalservice.operation;

import jp.lg.externalservice.registry.RegistryLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ExtendRetention} (yearly): while the service is in use, the application's records
 * must not reach their removal time; keep them for the retention period after the next yearly check
 * at least (ruling R-18).
 */
@Component("extendRetention")
public class ExtendRetention implements JavaDelegate {

  private final RegistryLifecycle lifecycle;

  public ExtendRetention(RegistryLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.extendRetention(
        execution.getProcessBusinessKey()); // the registry entry of this operation
  }
}
