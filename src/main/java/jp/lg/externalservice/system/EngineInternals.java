package jp.lg.externalservice.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Component;

/**
 * The only place that reaches into the engine's internal API (Camunda 7.24, {@code
 * org.camunda.bpm.engine.impl}). Everything else goes through the public services. {@code
 * EngineInternalsTest} checks every method used here by reflection and through the real engine, so
 * an engine upgrade that changes them fails there, loudly, first.
 *
 * <p>Why these cannot be public:
 *
 * <ul>
 *   <li>{@link #withoutAuthorization}: the public API has no way to skip authorization checks for
 *       one call. Clearing the authentication ({@code IdentityService.clearAuthentication()}) would
 *       also skip them, but it would drop the user id that the engine writes into the user
 *       operation log, the history and a started instance's initiator. So the call runs as a
 *       command of the engine's own transaction-required executor, with the command context's
 *       {@code runWithoutAuthorization}: inside a running command (a delegate or a listener) the
 *       same context and transaction are reused, and the previous setting is restored afterwards.
 *   <li>{@link #withoutAuthorizationAgainstCompletion}: a variable write does not touch the task or
 *       its execution, so a completion of the task that commits at the same time does not see it,
 *       and it lands after the completion has validated and classified the answers (issue 14: a
 *       draft saved while the application was filed). The command forces an update of the task's
 *       execution ({@code ExecutionEntity.forceUpdate}, what the engine itself does for concurrent
 *       joins), which the completion updates too: optimistic locking fails the later of the two.
 *   <li>{@link #latestFormDefinition}: {@code RepositoryService} offers queries for process and
 *       decision definitions but none for Camunda Form definitions, so the latest version of a form
 *       key is read through the engine's {@code CamundaFormDefinitionManager}.
 * </ul>
 */
@Component
public class EngineInternals {

  private final CommandExecutor commandExecutor;

  public EngineInternals(ProcessEngine processEngine) {
    this.commandExecutor =
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
  }

  /**
   * Runs {@code action} without authorization checks, as the current user, in the current engine
   * transaction.
   */
  public <T> T withoutAuthorization(Supplier<T> action) {
    return commandExecutor.execute(context -> context.runWithoutAuthorization(action::get));
  }

  /**
   * Runs {@code action} as {@link #withoutAuthorization} does, in a transaction that also writes
   * the row of task {@code taskId}'s execution, so that it and a completion of the task cannot both
   * commit: the later one fails with an {@code OptimisticLockingException}.
   */
  public <T> T withoutAuthorizationAgainstCompletion(String taskId, Supplier<T> action) {
    return commandExecutor.execute(
        context ->
            context.runWithoutAuthorization(
                () -> {
                  TaskEntity task = context.getTaskManager().findTaskById(taskId);
                  if (task != null && task.getExecution() != null) {
                    task.getExecution().forceUpdate();
                  }
                  return action.get();
                }));
  }

  /** The latest version of the Camunda Form with this id, or null when none is deployed. */
  public ResourceDefinition latestFormDefinition(String key) {
    return commandExecutor.execute(
        context -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key));
  }
}
