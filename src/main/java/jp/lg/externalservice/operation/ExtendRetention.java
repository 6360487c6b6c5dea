package jp.lg.externalservice.operation;

import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Retention;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ExtendRetention} (yearly): while the service is in use, the application's records must not reach
 * their removal time; keep them for the retention period after the next yearly check at least (ruling R-18).
 */
@Component("extendRetention")
public class ExtendRetention implements JavaDelegate {

  private final RegistryService registry;
  private final Retention retention;

  public ExtendRetention(RegistryService registry, Retention retention) {
    this.registry = registry;
    this.retention = retention;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.find(execution.getProcessBusinessKey()).ifPresent(entry ->
        retention.keepCaseUntil(entry.applicationProcessInstanceId(),
            JapanClock.today().plusYears(1)));
  }
}
