package jp.lg.externalservice.caselist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecordRepository;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.caserecord.RecordedAct;
import jp.lg.externalservice.certification.CertificationClaim;
import jp.lg.externalservice.certification.CertificationClaims;
import jp.lg.externalservice.deputy.DeputyRouting;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.security.StandIns;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * 申請一覧: the applications a signed-in staff member may see, with where each stands. Who may see what
 * follows the case record, never a variable: her own applications (applicant), a 所属長 his
 * department's, 情報政策課 and administrators all. The engine is read as the system after that decision
 * (staff have no READ on the review's instances or the history), so nothing else leaks.
 */
@Service
public class CaseList {

  private static final ObjectMapper ANSWERS = new ObjectMapper();

  /** Rows per answer: the newest first. */
  static final int LIMIT = 200;

  /**
   * Records read for {@link #LIMIT} rows: terminations have case records too (one per ended service
   * at most), and are left out after reading.
   */
  private static final int CANDIDATES = 2 * LIMIT;

  private static final Set<String> SEE_ALL =
      Set.of(StaffGroups.POLICY_REVIEWER, StaffGroups.POLICY_HEAD, "camunda-admin");

  private final CaseRecordRepository records;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final RegistryService registry;
  private final DepartmentDirectory directory;
  private final Privileged privileged;

  private final CertificationClaims certifications;
  private final WithdrawalRule withdrawalRule;
  private final StandIns standIns;

  CaseList(
      CaseRecordRepository records,
      HistoryService historyService,
      RuntimeService runtimeService,
      TaskService taskService,
      IdentityService identityService,
      RegistryService registry,
      DepartmentDirectory directory,
      Privileged privileged,
      CertificationClaims certifications,
      WithdrawalRule withdrawalRule,
      StandIns standIns) {
    this.standIns = standIns;
    this.records = records;
    this.withdrawalRule = withdrawalRule;
    this.certifications = certifications;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.registry = registry;
    this.directory = directory;
    this.privileged = privileged;
  }

  /** The caller's scope, from the engine's current authentication (set by the API filters). */
  CaseListScope scope() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new IllegalStateException("no signed-in user");
    }
    String userId = authentication.getUserId();
    List<String> groups =
        authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (groups.stream().anyMatch(SEE_ALL::contains)) {
      return new CaseListScope(userId, null, true);
    }
    Optional<Department> department = directory.departmentOf(userId);
    if (department.isPresent() && groups.contains(department.get().unitHeadGroupId())) {
      return new CaseListScope(userId, department.get().code(), false);
    }
    return CaseListScope.own(userId);
  }

  /** The applications the caller may see, newest first. */
  public List<ApplicationSummary> visible() {
    CaseListScope scope = scope();
    List<CaseRecord> candidates =
        scope.all()
            ? records.list(null, null, CANDIDATES)
            : records.list(scope.userId(), scope.departmentCode(), CANDIDATES);
    List<ApplicationSummary> rows = privileged.call(() -> summarise(candidates, scope.userId()));
    return rows.size() > LIMIT ? rows.subList(0, LIMIT) : rows;
  }

  /** One application by its case number, if the caller may see it. */
  public Optional<CaseRecord> visibleRecord(String caseNumber) {
    CaseListScope scope = scope();
    return records
        .findByNumber(caseNumber)
        .filter(
            record ->
                scope.all()
                    || record.applicant().userId().equals(scope.userId())
                    || record.department().code().equals(scope.departmentCode()))
        .filter(this::isApplication);
  }

  /**
   * A termination has a case record and a case number too, but it is no application: its number
   * answers as an unknown one (it used to fail with a 500).
   */
  private boolean isApplication(CaseRecord record) {
    return privileged.call(
        () ->
            historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(record.caseId())
                    .processDefinitionKey(CaseProcesses.APPLICATION)
                    .count()
                > 0);
  }

  /** The summary of one visible record. */
  public ApplicationSummary summary(CaseRecord record) {
    String userId = identityService.getCurrentAuthentication().getUserId();
    return privileged.call(() -> summarise(List.of(record), userId)).stream()
        .findFirst()
        .orElseThrow();
  }

  private List<ApplicationSummary> summarise(List<CaseRecord> candidates, String userId) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    Map<String, HistoricProcessInstance> instances =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceIds(
                candidates.stream().map(CaseRecord::caseId).collect(Collectors.toSet()))
            .processDefinitionKey(CaseProcesses.APPLICATION)
            .list()
            .stream()
            .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    List<CaseRecord> applications =
        candidates.stream().filter(record -> instances.containsKey(record.caseId())).toList();
    Map<String, List<Task>> openTasks = openTasks(applications, instances);
    Map<String, Map<String, Object>> endings = endings(applications, instances);
    Authentication caller = identityService.getCurrentAuthentication();
    Set<String> callerGroups =
        caller == null || caller.getGroupIds() == null
            ? Set.of()
            : new HashSet<>(caller.getGroupIds());
    List<ApplicationSummary> rows = new ArrayList<>();
    for (CaseRecord record : applications) {
      HistoricProcessInstance instance = instances.get(record.caseId());
      List<Task> tasks = openTasks.getOrDefault(record.caseId(), List.of());
      Map<String, Object> ending = endings.getOrDefault(record.caseId(), Map.of());
      CaseStatus status = afterApproval(status(record, instance, tasks), record);
      Task current =
          tasks.stream().min(java.util.Comparator.comparing(Task::getCreateTime)).orElse(null);
      boolean mine = record.applicant().userId().equals(userId);
      Withdrawal withdrawal =
          status == CaseStatus.WITHDRAWN ? withdrawal(record, ending) : Withdrawal.NONE;
      boolean canWithdraw =
          WithdrawalRule.beforeTheDecision(status)
              && (mine || callerGroups.contains(record.department().unitHeadGroupId()))
              && !withdrawalRule.decided(record);
      rows.add(
          new ApplicationSummary(
              record.caseNumber(),
              record.serviceName(),
              status,
              status.label(),
              current == null ? null : stepName(current, record),
              current == null ? null : holder(current),
              current == null || current.getDueDate() == null
                  ? null
                  : current.getDueDate().toInstant(),
              instance.getEndTime() == null ? null : status.label(),
              instance.getEndTime() == null
                  ? null
                  : status == CaseStatus.WITHDRAWN ? withdrawal.reason() : reason(status, ending),
              record.registryEntryId(),
              record.applicant().name(),
              record.department().name(),
              record.classification() == null || record.classification().route() == null
                  ? null
                  : record.classification().route().label(),
              record.createdAt(),
              mine,
              withdrawal.by(),
              canWithdraw,
              mine && status == CaseStatus.WITHDRAWN));
    }
    return rows;
  }

  /** Who withdrew a withdrawn case, and why. */
  private record Withdrawal(String by, String reason) {
    static final Withdrawal NONE = new Withdrawal(null, null);
  }

  /**
   * The withdrawal's act (issue 16: the reason is its answer) or, at the preparation, the act of
   * the task and its note; nothing for an instance ended otherwise (deleted by an administrator).
   */
  private Withdrawal withdrawal(CaseRecord record, Map<String, Object> ending) {
    List<RecordedAct> acts = records.recordedActs(record.caseId());
    for (int i = acts.size() - 1; i >= 0; i--) {
      RecordedAct recorded = acts.get(i);
      if (recorded.act().result() != ActResult.WITHDRAWN) {
        continue;
      }
      String reason = answer(recorded, ApplicationProcess.Variables.WITHDRAWAL_REASON.name());
      if (reason == null) {
        reason = reason(CaseStatus.WITHDRAWN, ending);
      }
      return new Withdrawal(recorded.act().actor().name(), reason);
    }
    return new Withdrawal(null, reason(CaseStatus.WITHDRAWN, ending));
  }

  private static String answer(RecordedAct act, String field) {
    if (act.answersJson() == null) {
      return null;
    }
    try {
      JsonNode value = ANSWERS.readTree(act.answersJson()).get(field);
      return value != null && value.isTextual() && !value.asText().isBlank()
          ? value.asText()
          : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static CaseStatus status(
      CaseRecord record, HistoricProcessInstance instance, List<Task> tasks) {
    if (instance.getEndTime() == null) {
      Set<String> steps =
          tasks.stream().map(Task::getTaskDefinitionKey).collect(Collectors.toSet());
      if (steps.contains(ApplicationProcess.Element.FILL_IN_APPLICATION)) {
        return CaseStatus.DRAFT;
      }
      if (steps.contains(ApplicationProcess.Element.CORRECT_APPLICATION)) {
        return CaseStatus.RETURNED;
      }
      return CaseStatus.IN_PROGRESS;
    }
    String end = Objects.requireNonNullElse(instance.getEndActivityId(), "");
    return switch (end) {
      case ApplicationProcess.Element.END_APPROVED, ApplicationProcess.Element.END_SNS_REGISTERED ->
          CaseStatus.APPROVED;
      case ApplicationProcess.Element.END_REJECTED, ApplicationProcess.Element.END_SNS_REJECTED ->
          CaseStatus.REJECTED;
      case ApplicationProcess.Element.END_NO_APPLICATION -> CaseStatus.NOT_REQUIRED;
      case ApplicationProcess.Element.END_FORBIDDEN -> CaseStatus.FORBIDDEN;
      // withdrawn at the preparation (END_WITHDRAWN), on request before the decision
      // (END_WITHDRAWN_ON_REQUEST, issue 16), or cancelled
      default -> CaseStatus.WITHDRAWN;
    };
  }

  /** An approved application whose service is no longer in use has ended. */
  private CaseStatus afterApproval(CaseStatus status, CaseRecord record) {
    if (status != CaseStatus.APPROVED || record.registryEntryId() == null) {
      return status;
    }
    RegistryStatus entry =
        registry.find(record.registryEntryId()).map(RegistryEntry::status).orElse(null);
    return entry == RegistryStatus.TERMINATED || entry == RegistryStatus.RENEWED
        ? CaseStatus.TERMINATED
        : status;
  }

  private static String reason(CaseStatus status, Map<String, Object> ending) {
    Object reason =
        switch (status) {
          case REJECTED -> ending.get(CaseVariables.DECISION_REASON.name());
          case NOT_REQUIRED, FORBIDDEN -> ending.get(CaseVariables.CLASSIFICATION_SUMMARY.name());
          case WITHDRAWN -> ending.get(ApplicationProcess.Variables.PREPARATION_NOTE.name());
          default -> null;
        };
    return reason instanceof String text && !text.isBlank() ? text : null;
  }

  /** The open tasks of each running case, its called review or SNS registration included. */
  private Map<String, List<Task>> openTasks(
      List<CaseRecord> applications, Map<String, HistoricProcessInstance> instances) {
    Map<String, String> caseOfNumber = new HashMap<>();
    for (CaseRecord record : applications) {
      if (instances.get(record.caseId()).getEndTime() == null && record.caseNumber() != null) {
        caseOfNumber.put(record.caseNumber(), record.caseId());
      }
    }
    if (caseOfNumber.isEmpty()) {
      return Map.of();
    }
    // the review and the SNS registration carry the application's business key (its case number)
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKeyIn(caseOfNumber.keySet().toArray(String[]::new))
            .active()
            .list();
    Set<String> instanceIds =
        tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> rootOf = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      for (ProcessInstance instance :
          runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
        rootOf.put(instance.getId(), instance.getRootProcessInstanceId());
      }
    }
    Set<String> cases = new HashSet<>(caseOfNumber.values());
    Map<String, List<Task>> byCase = new HashMap<>();
    for (Task task : tasks) {
      String root = rootOf.get(task.getProcessInstanceId());
      if (root != null && cases.contains(root)) {
        byCase.computeIfAbsent(root, id -> new ArrayList<>()).add(task);
      }
    }
    return byCase;
  }

  /** The variables that say why an ended case ended. */
  private Map<String, Map<String, Object>> endings(
      List<CaseRecord> applications, Map<String, HistoricProcessInstance> instances) {
    String[] ended =
        applications.stream()
            .map(CaseRecord::caseId)
            .filter(id -> instances.get(id).getEndTime() != null)
            .toArray(String[]::new);
    if (ended.length == 0) {
      return Map.of();
    }
    Map<String, Map<String, Object>> endings = new HashMap<>();
    for (HistoricVariableInstance variable :
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(ended)
            .variableNameIn(
                CaseVariables.DECISION_REASON.name(),
                CaseVariables.CLASSIFICATION_SUMMARY.name(),
                ApplicationProcess.Variables.PREPARATION_NOTE.name())
            .list()) {
      if (variable.getValue() != null) {
        endings
            .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    return endings;
  }

  /** The task's name without the service name that Tasklist shows in front of it. */
  private static String stepName(Task task, CaseRecord record) {
    String name = task.getName();
    String prefix = record.serviceName() + "：";
    return name != null && record.serviceName() != null && name.startsWith(prefix)
        ? name.substring(prefix.length())
        : name;
  }

  /**
   * The assignee's name, or the groups the task is offered to; with 代理 (issue 16) for whom a deputy
   * holds it: 「伊藤 美咲（高橋 健 の代理）」.
   */
  private String holder(Task task) {
    Set<String> groupIds = new LinkedHashSet<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groupIds.add(link.getGroupId());
      }
    }
    if (task.getAssignee() != null) {
      String name = directory.displayName(task.getAssignee());
      return groupIds.stream()
          .map(group -> standIns.standingInFor(task.getAssignee(), group))
          .flatMap(Optional::stream)
          .findFirst()
          .map(principal -> name + "（" + directory.displayName(principal) + " の代理）")
          .orElse(name);
    }
    if (groupIds.isEmpty()) {
      return null;
    }
    String groups =
        identityService
            .createGroupQuery()
            .groupIdIn(groupIds.toArray(String[]::new))
            .list()
            .stream()
            .map(Group::getName)
            .collect(Collectors.joining("・"));
    Object deputies = taskService.getVariableLocal(task.getId(), DeputyRouting.SHOWN.name());
    return deputies == null ? groups : groups + "・" + deputies;
  }

  /** The printable record of one visible application. */
  public ApplicationRecord record(CaseRecord record) {
    ApplicationSummary summary = summary(record);
    return privileged.call(
        () -> new ApplicationRecord(summary, applicationLines(record, summary), history(record)));
  }

  private List<ApplicationRecord.Line> applicationLines(
      CaseRecord record, ApplicationSummary summary) {
    Map<String, Object> answers = new HashMap<>();
    for (HistoricVariableInstance variable :
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(record.caseId())
            .list()) {
      if (variable.getValue() != null) {
        answers.put(variable.getName(), variable.getValue());
      }
    }
    List<ApplicationRecord.Line> lines = new ArrayList<>();
    line(lines, "受付番号", record.caseNumber());
    line(lines, "状態", summary.statusLabel());
    line(lines, "申請者", record.applicant().name());
    line(lines, "所属", record.department().name());
    line(lines, "提供サービス名", record.serviceName());
    line(lines, "提供会社名", answers.get("providerName"));
    line(lines, "サービス内容", answers.get("serviceDescription"));
    line(lines, "外部サービスの種類", answers.get("serviceKindLabel"));
    line(lines, "サービスの分類", answers.get("serviceCategoryLabel"));
    Object paid = answers.get("paid");
    line(lines, "有料・無料", paid == null ? null : Boolean.TRUE.equals(paid) ? "有料" : "無料");
    line(lines, "申請不要の区分", answers.get("exemptionLabel"));
    line(lines, "利用目的", answers.get("purpose"));
    line(lines, "利用する業務の範囲", answers.get("businessScope"));
    line(lines, "取り扱う情報", answers.get("informationTypeLabels"));
    line(lines, "利用する端末のネットワーク", answers.get("connectionZoneLabels"));
    line(lines, "利用者", answers.get("users"));
    line(lines, "利用者の合計人数", answers.get("userCount"));
    Object start = answers.get("periodStart");
    Object end = answers.get("periodEnd");
    line(
        lines,
        "利用期間",
        start == null && end == null
            ? null
            : JapaneseDates.date(start) + " 〜 " + JapaneseDates.date(end));
    line(lines, "サービス管理担当者", answers.get("serviceManagerName"));
    line(lines, "第三者認証", certifications(record.caseId()));
    line(lines, "申請の種類", summary.routeLabel());
    line(lines, "判定", answers.get("classificationSummary"));
    line(lines, "結果", summary.outcome());
    line(lines, "結果の理由", summary.outcomeReason());
    if (summary.withdrawnBy() != null) {
      line(lines, "取り下げた人", summary.withdrawnBy());
    }
    return lines;
  }

  /** The certifications claimed at filing (001 8.2(2)), as recorded on the server. */
  private String certifications(String caseId) {
    List<String> held = new ArrayList<>();
    for (CertificationClaim claim : certifications.of(caseId)) {
      held.add(
          claim.certification().label()
              + "（"
              + claim.certification().numberLabel()
              + " "
              + claim.registrationNumber()
              + "、"
              + JapanClock.japanese(claim.validUntil())
              + "まで）");
    }
    return held.isEmpty() ? "なし" : String.join("、", held);
  }

  private static void line(List<ApplicationRecord.Line> lines, String label, Object value) {
    String text = value == null ? "" : String.valueOf(value).strip();
    lines.add(new ApplicationRecord.Line(label, text.isEmpty() ? "—" : text));
  }

  private List<ApplicationRecord.Step> history(CaseRecord record) {
    Map<String, String> names = new HashMap<>();
    List<ApplicationRecord.Step> steps = new ArrayList<>();
    for (var act : records.acts(record.caseId())) {
      String name =
          names.computeIfAbsent(
              act.processInstanceId() + "/" + act.step(),
              key ->
                  historyService
                      .createHistoricActivityInstanceQuery()
                      .processInstanceId(act.processInstanceId())
                      .activityId(act.step())
                      .list()
                      .stream()
                      .map(activity -> activity.getActivityName())
                      .filter(Objects::nonNull)
                      .findFirst()
                      .orElse("—"));
      steps.add(
          new ApplicationRecord.Step(
              name, act.actorShown(), ActResults.label(act.result()), act.actedAt()));
    }
    return steps;
  }
}
