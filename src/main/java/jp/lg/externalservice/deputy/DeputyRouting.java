package jp.lg.externalservice.deputy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.notification.Notice;
import jp.lg.externalservice.notification.NotificationKind;
import jp.lg.externalservice.notification.Notifications;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.security.TaskAssignments;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import jp.lg.externalservice.system.Var;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * During a deputy's range the principal's tasks go to her (代理, issue 16): a task addressed to a
 * role group the principal belongs to gets the deputy as a candidate user (the engine then gives
 * her READ and TASK_WORK on it, {@code StaffAuthorizations}); a task assigned to the principal —
 * claimed from such a group, or her duty as 外部サービス管理者 ({@code serviceAdministrator} in the
 * operation diagram) — is assigned to the deputy. Never where four-eyes would refuse her ({@link
 * TaskAssignments}). New tasks at their creation; open tasks when a range becomes active; when it
 * ends, the deputy's candidate links on tasks nobody has claimed go, the tasks she claimed stay
 * hers. Every step looks at the current state first, so running it twice, or on two nodes, changes
 * nothing more ({@link DeputyScan}).
 */
@Component
public class DeputyRouting extends AbstractProcessEnginePlugin {

  /**
   * Task-local, written by the server: 「伊藤 美咲（高橋 健 の代理）」 on a card a deputy may work (a Tasklist
   * filter column, like {@code TaskListColumns}).
   */
  public static final Var<String> SHOWN = Var.string("taskDeputies");

  private final DeputyAssignments assignments;
  private final TaskAssignments taskAssignments;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final Notifications notifications;
  private final DepartmentDirectory directory;
  private final Privileged privileged;
  private final AuthorizationService authorizationService;

  DeputyRouting(
      @Lazy DeputyAssignments assignments,
      @Lazy TaskAssignments taskAssignments,
      @Lazy TaskService taskService,
      @Lazy RepositoryService repositoryService,
      @Lazy Notifications notifications,
      @Lazy DepartmentDirectory directory,
      @Lazy Privileged privileged,
      @Lazy AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
    this.assignments = assignments;
    this.taskAssignments = taskAssignments;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.notifications = notifications;
    this.directory = directory;
    this.privileged = privileged;
  }

