package jp.lg.externalservice.system;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Task names say what to do and for which service: 「kintone：別表の選定基準を確認する」. The diagrams keep the
 * plain step name (readable in Modeler and Cockpit); every user task of every diagram gets the
 * service name prefixed when it is created.
 */
@Component
public class TaskTitles extends AbstractProcessEnginePlugin {

  private static final String SERVICE_NAME = "serviceName";

  private static final TaskListener PREFIX_SERVICE_NAME =
      task -> {
        Object serviceName = task.getVariable(SERVICE_NAME);
        if (serviceName != null
            && task.getName() != null
            && !task.getName().startsWith(serviceName + "：")) {
          task.setName(serviceName + "：" + task.getName());
        }
      };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.onCreate(configuration, PREFIX_SERVICE_NAME);
  }
}
