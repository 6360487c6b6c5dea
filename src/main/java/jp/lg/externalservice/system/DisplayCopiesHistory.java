package jp.lg.externalservice.system;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
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
 * case's variables and its case record). Every other event — the process variables, task-local
 * values that are not copies, tasks, activities, decisions — is written as before, at the same
 * history level.
 */
@Component
public class DisplayCopiesHistory extends AbstractProcessEnginePlugin {

  private final Set<String> copies = new HashSet<>();

  public DisplayCopiesHistory(List<DisplayCopies> displayCopies) {
    displayCopies.forEach(bean -> copies.addAll(bean.displayCopyNames()));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // in place of the engine's own database handler; handlers added by others (Spring's
    // history events) stay in the same list
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers().add(0, new Handler(Set.copyOf(copies)));
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
          && copies.contains(variable.getVariableName())) {
        return;
      }
      super.handleEvent(event);
    }
  }
}
