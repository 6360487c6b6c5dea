package jp.lg.externalservice.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;

/**
 * Acting as a user through the Java API, as the REST filter and the webapps do: the user and their
 * groups are set on the engine for the call, so authorization checks apply. Groups are looked up
 * once per user (the harness's cost, not the engine's, and the same for every process measured).
 */
final class Actors {

  private final ProcessEngine engine;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  Actors(ProcessEngine engine) {
    this.engine = engine;
  }

  <T> T as(String userId, Supplier<T> action) {
    List<String> groupIds =
        groups.computeIfAbsent(
            userId,
            id ->
                engine.getIdentityService().createGroupQuery().groupMember(id).list().stream()
                    .map(Group::getId)
                    .toList());
    engine.getIdentityService().setAuthentication(userId, groupIds);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /**
   * Finds the open task {@code taskKey} of the process instance and completes it as {@code userId},
   * claiming it first when it is a group task; through its form when {@code form} (as Tasklist
   * does), else plain {@code complete}.
   */
  void complete(
      String processInstanceId,
      String taskKey,
      String userId,
      Map<String, Object> variables,
      boolean form) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .singleResult();
    if (task == null) {
      throw new IllegalStateException(
          "no open "
              + taskKey
              + " in "
              + processInstanceId
              + "; open: "
              + engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(processInstanceId)
                  .list());
    }
    as(
        userId,
        () -> {
          if (task.getAssignee() == null) {
            engine.getTaskService().claim(task.getId(), userId);
          }
          if (form) {
            engine.getFormService().submitTaskForm(task.getId(), variables);
          } else {
            engine.getTaskService().complete(task.getId(), variables);
          }
          return null;
        });
  }
}