  /**
   * After every other listener of the task (a post-parse listener): the names and mails of the task
   * are complete, and the mail to the group ({@code TaskNotifications}) has gone to its members
   * before the deputy is added — she gets her own mail, which says for whom.
   */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener listener = this::created;
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior())
                    .getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
              }
            });
  }

  void created(DelegateTask task) {
    List<DeputyAssignment> active = assignments.activeToday();
    if (active.isEmpty()) {
      return;
    }
    String assignee = task.getAssignee();
    Set<String> groups = roleGroups(task.getCandidates());
    if (assignee != null) {
      DeputyAssignment covering = coveringAssignee(active, assignee, groups, isDuty(task));
      if (covering != null && taskAssignments.problemTaking(task, covering.deputy()) == null) {
        task.setName(prefix(covering) + task.getName());
        task.setAssignee(covering.deputy()); // the assignment mail says 代理 through the name
      }
      return;
    }
    Map<String, DeputyAssignment> added = new LinkedHashMap<>();
    for (DeputyAssignment assignment : active) {
      if (!added.containsKey(assignment.deputy())
          && coversGroups(assignment, groups)
          && taskAssignments.problemTaking(task, assignment.deputy()) == null) {
        added.put(assignment.deputy(), assignment);
      }
    }
    if (added.isEmpty()) {
      return;
    }
    added.values().forEach(assignment -> task.addCandidateUser(assignment.deputy()));
    SHOWN.setLocal(task, shown(added.values()));
    String serviceName = CaseVariables.SERVICE_NAME.get(task);
    String caseNumber = CaseVariables.CASE_NUMBER.get(task);
    added
        .values()
        .forEach(
            assignment ->
                notifyDeputy(
                    assignment,
                    task.getId(),
                    task.getName(),
                    serviceName,
                    caseNumber,
                    task.getDueDate()));
  }

  /**
   * The assignment is active: the principal's open tasks go to the deputy as well. Returns how many
   * tasks came to her.
   */
  public int start(DeputyAssignment assignment) {
    return privileged.call(
        () -> {
          int moved = 0;
          Set<String> seen = new LinkedHashSet<>();
          for (String group : assignments.rolesOf(assignment.principal())) {
            for (Task task :
                taskService
                    .createTaskQuery()
                    .taskCandidateGroup(group)
                    .includeAssignedTasks()
                    .active()
                    .list()) {
              if (seen.add(task.getId())) {
                moved += route(assignment, task);
              }
            }
          }
          for (Task task :
              taskService.createTaskQuery().taskAssignee(assignment.principal()).active().list()) {
            if (seen.add(task.getId()) && isDuty(task)) {
              moved += reassign(assignment, task);
            }
          }
          return moved;
        });
  }

  private int route(DeputyAssignment assignment, Task task) {
    String deputy = assignment.deputy();
    if (assignment.principal().equals(task.getAssignee())) {
      return reassign(assignment, task);
    }
    if (task.getAssignee() != null) {
      return 0; // someone else works it already
    }
    List<IdentityLink> links = taskService.getIdentityLinksForTask(task.getId());
    if (isCandidateUser(links, deputy)
        || roleGroups(links).stream().anyMatch(group -> assignments.isMember(deputy, group))
        || taskAssignments.problemTaking(task.getId(), deputy) != null) {
      return 0;
    }
    taskService.addCandidateUser(task.getId(), deputy);
    refreshShown(task.getId());
    notifyDeputy(
        assignment,
        task.getId(),
        task.getName(),
        (String) taskService.getVariable(task.getId(), CaseVariables.SERVICE_NAME.name()),
        (String) taskService.getVariable(task.getId(), CaseVariables.CASE_NUMBER.name()),
        task.getDueDate());
    return 1;
  }

  private int reassign(DeputyAssignment assignment, Task task) {
    if (taskAssignments.problemTaking(task.getId(), assignment.deputy()) != null) {
      return 0;
    }
    task.setName(prefix(assignment) + task.getName());
    task.setAssignee(assignment.deputy());
    taskService.saveTask(task); // the assignment mail (TaskNotifications) carries the new name
    return 1;
  }

  /**
   * Ends the candidate links of {@code deputy} that no active assignment justifies any more (its
   * range ended or it was revoked) on tasks nobody has claimed; a task she claimed stays hers.
   * Returns how many links ended.
   */
  public int end(String deputy) {
    return privileged.call(
        () -> {
          List<DeputyAssignment> active =
              assignments.activeToday().stream()
                  .filter(assignment -> assignment.deputy().equals(deputy))
                  .toList();
          int ended = 0;
          for (Task task :
              taskService.createTaskQuery().taskCandidateUser(deputy).active().list()) {
            List<IdentityLink> links = taskService.getIdentityLinksForTask(task.getId());
            if (!isCandidateUser(links, deputy)) {
              continue; // she sees it through a group of her own
            }
            Set<String> groups = roleGroups(links);
            if (active.stream().noneMatch(assignment -> coversGroups(assignment, groups))) {
              taskService.deleteCandidateUser(task.getId(), deputy);
              // the engine keeps the grants it gave with the link (its provider deletes none): the
              // task's and, with historic instance permissions, the historic task's (its history
              // and
              // variables); without the link she must not read or work the task any more
              for (Resources resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
                authorizationService
                    .createAuthorizationQuery()
                    .resourceType(resource)
                    .resourceId(task.getId())
                    .userIdIn(deputy)
                    .list()
                    .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
              }
              refreshShown(task.getId());
              ended++;
            }
          }
          return ended;
        });
  }

  /** The assignment whose deputy takes over a task assigned to {@code assignee}, or null. */
  private DeputyAssignment coveringAssignee(
      List<DeputyAssignment> active, String assignee, Set<String> groups, boolean duty) {
    for (DeputyAssignment assignment : active) {
      if (assignment.principal().equals(assignee)
          && (duty || groups.stream().anyMatch(group -> assignments.isMember(assignee, group)))) {
        return assignment;
      }
    }
    return null;
  }

  /** The principal is a member of one of the groups, the deputy of none (she needs no link). */
  private boolean coversGroups(DeputyAssignment assignment, Set<String> groups) {
    return groups.stream().anyMatch(group -> assignments.isMember(assignment.principal(), group))
        && groups.stream().noneMatch(group -> assignments.isMember(assignment.deputy(), group));
  }

  private void refreshShown(String taskId) {
    List<IdentityLink> links = taskService.getIdentityLinksForTask(taskId);
    Set<String> groups = roleGroups(links);
    List<DeputyAssignment> shown = new ArrayList<>();
    for (DeputyAssignment assignment : assignments.activeToday()) {
      if (isCandidateUser(links, assignment.deputy())
          && coversGroups(assignment, groups)
          && shown.stream().noneMatch(other -> other.deputy().equals(assignment.deputy()))) {
        shown.add(assignment);
      }
    }
    if (shown.isEmpty()) {
      taskService.removeVariableLocal(taskId, SHOWN.name());
    } else {
      taskService.setVariableLocal(taskId, SHOWN.name(), shown(shown));
    }
  }

  private String shown(Collection<DeputyAssignment> shown) {
    return shown.stream()
        .map(
            assignment ->
                directory.displayName(assignment.deputy())
                    + "（"
                    + directory.displayName(assignment.principal())
                    + " の代理）")
        .collect(Collectors.joining("、"));
  }

  /** 「【代理：高橋 健 さん】」 */
  String prefix(DeputyAssignment assignment) {
    return "【代理：" + directory.displayName(assignment.principal()) + " さん】";
  }

  private void notifyDeputy(
      DeputyAssignment assignment,
      String taskId,
      String taskName,
      String serviceName,
      String caseNumber,
      java.util.Date due) {
    String principal = directory.displayName(assignment.principal());
    String step = taskName == null ? "タスク" : taskName;
    notifications.notifyUser(
        assignment.deputy(),
        new Notice(
            NotificationKind.GROUP_TASK,
            prefix(assignment) + "新しいタスク：" + step,
            principal
                + " さんの代理として（代理の期間："
                + JapanClock.japanese(assignment.startsOn())
                + "〜"
                + JapanClock.japanese(assignment.endsOn())
                + "）、「"
                + step
                + "」があなたに届きました。\nタスク一覧で引き受けて、期限までに処理してください。",
            caseNumber,
            serviceName,
            due == null ? null : due.toInstant(),
            Notice.taskLink(taskId),
            // one mail per task and assignment, however often and on however many nodes it is
            // routed
            "deputy:" + assignment.id() + ":" + taskId));
  }

  /** A duty of the 外部サービス管理者 as a person (the operation diagram assigns it to her). */
  private static boolean isDuty(DelegateTask task) {
    Expression assignee = ((TaskEntity) task).getTaskDefinition().getAssigneeExpression();
    return assignee != null && assignee.getExpressionText().contains("serviceAdministrator");
  }

  private boolean isDuty(Task task) {
    UserTask element =
        repositoryService
            .getBpmnModelInstance(task.getProcessDefinitionId())
            .getModelElementById(task.getTaskDefinitionKey());
    return element != null
        && element.getCamundaAssignee() != null
        && element.getCamundaAssignee().contains("serviceAdministrator");
  }

  private static boolean isCandidateUser(Collection<? extends IdentityLink> links, String userId) {
    return links.stream()
        .anyMatch(
            link ->
                IdentityLinkType.CANDIDATE.equals(link.getType())
                    && userId.equals(link.getUserId()));
  }

  private static Set<String> roleGroups(Collection<? extends IdentityLink> links) {
    return links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(DeputyAssignments::isRole)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
