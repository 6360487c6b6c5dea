package jp.lg.externalservice.system;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that are the system's own business, not the current user's, without
 * authorization checks: e.g. evaluating the rule tables for any applicant, or granting an applicant
 * access to their own application. Inside a running command (a delegate or listener) the same
 * command context is reused. The engine's own {@code runWithoutAuthorization} does the work ({@link
 * EngineInternals}); the current user stays authenticated.
 */
@Component
public class Privileged {

  private final EngineInternals engine;

  public Privileged(EngineInternals engine) {
    this.engine = engine;
  }

  public <T> T call(Supplier<T> action) {
    return engine.withoutAuthorization(action);
  }

  /**
   * As {@link #call}, but {@code action} and a completion of task {@code taskId} running at the
   * same time cannot both commit (the later one fails with an {@code OptimisticLockingException}):
   * for a write that the completion must see or refuse, such as a draft of its form.
   */
  public <T> T callAgainstCompletion(String taskId, Supplier<T> action) {
    return engine.withoutAuthorizationAgainstCompletion(taskId, action);
  }

  public void run(Runnable action) {
    call(
        () -> {
          action.run();
          return null;
        });
  }
}
