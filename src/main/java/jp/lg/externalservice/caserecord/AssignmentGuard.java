package jp.lg.externalservice.caserecord;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.StandIns;
import jp.lg.externalservice.security.TaskAssignments;
import jp.lg.externalservice.system.EveryUserTask;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A task addressed to a group (a double check, a review, a decision …) is only ever assigned to a
 * member of that group, and never to someone the four-eyes rule excludes: the applicant, or the
 * applicant's 所属長 (ruling R-15) — unless the task is addressed to the 所属長 group itself (an
 * escalation). It holds for every way a task gets an assignee — claim, assignment, delegation,
 * Tasklist, REST, administrators — because it is an engine listener on the assignment of every user
 * task. Tasks the diagram assigns to a person ({@code camunda:assignee}) are left alone.
 *
 * <p>A deputy (代理, issue 16) who stands in today for a member of the task's groups may take it as
 * that member could; and four-eyes follows her principals: nobody who stands in for the applicant,
 * or for the applicant's 所属長 (except on a task for the 所属長 group), takes the task.
 */
@Component
public class AssignmentGuard extends AbstractProcessEnginePlugin
    implements TaskListener, TaskAssignments {

  private final IdentityService identityService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final CaseRecords caseRecords;
  private final RegistryService registry;
  private final Privileged privileged;
  private final StandIns standIns;

  public AssignmentGuard(
      @Lazy IdentityService identityService,
      @Lazy TaskService taskService,
      @Lazy RuntimeService runtimeService,
      @Lazy CaseRecords caseRecords,
      @Lazy RegistryService registry,
      @Lazy Privileged privileged,
      @Lazy StandIns standIns) {
    this.standIns = standIns;
    this.registry = registry;
    this.identityService = identityService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.caseRecords = caseRecords;
    this.privileged = privileged;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.on(configuration, TaskListener.EVENTNAME_ASSIGNMENT, this);
  }

  @Override
  public void notify(DelegateTask task) {
    FieldError problem =
        problem(
            task.getAssignee(),
            candidateGroups(task.getCandidates()),
            parties(
                CaseRecords.caseIdOf(task.getExecution()),
                task.getExecution().getProcessBusinessKey()));
    if (problem != null) {
      throw new InputValidationException(List.of(problem));
    }
  }

  /** Why {@code userId} may not take the task being created or assigned (null if she may). */
  @Override
  public FieldError problemTaking(DelegateTask task, String userId) {
    return problem(
        userId,
        candidateGroups(task.getCandidates()),
        parties(
            CaseRecords.caseIdOf(task.getExecution()),
            task.getExecution().getProcessBusinessKey()));
  }

  /**
   * Why {@code userId} may not take the task (null if they may), asked before a claim so that
   * Tasklist shows the reason rather than the engine's wrapped listener error.
   */
  @Override
  public FieldError problemTaking(String taskId, String userId) {
    return privileged.call(
        () -> {
          Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
          if (task == null) {
            return null; // the engine answers for a task that does not exist
          }
          ProcessInstance instance =
              runtimeService
                  .createProcessInstanceQuery()
                  .processInstanceId(task.getProcessInstanceId())
                  .singleResult();
          return problem(
              userId,
              candidateGroups(taskService.getIdentityLinksForTask(taskId)),
              parties(instance.getRootProcessInstanceId(), instance.getBusinessKey()));
        });
  }

  /**
   * Why {@code caller} may not hand the task to {@code target} (null if they may): only a task
   * addressed to groups, only by someone who may take it themselves, only to someone who may take
   * it.
   */
  @Override
  public FieldError problemHandingOver(String taskId, String caller, String target) {
    boolean addressedToGroups =
        privileged.call(
            () -> !candidateGroups(taskService.getIdentityLinksForTask(taskId)).isEmpty());
    if (!addressedToGroups) {
      return refusal(
          "担当者が決まっているタスクは他の人に割り当てられません", "a task addressed to one person cannot be handed over");
    }
    FieldError callerProblem = problemTaking(taskId, caller);
    if (callerProblem != null) {
      return refusal(
          "このタスクを担当できる職員だけが割り当てを変えられます", "only someone who may take the task may hand it over");
    }
    return target == null ? null : problemTaking(taskId, target);
  }

  /**
   * Whom four-eyes keeps away from a case's group tasks, from what the server wrote: the applicant
   * and her department (case record), or, in operation (business key = registry entry), the service
   * manager and the entry's department.
   */
  record Parties(String excluded, String departmentCode, boolean inOperation) {
    static final Parties NONE = new Parties(null, null, false);
  }

  private Parties parties(String caseId, String businessKey) {
    Optional<CaseRecord> record = caseRecords.find(caseId);
    if (record.isPresent()) {
      return new Parties(
          record.get().applicant().userId(), record.get().department().code(), false);
    }
    return (businessKey == null ? Optional.<RegistryEntry>empty() : registry.find(businessKey))
        .map(entry -> new Parties(entry.serviceManager(), entry.departmentCode(), true))
        .orElse(Parties.NONE);
  }

  private FieldError problem(String assignee, Set<String> groups, Parties parties) {
    if (assignee == null || groups.isEmpty()) {
      return null;
    }
    String applicant = parties.excluded();
    String departmentCode = parties.departmentCode();
    Set<String> principals = standIns.principalsOf(assignee);
    if (groups.stream().noneMatch(group -> isMember(assignee, group))
        && groups.stream()
            .noneMatch(
                group -> principals.stream().anyMatch(principal -> isMember(principal, group)))) {
      return refusal(
          "このタスクの担当グループに属していない職員には割り当てられません",
          "the task can only be assigned to a member of its candidate group " + groups);
    }
    if (assignee.equals(applicant)) {
      return parties.inOperation()
          ? refusal(
              "サービス管理担当者本人には割り当てられません（ruling R-15）",
              "the task cannot be assigned to the service's manager (ruling R-15)")
          : refusal(
              "申請者本人には割り当てられません（ruling R-15）",
              "the task cannot be assigned to the applicant (ruling R-15)");
    }
    if (applicant != null && principals.contains(applicant)) {
      return refusal(
          "申請者本人の代理者には割り当てられません（ruling R-15）",
          "the task cannot be assigned to a deputy of the applicant (ruling R-15)");
    }
    if (departmentCode != null) {
      String unitHeads = new Department(departmentCode, null).unitHeadGroupId();
      if (!groups.contains(unitHeads) && isMember(assignee, unitHeads)) {
        return refusal(
            "申請者の所属長には割り当てられません（ruling R-15）",
            "the task cannot be assigned to the applicant's unit head (ruling R-15)");
      }
      if (!groups.contains(unitHeads)
          && principals.stream().anyMatch(principal -> isMember(principal, unitHeads))) {
        return refusal(
            "申請者の所属長の代理者には割り当てられません（ruling R-15）",
            "the task cannot be assigned to a deputy of the applicant's unit head (ruling R-15)");
      }
    }
    return null;
  }

  private static Set<String> candidateGroups(Collection<IdentityLink> links) {
    return links.stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .collect(Collectors.toSet());
  }

  private boolean isMember(String userId, String groupId) {
    return privileged.call(
            () -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count())
        > 0;
  }

  private static FieldError refusal(String message, String messageEn) {
    return new FieldError("assignee", message, messageEn);
  }
}
