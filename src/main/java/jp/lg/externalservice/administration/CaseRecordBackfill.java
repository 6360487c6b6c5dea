package jp.lg.externalservice.administration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.Actor;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseClassification;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecordRepository;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.sns.SnsProcess;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.JsonInput;
import jp.lg.externalservice.system.Privileged;
import jp.lg.externalservice.termination.TerminationProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Gives the cases that were running when the case record was introduced (migration V2) their
 * record, so their next task or gateway does not fail with "案件記録がありません". Runs at start-up, once the
 * engine is built and before the web server takes requests (like {@code ResourceDeployer});
 * idempotent: a case with a record is left alone.
 *
 * <p>For every running root instance of the application and the termination without a record, the
 * record is rebuilt from what the previous version left: the facts from the process variables as
 * the server wrote them at the step that wrote them (the historic variable updates of that activity
 * instance, so a later rewrite through the engine API does not count), and one act per completed
 * task that records an act today — who completed it from the user operation log (the signed-in user
 * of the completion, as {@link CaseRecords#act} takes it; else the task's assignee), when from the
 * task's end, the result from the decision variable its form wrote. The applicant is the user who
 * started the instance, as at submission today. Rows written here are marked ({@code
 * backfilled_at}, {@code backfilled}, V3). A case that cannot be rebuilt is logged and left as it
 * was; the others go on.
 *
 * <p>This class knows the steps of every flow that recorded an act when V2 came: a step added later
 * needs no entry here, since no case older than V2 can have completed it.
 */
@Component
public class CaseRecordBackfill implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRecordBackfill.class);

  /**
   * What the backfill did: cases given a record, cases that had one, cases that could not be
   * rebuilt.
   */
  public record Summary(int backfilled, int alreadyRecorded, List<String> failed) {}

  /**
   * Which role an act at a step was done in: the applicant, the service manager, a group, or the
   * 利用責任者.
   */
  private record StepRule(
      Function<Department, String> role,
      String decisionVariable,
      Function<String, ActResult> result) {

    static StepRule submitted(String role) {
      return new StepRule(department -> role, null, value -> ActResult.SUBMITTED);
    }

    static StepRule fixed(String role, ActResult result) {
      return new StepRule(department -> role, null, value -> result);
    }

    static StepRule decided(
        Function<Department, String> role, String variable, Function<String, ActResult> result) {
      return new StepRule(role, variable, result);
    }
  }

  /**
   * The completed tasks that record an act (the checks listed in architecture.md, "Where each fact
   * is written"), with the role and the result the check records today.
   */
  private static final Map<String, StepRule> STEPS = steps();

  private static Map<String, StepRule> steps() {
    Function<Department, String> securityOfficers = Department::securityOfficerGroupId;
    Function<String, ActResult> preparation =
        value ->
            ApplicationProcess.PreparationDecision.WITHDRAW.name().equals(value)
                ? ActResult.WITHDRAWN
                : ActResult.SUBMITTED;
    Function<String, ActResult> choice =
        value ->
            switch (CaseVariables.DecisionChoice.valueOf(value)) {
              case APPROVE -> ActResult.APPROVED;
              case REJECT -> ActResult.REJECTED;
              case RETURN -> ActResult.RETURNED;
            };
    Map<String, StepRule> steps = new HashMap<>();
    steps.put(
        ApplicationProcess.Element.CHECK_SELECTION_CRITERIA,
        StepRule.decided(
            department -> CaseAct.APPLICANT,
            ApplicationProcess.Variables.PREPARATION_DECISION.name(),
            preparation));
    steps.put(
        ApplicationProcess.Element.ACCEPT_RISKS,
        StepRule.decided(
            department -> CaseAct.APPLICANT,
            ApplicationProcess.Variables.PREPARATION_DECISION.name(),
            preparation));
    steps.put(
        ApplicationProcess.Element.SELF_CHECK_MEASURES, StepRule.submitted(CaseAct.APPLICANT));
    steps.put(
        ApplicationProcess.Element.CORRECT_APPLICATION, StepRule.submitted(CaseAct.APPLICANT));
    // since issue 14 the application is filed in a task, not at the start
    steps.put(
        ApplicationProcess.Element.FILL_IN_APPLICATION, StepRule.submitted(CaseAct.APPLICANT));
    steps.put(
        ApplicationProcess.Element.DOUBLE_CHECK,
        StepRule.decided(
            securityOfficers,
            ApplicationProcess.Variables.DOUBLE_CHECK_DECISION.name(),
            value ->
                switch (ApplicationProcess.DoubleCheckDecision.valueOf(value)) {
                  case FORWARD -> ActResult.FORWARDED;
                  case RETURN -> ActResult.RETURNED;
                  case REJECT -> ActResult.REJECTED;
                }));
    steps.put(
        ReviewProcess.Element.CONFIRM_SPECIFIC_COMMUNICATION,
        StepRule.fixed(CaseAct.APPLICANT, ActResult.CONFIRMED));
    steps.put(
        ReviewProcess.Element.RECORD_PRIOR_CONSULTATION,
        StepRule.fixed(StaffGroups.POLICY_REVIEWER, ActResult.RECORDED));
    steps.put(
        ReviewProcess.Element.REVIEW,
        StepRule.decided(
            department -> StaffGroups.POLICY_REVIEWER,
            ReviewProcess.Variables.REVIEW_RECOMMENDATION.name(),
            value ->
                switch (ReviewProcess.ReviewRecommendation.valueOf(value)) {
                  case APPROVE -> ActResult.APPROVED;
                  case REJECT -> ActResult.REJECTED;
                  case RETURN -> ActResult.RETURNED;
                  case REQUEST_NISC_ADVICE -> ActResult.NISC_ADVICE_REQUESTED;
                }));
    steps.put(
        ReviewProcess.Element.RECORD_NISC_ADVICE,
        StepRule.fixed(StaffGroups.POLICY_REVIEWER, ActResult.RECORDED));
    steps.put(
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        StepRule.decided(
            department -> StaffGroups.IT_PLANNING,
            ReviewProcess.Variables.IT_PLANNING_DECISION.name(),
            value ->
                ReviewProcess.ItPlanningDecision.APPROVED.name().equals(value)
                    ? ActResult.APPROVED
                    : ActResult.REJECTED));
    steps.put(
        ReviewProcess.Element.DECIDE,
        StepRule.decided(
            department -> StaffGroups.POLICY_HEAD,
            ReviewProcess.Variables.DECISION_CHOICE.name(),
            choice));
    steps.put(
        ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS,
        StepRule.fixed(CaseAct.SERVICE_MANAGER, ActResult.ACKNOWLEDGED));
    steps.put(
        ReviewProcess.Element.RECORD_CONTRACT,
        StepRule.fixed(CaseAct.SERVICE_MANAGER, ActResult.RECORDED));
    steps.put(SnsProcess.Element.PREPARE_SNS_REGISTRATION, StepRule.submitted(CaseAct.APPLICANT));
    steps.put(
        SnsProcess.Element.APPROVE_SNS_REGISTRATION,
        StepRule.decided(
            securityOfficers, SnsProcess.Variables.SNS_DECISION_CHOICE.name(), choice));
    steps.put(
        TerminationProcess.Element.FILL_TERMINATION_REQUEST, StepRule.submitted(CaseAct.APPLICANT));
    steps.put(
        TerminationProcess.Element.COMPLETE_TERMINATION, StepRule.submitted(CaseAct.APPLICANT));
    steps.put(
        TerminationProcess.Element.DOUBLE_CHECK,
        StepRule.decided(
            securityOfficers,
            TerminationProcess.Variables.TERMINATION_DECISION.name(),
            value ->
                TerminationProcess.TerminationDecision.CONFIRM.name().equals(value)
                    ? ActResult.CONFIRMED
                    : ActResult.RETURNED));
    return Map.copyOf(steps);
  }

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final CaseRecordRepository repository;
  private final DepartmentDirectory directory;
  private final RegistryService registry;
  private final Privileged privileged;
  private final CaseRecords caseRecords;

  CaseRecordBackfill(
      RuntimeService runtimeService,
      HistoryService historyService,
      CaseRecordRepository repository,
      DepartmentDirectory directory,
      RegistryService registry,
      Privileged privileged,
      CaseRecords caseRecords) {
    this.caseRecords = caseRecords;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.repository = repository;
    this.directory = directory;
    this.registry = registry;
    this.privileged = privileged;
  }

  @Override
  public void afterSingletonsInstantiated() {
    backfill();
    int numbered = caseRecords.numberOlderRecords();
    if (numbered > 0) {
      LOG.info("Case numbers given to {} record(s) written before case numbers existed", numbered);
    }
  }

  /**
   * Gives every running application and termination without a record its record; safe to call
   * again.
   */
  public Summary backfill() {
    List<ProcessInstance> running =
        privileged.call(
            () ->
                runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKeyIn(ApplicationProcess.KEY, TerminationProcess.KEY)
                    .rootProcessInstances()
                    .list());
    int backfilled = 0;
    int recorded = 0;
    List<String> failed = new ArrayList<>();
    for (ProcessInstance instance : running) {
      if (repository.find(instance.getId()).isPresent()) {
        recorded++;
        continue;
      }
      try {
        // one transaction per case: a case that cannot be rebuilt leaves nothing half-written
        String done = privileged.call(() -> backfill(instance));
        backfilled++;
        LOG.info("Case record backfilled: {}", done);
      } catch (DuplicateKeyException e) {
        recorded++; // another node of the cluster backfilled it at the same moment
      } catch (RuntimeException e) {
        failed.add(instance.getId());
        LOG.error(
            "Case record backfill failed for {} {}: {} — its next task or gateway will fail with "
                + "\"案件記録がありません\"",
            instance.getProcessDefinitionId(),
            instance.getId(),
            e.getMessage(),
            e);
      }
    }
    Summary summary = new Summary(backfilled, recorded, List.copyOf(failed));
    if (backfilled > 0 || !failed.isEmpty()) {
      LOG.info(
          "Case record backfill: {} case(s) backfilled, {} already recorded, {} failed {}",
          backfilled,
          recorded,
          failed.size(),
          failed);
    } else {
      LOG.info(
          "Case record backfill: nothing to do ({} running case(s) have their record)", recorded);
    }
    return summary;
  }

  private String backfill(ProcessInstance instance) {
    String caseId = instance.getId();
    HistoricProcessInstance root =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceId(caseId)
            .singleResult();
    List<String> instanceIds =
        new ArrayList<>(
            historyService
                .createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(caseId)
                .list()
                .stream()
                .map(HistoricProcessInstance::getId)
                .toList());
    if (!instanceIds.contains(caseId)) {
      instanceIds.add(caseId);
    }
    History history = new History(caseId, instanceIds);
    boolean termination = root.getProcessDefinitionKey().equals(TerminationProcess.KEY);
    CaseRecord record =
        termination ? terminationRecord(root, history) : applicationRecord(root, history);
    List<CaseAct> acts = acts(root, record, history, termination);

    repository.insert(record);
    if (record.classification() != null) {
      repository.updateClassification(caseId, record.classification());
    }
    repository.markBackfilled(caseId, JapanClock.now());
    acts.forEach(act -> repository.insertAct(act, true));
    return root.getProcessDefinitionKey()
        + " "
        + caseId
        + ": applicant "
        + record.applicant().userId()
        + ", department "
        + record.department().code()
        + ", "
        + (record.classification() == null
            ? "not classified"
            : record.classification().outcome() + "/" + record.classification().route())
        + ", "
        + acts.size()
        + " act(s)";
  }

  /**
   * The application as its submission and classification left it (ApplicationStart,
   * ClassifyApplication).
   */
  private CaseRecord applicationRecord(HistoricProcessInstance root, History history) {
    String applicant = applicant(root, history);
    String departmentCode = history.atStart(CaseVariables.DEPARTMENT_CODE.name(), String.class);
    String departmentName = history.atStart(CaseVariables.DEPARTMENT_NAME.name(), String.class);
    Department department =
        departmentCode == null
            ? directory
                .departmentOf(applicant)
                .orElseThrow(
                    () -> new IllegalStateException("no department for applicant " + applicant))
            : new Department(departmentCode, departmentName);
    // the start form had the whole application until issue 14; since, the application form's task
    String renews =
        Objects.requireNonNullElse(
            history.atStart(CaseVariables.RENEWS_REGISTRY_ENTRY_ID.name(), String.class),
            Objects.requireNonNullElse(
                history.latest(CaseVariables.RENEWS_REGISTRY_ENTRY_ID.name(), String.class), ""));
    renews = renews == null || renews.isBlank() ? null : renews.strip();
    return new CaseRecord(
        root.getId(),
        null, // numbered with the other older records (CaseRecords.numberOlderRecords)
        history.latest(CaseVariables.SERVICE_NAME.name(), String.class),
        new Actor(applicant, directory.displayName(applicant)),
        department,
        Objects.requireNonNullElseGet(
            history.atStart(CaseVariables.SERVICE_MANAGER.name(), String.class),
            () -> history.latest(CaseVariables.SERVICE_MANAGER.name(), String.class)),
        renews,
        history.writtenAt(
            CaseVariables.REGISTRY_ENTRY_ID.name(),
            String.class,
            ReviewProcess.Element.REGISTER_APPROVED_SERVICE,
            SnsProcess.Element.REGISTER_SNS_ACCOUNT),
        root.getStartTime().toInstant(),
        classification(history));
  }

  /**
   * The termination as its request (or a stop of use) opened it: the department of the entry it
   * ends.
   */
  private CaseRecord terminationRecord(HistoricProcessInstance root, History history) {
    String entryId =
        root.getBusinessKey() != null
            ? root.getBusinessKey()
            : history.latest(CaseVariables.REGISTRY_ENTRY_ID.name(), String.class);
    RegistryEntry entry =
        registry
            .find(entryId)
            .orElseThrow(() -> new IllegalStateException("no registry entry '" + entryId + "'"));
    boolean stopOfUse =
        TerminationProcess.Element.START_STOP_OF_USE.equals(root.getStartActivityId());
    String applicant = stopOfUse ? entry.serviceManager() : applicant(root, history);
    return new CaseRecord(
        root.getId(),
        null,
        entry.serviceName(),
        new Actor(applicant, directory.displayName(applicant)),
        new Department(entry.departmentCode(), entry.departmentName()),
        entry.serviceManager(),
        null,
        entry.id(),
        root.getStartTime().toInstant(),
        null);
  }

  /**
   * Who filed: the user who started the instance (the signed-in user, as at submission today), else
   * — started by system code — the {@code applicant} variable as it stood at the start.
   */
  private String applicant(HistoricProcessInstance root, History history) {
    String atStart = history.atStart(CaseVariables.APPLICANT.name(), String.class);
    String applicant = root.getStartUserId() != null ? root.getStartUserId() : atStart;
    if (applicant == null) {
      throw new IllegalStateException("neither a start user nor an applicant variable");
    }
    if (atStart != null && !atStart.equals(applicant)) {
      LOG.warn(
          "Case {}: the variable applicant '{}' differs from the user who started it, '{}': recorded '{}'",
          root.getId(),
          atStart,
          applicant,
          applicant);
    }
    return applicant;
  }

  /**
   * The classification as {@code Task_ClassifyApplication} wrote it (its latest run); null before
   * it ran.
   */
  private CaseClassification classification(History history) {
    HistoricActivityInstance classify = history.lastActivity(ApplicationProcess.Element.CLASSIFY);
    if (classify == null) {
      return null;
    }
    Set<String> at = Set.of(classify.getId());
    HistoricVariableUpdate outcome =
        history.update(ApplicationProcess.Variables.OUTCOME.name(), at);
    if (outcome == null) {
      return null;
    }
    String route = history.value(CaseVariables.ROUTE.name(), at, String.class);
    List<Condition> conditions = new ArrayList<>();
    Object json = history.value(ApplicationProcess.Variables.CONDITIONS.name(), at, Object.class);
    if (json != null) {
      JsonInput.toJson(json).forEach(node -> conditions.add(Condition.valueOf(node.asText())));
    }
    return new CaseClassification(
        Outcome.valueOf((String) outcome.getValue()),
        route == null ? null : Route.valueOf(route),
        history.value(ApplicationProcess.Variables.APPLICATION_FORM.name(), at, String.class),
        Boolean.TRUE.equals(
            history.value(
                ApplicationProcess.Variables.IMPORTANT_INFORMATION.name(), at, Boolean.class)),
        Boolean.TRUE.equals(
            history.value(
                ApplicationProcess.Variables.IT_PLANNING_REQUIRED.name(), at, Boolean.class)),
        conditions,
        outcome.getTime().toInstant());
  }

  /** The submission and one act per completed task that records one, oldest first. */
  private List<CaseAct> acts(
      HistoricProcessInstance root, CaseRecord record, History history, boolean termination) {
    List<CaseAct> acts = new ArrayList<>();
    boolean submitted =
        termination
            ? !TerminationProcess.Element.START_STOP_OF_USE.equals(root.getStartActivityId())
            : !ApplicationProcess.Element.START.equals(root.getStartActivityId()); // a draft
    if (submitted) {
      acts.add(
          new CaseAct(
              root.getId(),
              root.getId(),
              root.getStartActivityId(),
              actor(root.getStartUserId()),
              CaseAct.APPLICANT,
              ActResult.SUBMITTED,
              root.getStartTime().toInstant()));
    }
    List<HistoricTaskInstance> tasks =
        history.instanceIds.stream()
            .flatMap(
                id ->
                    historyService
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(id)
                        .finished()
                        .list()
                        .stream())
            .filter(
                task ->
                    "completed".equals(task.getDeleteReason())
                        && STEPS.containsKey(task.getTaskDefinitionKey()))
            .sorted(
                Comparator.comparing(HistoricTaskInstance::getEndTime)
                    .thenComparing(HistoricTaskInstance::getId))
            .toList();
    for (HistoricTaskInstance task : tasks) {
      StepRule rule = STEPS.get(task.getTaskDefinitionKey());
      String value =
          rule.decisionVariable() == null
              ? null
              : history.value(
                  rule.decisionVariable(), Set.of(task.getActivityInstanceId()), String.class);
      if (rule.decisionVariable() != null && value == null) {
        throw new IllegalStateException(
            "no "
                + rule.decisionVariable()
                + " written at "
                + task.getTaskDefinitionKey()
                + " (task "
                + task.getId()
                + ")");
      }
      acts.add(
          new CaseAct(
              root.getId(),
              task.getProcessInstanceId(),
              task.getTaskDefinitionKey(),
              actor(completedBy(task)),
              rule.role().apply(record.department()),
              rule.result().apply(value),
              task.getEndTime().toInstant()));
    }
    return acts;
  }

  /**
   * The signed-in user who completed the task (user operation log), else its assignee; null if
   * neither is known.
   */
  private String completedBy(HistoricTaskInstance task) {
    return historyService
        .createUserOperationLogQuery()
        .taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .stream()
        .map(UserOperationLogEntry::getUserId)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(task.getAssignee());
  }

  /**
   * As {@link CaseRecords#act} names the actor: the user with their display name, or the system.
   */
  private Actor actor(String userId) {
    return userId == null
        ? new Actor(CaseRecords.SYSTEM, "システム")
        : new Actor(userId, directory.displayName(userId));
  }

  /**
   * The variable updates and activities of one case (the root instance and the processes it
   * called).
   */
  private final class History {

    private final String caseId;
    private final List<String> instanceIds;
    private final List<HistoricVariableUpdate> updates;
    private final Set<String> start;

    History(String caseId, List<String> instanceIds) {
      this.caseId = caseId;
      this.instanceIds = instanceIds;
      // occurrence order per execution, then by time: the last matching update is the value the
      // step left
      this.updates =
          historyService
              .createHistoricDetailQuery()
              .processInstanceIdIn(instanceIds.toArray(String[]::new))
              .variableUpdates()
              .orderPartiallyByOccurrence()
              .asc()
              .list()
              .stream()
              .map(HistoricVariableUpdate.class::cast)
              .sorted(Comparator.comparing(HistoricDetail::getTime))
              .toList();
      if (updates.isEmpty()) { // history level below full: which step wrote what cannot be told
        throw new IllegalStateException("no variable history (history level full is required)");
      }
      // the start: variables sent with the start form (the instance's own scope) and written by its
      // start listener
      HistoricActivityInstance startEvent =
          historyService
              .createHistoricActivityInstanceQuery()
              .processInstanceId(caseId)
              .activityType("startEvent")
              .list()
              .stream()
              .findFirst()
              .orElse(null);
      Set<String> scopes = new java.util.HashSet<>();
      scopes.add(caseId);
      if (startEvent != null) {
        scopes.add(startEvent.getId());
      }
      this.start = scopes;
    }

    /**
     * The value of {@code name} as the submission left it; its latest value if the submission did
     * not write it.
     */
    <T> T atStart(String name, Class<T> type) {
      HistoricVariableUpdate update = null;
      for (HistoricVariableUpdate candidate : updates) {
        if (candidate.getVariableName().equals(name)
            && candidate.getProcessInstanceId().equals(caseId)
            && (candidate.getActivityInstanceId() == null
                || start.contains(candidate.getActivityInstanceId()))) {
          update = candidate;
        }
      }
      return update == null ? latest(name, type) : type.cast(update.getValue());
    }

    /** The last update of {@code name} written in one of these activity instances, or null. */
    HistoricVariableUpdate update(String name, Set<String> activityInstanceIds) {
      HistoricVariableUpdate update = null;
      for (HistoricVariableUpdate candidate : updates) {
        if (candidate.getVariableName().equals(name)
            && candidate.getActivityInstanceId() != null
            && activityInstanceIds.contains(candidate.getActivityInstanceId())) {
          update = candidate;
        }
      }
      return update;
    }

    <T> T value(String name, Set<String> activityInstanceIds, Class<T> type) {
      HistoricVariableUpdate update = update(name, activityInstanceIds);
      return update == null ? null : type.cast(update.getValue());
    }

    /**
     * The value of {@code name} as the server wrote it at one of these steps, in any instance of
     * the case (the registry entry at its registration, not whatever a later write left); null if
     * the steps have not run.
     */
    <T> T writtenAt(String name, Class<T> type, String... activityIds) {
      Set<String> activityInstanceIds = new java.util.HashSet<>();
      for (String instanceId : instanceIds) {
        historyService
            .createHistoricActivityInstanceQuery()
            .processInstanceId(instanceId)
            .list()
            .stream()
            .filter(activity -> List.of(activityIds).contains(activity.getActivityId()))
            .forEach(activity -> activityInstanceIds.add(activity.getId()));
      }
      return value(name, activityInstanceIds, type);
    }

    /** The latest value of {@code name} in any instance of the case, or null. */
    <T> T latest(String name, Class<T> type) {
      Object value = null;
      for (HistoricVariableUpdate candidate : updates) {
        if (candidate.getVariableName().equals(name)) {
          value = candidate.getValue();
        }
      }
      return type.cast(value);
    }

    /** The latest run of {@code activityId} in the case, or null. */
    HistoricActivityInstance lastActivity(String activityId) {
      return historyService
          .createHistoricActivityInstanceQuery()
          .processInstanceId(caseId)
          .activityId(activityId)
          .list()
          .stream()
          .max(
              Comparator.comparing(HistoricActivityInstance::getStartTime)
                  .thenComparing(HistoricActivityInstance::getId))
          .orElse(null);
    }
  }
}
