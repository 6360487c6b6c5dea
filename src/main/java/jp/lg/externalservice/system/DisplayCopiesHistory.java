package jp.lg.externalservice.system;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's history, less the display copies on user tasks (issue 17, "a lean case": the data
 * users and auditors need stays, copies go).
 *
 * <p>Every user task gets task-local copies of the case's values for display ({@link
 * DisplayCopies}): the forms' {@code shown} and Tasklist's four columns. With full history each
 * copy also left a historic variable, a historic detail and, for {@code shown}, two byte arrays —
 * about 150 of the ~800 rows a case writes — and at the task's end a look-up and an update to mark
 * them deleted. Those rows repeated values whose own history is kept where they are written (the
 * case's variables and its case record). What is skipped is the copy written when its task is
 * created and its removal with the task; a copy changed later (only an administrator can, through
 * the REST API) is recorded as any variable, with its value. Every other event — the process
 * variables, task-local values that are not copies, tasks, activities, decisions — is written as
 * before, at the same history level.
 */
@Component
public class DisplayCopiesHistory extends AbstractProcessEnginePlugin {

  private final Set<String> copies = new HashSet<>();

  public DisplayCopiesHistory(List<DisplayCopies> displayCopies) {
    displayCopies.forEach(bean -> copies.addAll(bean.displayCopyNames()));
  }

  private Handler handler;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // in place of the engine's own database handler; handlers added by others (Spring's
    // history events) stay in the same list
    handler = new Handler(Set.copyOf(copies));
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers().add(0, handler);
  }

  /** Without the handler nothing would write the history: the engine does not start then. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isEnableDefaultDbHistoryEventHandler()
        || !configuration.getCustomHistoryEventHandlers().contains(handler)) {
      throw new IllegalStateException(
          "DisplayCopiesHistory: the history handler was replaced after it was added;"
              + " the engine would write no history");
    }
  }

  /** The engine's database handler, skipping the variable events of display copies. */
  static final class Handler extends DbHistoryEventHandler {

    private final Set<String> copies;

    Handler(Set<String> copies) {
      this.copies = copies;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && variable.getTaskId() != null
          && copies.contains(variable.getVariableName())
          && (variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)
              || variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                  && createdInThisCommand(variable.getTaskId()))) {
        return;
      }
      super.handleEvent(event);
    }

    /** Whether the task was inserted by the command that writes its copy: the server's copy. */
    private static boolean createdInThisCommand(String taskId) {
      CachedDbEntity task =
          Context.getCommandContext()
              .getDbEntityManager()
              .getDbEntityCache()
              .getCachedEntity(TaskEntity.class, taskId);
      return task != null && task.getEntityState() == DbEntityState.TRANSIENT;
    }
  }
}
