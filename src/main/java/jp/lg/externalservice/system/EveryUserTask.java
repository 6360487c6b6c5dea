package jp.lg.externalservice.system;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds a built-in listener to every user task of every diagram, without a line in the diagrams. */
public final class EveryUserTask {

  private EveryUserTask() {}

  /**
   * Call from a process engine plugin's {@code preInit}: {@code listener} runs when any user task
   * is created.
   */
  static void onCreate(ProcessEngineConfigurationImpl configuration, TaskListener listener) {
    on(configuration, TaskListener.EVENTNAME_CREATE, listener);
  }

  /**
   * Call from a process engine plugin's {@code preInit}: {@code listener} runs on {@code event} of
   * any user task.
   */
  public static void on(
      ProcessEngineConfigurationImpl configuration, String event, TaskListener listener) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPreBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(
                  Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior())
                    .getTaskDefinition()
                    .addBuiltInTaskListener(event, listener);
              }
            });
  }
}
