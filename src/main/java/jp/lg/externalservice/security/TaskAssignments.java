package jp.lg.externalservice.security;

import jp.lg.externalservice.system.FieldError;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who may take a task and to whom it may be handed over: the rules live with the case record
 * (four-eyes against the applicant and her 所属長, membership of the task's groups); {@link
 * EngineRestGuard} asks them before the engine sees a claim or a hand-over, so that the refusal
 * names its reason.
 */
public interface TaskAssignments {

  /**
   * Why {@code userId} may not take a task being created or assigned (a deputy the routing would
   * add), or null when she may.
   */
  FieldError problemTaking(DelegateTask task, String userId);

  /** Why {@code userId} may not claim the task, or null when she may. */
  FieldError problemTaking(String taskId, String userId);

  /** Why {@code caller} may not hand the task to {@code target}, or null when she may. */
  FieldError problemHandingOver(String taskId, String caller, String target);
}
