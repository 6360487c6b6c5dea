package jp.lg.externalservice.certification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_FindCertificationLapses}: the daily check; the lapses it finds are recorded with this
 * watch instance, and the multi-instance task after it gives 情報政策課 one task each.
 */
@Component("findCertificationLapses")
public class FindCertificationLapses implements JavaDelegate {

  private final CertificationWatch watch;

  public FindCertificationLapses(CertificationWatch watch) {
    this.watch = watch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    watch.check(execution.getProcessInstanceId());
  }
}
