package jp.lg.externalservice.succession;

import java.util.List;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.notification.Notice;
import jp.lg.externalservice.notification.NotificationKind;
import jp.lg.externalservice.notification.Notifications;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryLifecycle;
import jp.lg.externalservice.registry.RegistryRole;
import jp.lg.externalservice.system.Privileged;
import jp.lg.externalservice.system.Var;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What naming a successor changes, in the caller's (the completing) transaction: the registry entry
 * with an event naming who named the successor ({@link RegistryLifecycle#nameSuccessor}); the open
 * tasks of the entry's operation that the person who left holds go to the successor — tasks the
 * diagram addressed to her ({@code serviceFacts.serviceManager}, {@code serviceAdministrator}),
 * while a group task she had claimed goes back to its group; later tasks follow by themselves,
 * since the operation diagram reads its people from the registry; and the successor is told by
 * mail.
 */
@Service
public class Succession {

  private final RegistryLifecycle lifecycle;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final Notifications notifications;
  private final Privileged privileged;

  Succession(
      RegistryLifecycle lifecycle,
      TaskService taskService,
      RuntimeService runtimeService,
      Notifications notifications,
      Privileged privileged) {
    this.lifecycle = lifecycle;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.notifications = notifications;
    this.privileged = privileged;
  }

  /** Returns the number of open tasks handed to the successor. */
  public int nameSuccessor(
      Vacancy vacancy,
      RegistryEntry entry,
      User successor,
      String namedBy,
      String processInstanceId) {
    String name = successor.getLastName() + " " + successor.getFirstName();
    lifecycle.nameSuccessor(
        entry.id(),
        vacancy.role(),
        vacancy.departedUser(),
        successor.getId(),
        name,
        namedBy,
        processInstanceId);
    int moved = privileged.call(() -> moveOpenTasks(entry, vacancy, successor.getId(), name));
    notifications.notifyUser(
        successor.getId(),
        new Notice(
            NotificationKind.SUCCESSOR_NAMED,
            "後任への指名：" + vacancy.role().label(),
            "「"
                + entry.serviceName()
                + "」（台帳番号 "
                + entry.id()
                + "、"
                + entry.departmentName()
                + "）の"
                + vacancy.role().label()
                + "に、"
                + vacancy.departedName()
                + "さんの後任として指名されました。"
                + (moved > 0 ? "\n引き継いだタスクが " + moved + " 件あります。タスク一覧で確認してください。" : ""),
            null,
            entry.serviceName(),
            null,
            Notice.TASKLIST,
            null));
    return moved;
  }

  private int moveOpenTasks(RegistryEntry entry, Vacancy vacancy, String successor, String name) {
    int moved = 0;
    List<Task> held =
        taskService
            .createTaskQuery()
            .processDefinitionKey(CaseProcesses.OPERATION)
            .processInstanceBusinessKey(entry.id())
            .taskAssignee(vacancy.departedUser())
            .list();
    for (Task task : held) {
      boolean groupTask =
          taskService.getIdentityLinksForTask(task.getId()).stream()
              .anyMatch(
                  link ->
                      IdentityLinkType.CANDIDATE.equals(link.getType())
                          && link.getGroupId() != null);
      if (groupTask) {
        taskService.setAssignee(task.getId(), null); // back to the group it was addressed to
      } else {
        taskService.setAssignee(task.getId(), successor);
        moved++;
      }
    }
    // the operation's display copies (issue 12: display only, the diagram reads the registry)
    for (ProcessInstance operation :
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseProcesses.OPERATION)
            .processInstanceBusinessKey(entry.id())
            .list()) {
      Var<String> holder =
          vacancy.role() == RegistryRole.SERVICE_MANAGER
              ? CaseVariables.SERVICE_MANAGER
              : CaseVariables.SERVICE_ADMINISTRATOR;
      Var<String> holderName =
          vacancy.role() == RegistryRole.SERVICE_MANAGER
              ? CaseVariables.SERVICE_MANAGER_NAME
              : CaseVariables.SERVICE_ADMINISTRATOR_NAME;
      if (runtimeService.getVariable(operation.getId(), holder.name()) != null) {
        runtimeService.setVariable(operation.getId(), holder.name(), successor);
      }
      if (runtimeService.getVariable(operation.getId(), holderName.name()) != null) {
        runtimeService.setVariable(operation.getId(), holderName.name(), name);
      }
    }
    return moved;
  }
}
