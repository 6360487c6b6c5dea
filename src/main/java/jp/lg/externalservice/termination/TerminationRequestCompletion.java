package jp.lg.externalservice.termination;

import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_FillTerminationRequest}: after a stop of use the service manager files the 終了確認書 in a
 * task; the same rules apply as when it is filed from Tasklist's start form.
 */
@Component("terminationRequestCompletion")
public class TerminationRequestCompletion extends TaskCompletion {

  private final TerminationRequestStart request;

  public TerminationRequestCompletion(TerminationRequestStart request) {
    this.request = request;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    request.validateAndRecord(execution, true);
  }
}
