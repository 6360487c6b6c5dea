package jp.lg.externalservice.notification;

import java.util.HashSet;
import java.util.Set;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.system.EveryUserTask;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A mail for every task someone must do (issue 15, part 1), without a line in the diagrams: a task
 * for a person goes to its assignee — when the diagram assigns it and whenever it is assigned to
 * someone else later (a claim by oneself sends nothing: the person who caused it is never told) —
 * and a task for a group to each member but the person who caused it. The kind follows the flow: a
 * duty of the operation ({@code external-service-operation}), a step of the termination, an
 * escalation of an overdue step (its task carries {@code overdueStep}), else a plain task. A person
 * just told of a return, rejection or approval in the same transaction ({@link CaseNotices}) is not
 * mailed again for the task that follows from it.
 */
@Component
public class TaskNotifications extends AbstractProcessEnginePlugin {

  private final Notifications notifications;
  private final IdentityService identityService;
  private final Privileged privileged;

  TaskNotifications(
      @Lazy Notifications notifications,
      @Lazy IdentityService identityService,
      @Lazy Privileged privileged) {
    this.notifications = notifications;
    this.identityService = identityService;
    this.privileged = privileged;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // "create" fires before the "assignment" of a task the diagram assigns: the group's mail on
    // create, the person's on assignment
    EveryUserTask.on(configuration, TaskListener.EVENTNAME_CREATE, this::created);
    EveryUserTask.on(configuration, TaskListener.EVENTNAME_ASSIGNMENT, this::assigned);
  }

  void created(DelegateTask task) {
    if (task.getAssignee() != null) {
      return;
    }
    String causedBy = notifications.currentUser();
    Set<String> told = new HashSet<>();
    for (IdentityLink candidate : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(candidate.getType())) {
        continue;
      }
      if (candidate.getGroupId() != null) {
        notifications.notifyGroup(
            candidate.getGroupId(),
            causedBy,
            notice(task, groupName(candidate.getGroupId())),
            told);
      } else if (candidate.getUserId() != null && told.add(candidate.getUserId())) {
        notifications.notifyUser(candidate.getUserId(), causedBy, notice(task, null));
      }
    }
  }

  void assigned(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    Notice notice = notice(task, null);
    if (notice.caseNumber() != null
        && notifications.toldInThisTransaction(assignee, notice.caseNumber())) {
      return;
    }
    notifications.notifyUser(assignee, notifications.currentUser(), notice);
  }

  /** {@code groupName}: the group the task came to, null for a task assigned to a person. */
  private Notice notice(DelegateTask task, String groupName) {
    String serviceName = CaseVariables.SERVICE_NAME.get(task);
    String step = plainName(task.getName(), serviceName);
    String overdueStep = CaseVariables.OVERDUE_STEP.get(task);
    String process = processKey(task);
    String to = groupName == null ? "あなた" : "「" + groupName + "」";
    NotificationKind kind;
    String subject;
    String text;
    if (overdueStep != null) {
      kind = NotificationKind.OVERDUE;
      subject = "期限を過ぎた手順があります：" + overdueStep;
      text =
          "「"
              + overdueStep
              + "」が期限を過ぎています。\nタスク一覧の「"
              + step
              + "」で状況を確認し、担当者に対応を求めてください（元のタスクは開いたままです）。";
    } else if (CaseProcesses.OPERATION.equals(process)) {
      kind = NotificationKind.OPERATION_DUTY;
      subject = "運用の定期業務：" + step;
      text = "運用の定期業務「" + step + "」が" + to + "に届きました。\nタスク一覧で内容を確認し、期限までに記録してください。";
    } else if (CaseProcesses.TERMINATION.equals(process)) {
      kind = NotificationKind.TERMINATION;
      subject = "利用終了の手続：" + step;
      text = "利用終了の手続「" + step + "」が" + to + "に届きました。\nタスク一覧で内容を確認し、期限までに処理してください。";
    } else if (groupName != null) {
      kind = NotificationKind.GROUP_TASK;
      subject = "新しいタスク：" + step;
      text = "「" + step + "」が" + to + "に届きました。\nタスク一覧で引き受けて、期限までに処理してください。";
    } else {
      kind = NotificationKind.TASK_ASSIGNED;
      subject = "新しいタスク：" + step;
      text = "「" + step + "」があなたに割り当てられました。\nタスク一覧で内容を確認し、期限までに処理してください。";
    }
    String caseNumber = CaseVariables.CASE_NUMBER.get(task);
    return new Notice(
        kind,
        subject,
        text,
        caseNumber,
        serviceName,
        task.getDueDate() == null ? null : task.getDueDate().toInstant(),
        Notice.taskLink(task.getId()),
        null);
  }

  /** The step without the service name {@code TaskTitles} puts in front. */
  static String plainName(String name, String serviceName) {
    if (name == null) {
      return "タスク";
    }
    return serviceName != null && name.startsWith(serviceName + "：")
        ? name.substring(serviceName.length() + 1)
        : name;
  }

  /**
   * The key of the task's process: the id of the diagram's process element (a definition id is
   * {@code key:version:id} only up to 64 characters, a bare id beyond).
   */
  private static String processKey(DelegateTask task) {
    ModelElementInstance element = task.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    return element == null ? null : ((Process) element).getId();
  }

  private String groupName(String groupId) {
    Group group =
        privileged.call(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null ? groupId : group.getName();
  }
}
