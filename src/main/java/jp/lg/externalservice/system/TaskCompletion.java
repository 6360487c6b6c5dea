package jp.lg.externalservice.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * End listener of a user task that validates what was submitted, on the server, for Tasklist and
 * REST alike. It runs in the completing transaction: bad input rolls the completion back, the task
 * stays open and the caller gets a 400 naming every field. (A task listener would do, but the
 * engine wraps its exceptions into a 500.)
 */
public abstract class TaskCompletion implements ExecutionListener {

  @Override
  public final void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled (e.g. the instance was deleted), not completed
    }
    InputReader reader = new InputReader(JsonInput.fromVariables(execution.getVariables()));
    check(execution, reader);
    reader.throwIfInvalid();
  }

  /** Records every problem in {@code reader}. */
  protected abstract void check(DelegateExecution execution, InputReader reader);
}
