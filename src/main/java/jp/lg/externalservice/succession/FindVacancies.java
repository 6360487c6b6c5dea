package jp.lg.externalservice.succession;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_FindVacancies}: the vacancies it finds are recorded with this watch instance, and the
 * multi-instance task after it gives 情報政策課 one task each.
 */
@Component("findVacancies")
public class FindVacancies implements JavaDelegate {

  private final SuccessorWatch watch;

  public FindVacancies(SuccessorWatch watch) {
    this.watch = watch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    watch.check(execution.getProcessInstanceId());
  }
}
