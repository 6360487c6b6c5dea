package jp.lg.externalservice.administration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process instance migration for administrators, the Community edition's path (Cockpit's migration
 * screen is Enterprise only): a plan from one version of a process to another that maps equal
 * activity ids, validated; each selected instance tried in a transaction that is rolled back, so a
 * dry run reports exactly what the engine would refuse; the real run migrates all selected
 * instances in one transaction, or none.
 */
@Service
public class MigrationService {

  /** One version of a process and how many instances run on it. */
  public record VersionSummary(
      String id, int version, String deploymentId, long runningInstances, boolean latest) {}

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final TransactionTemplate transactionTemplate;

  public MigrationService(
      RuntimeService runtimeService,
      RepositoryService repositoryService,
      PlatformTransactionManager transactionManager) {
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.transactionTemplate = new TransactionTemplate(transactionManager);
  }

  public List<VersionSummary> versions(String processDefinitionKey) {
    List<ProcessDefinition> definitions =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(processDefinitionKey)
            .orderByProcessDefinitionVersion()
            .asc()
            .list();
    if (definitions.isEmpty()) {
      throw invalid(
          "processDefinitionKey", "このキーのプロセスはデプロイされていません", "no process with this key is deployed");
    }
    int latest = definitions.get(definitions.size() - 1).getVersion();
    return definitions.stream()
        .map(
            definition ->
                new VersionSummary(
                    definition.getId(),
                    definition.getVersion(),
                    definition.getDeploymentId(),
                    runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionId(definition.getId())
                        .count(),
                    definition.getVersion() == latest))
        .toList();
  }

  public MigrationReport migrate(MigrationRequest request) {
    ProcessDefinition source =
        definition(request.processDefinitionKey(), request.sourceVersion(), "sourceVersion");
    ProcessDefinition target =
        request.targetVersion() == null
            ? repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(request.processDefinitionKey())
                .latestVersion()
                .singleResult()
            : definition(request.processDefinitionKey(), request.targetVersion(), "targetVersion");
    if (source.getId().equals(target.getId())) {
      throw invalid("targetVersion", "移行元と移行先が同じバージョンです", "source and target are the same version");
    }
    MigrationPlan plan = plan(source, target, request.updateEventTriggers());
    List<String> instanceIds = selectedInstances(request, source);

    List<MigrationReport.Instance> instances = new ArrayList<>();
    for (String id : instanceIds) {
      ProcessInstance instance =
          runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
      List<String> problems = problems(plan, id);
      instances.add(
          new MigrationReport.Instance(
              id,
              instance.getBusinessKey(),
              runtimeService.getActiveActivityIds(id),
              problems.isEmpty(),
              problems));
    }
    int migrated = 0;
    if (!request.dryRun()) {
      List<FieldError> refusals = new ArrayList<>();
      for (MigrationReport.Instance instance : instances) {
        if (!instance.migratable()) {
          refusals.add(
              new FieldError(
                  "processInstanceIds: " + instance.id(),
                  "移行できません（どのインスタンスも移行していません）: " + String.join(" / ", instance.problems()),
                  "cannot be migrated (no instance was migrated): "
                      + String.join(" / ", instance.problems())));
        }
      }
      if (!refusals.isEmpty()) {
        throw new InputValidationException(refusals);
      }
      if (!instanceIds.isEmpty()) {
        runtimeService.newMigration(plan).processInstanceIds(instanceIds).execute();
        migrated = instanceIds.size();
      }
    }
    List<MigrationReport.Instruction> instructions =
        plan.getInstructions().stream()
            .map(
                instruction ->
                    new MigrationReport.Instruction(
                        instruction.getSourceActivityId(), instruction.getTargetActivityId()))
            .toList();
    return new MigrationReport(
        request.processDefinitionKey(),
        new MigrationReport.Version(source.getId(), source.getVersion()),
        new MigrationReport.Version(target.getId(), target.getVersion()),
        request.dryRun(),
        instructions,
        unmappedActivities(source, plan),
        instances,
        migrated);
  }

  private ProcessDefinition definition(String key, int version, String field) {
    ProcessDefinition definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .processDefinitionVersion(version)
            .singleResult();
    if (definition == null) {
      throw invalid(
          field,
          "プロセス " + key + " のバージョン " + version + " はありません",
          "process " + key + " has no version " + version);
    }
    return definition;
  }

  private MigrationPlan plan(
      ProcessDefinition source, ProcessDefinition target, boolean updateEventTriggers) {
    try {
      MigrationInstructionsBuilder builder =
          runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
      if (updateEventTriggers) {
        builder = builder.updateEventTriggers();
      }
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      List<FieldError> errors = new ArrayList<>();
      for (MigrationInstructionValidationReport report :
          e.getValidationReport().getInstructionReports()) {
        MigrationInstruction instruction = report.getMigrationInstruction();
        String failures = String.join(" / ", report.getFailures());
        errors.add(
            new FieldError(
                instruction.getSourceActivityId() + " → " + instruction.getTargetActivityId(),
                "この対応づけでは移行できません: " + failures,
                "this mapping cannot be migrated: " + failures));
      }
      e.getValidationReport()
          .getVariableReports()
          .forEach(
              (name, report) ->
                  errors.add(
                      new FieldError(
                          name,
                          "変数を設定できません: " + String.join(" / ", report.getFailures()),
                          "the variable cannot be set: "
                              + String.join(" / ", report.getFailures()))));
      if (errors.isEmpty()) {
        errors.add(
            new FieldError(
                "(plan)", "移行計画を作れません: " + e.getMessage(), "no valid plan: " + e.getMessage()));
      }
      throw new InputValidationException(errors);
    }
  }

  private List<String> selectedInstances(MigrationRequest request, ProcessDefinition source) {
    if (request.processInstanceIds() == null) {
      return runtimeService
          .createProcessInstanceQuery()
          .processDefinitionId(source.getId())
          .orderByProcessInstanceId()
          .asc()
          .list()
          .stream()
          .map(ProcessInstance::getId)
          .toList();
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>(request.processInstanceIds());
    int index = 0;
    for (String id : request.processInstanceIds()) {
      ProcessInstance instance =
          runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
      if (instance == null || !source.getId().equals(instance.getProcessDefinitionId())) {
        errors.add(
            new FieldError(
                "processInstanceIds[" + index + "]",
                id + " はバージョン " + source.getVersion() + " の実行中のインスタンスではありません",
                id + " is not a running instance of version " + source.getVersion()));
      }
      index++;
    }
    if (!errors.isEmpty()) {
      throw new InputValidationException(errors);
    }
    return List.copyOf(ids);
  }

  /**
   * Tries the migration of one instance and rolls it back: the engine's own validation, nothing
   * stored.
   */
  private List<String> problems(MigrationPlan plan, String instanceId) {
    List<String> problems = new ArrayList<>();
    transactionTemplate.executeWithoutResult(
        status -> {
          try {
            runtimeService.newMigration(plan).processInstanceIds(instanceId).execute();
          } catch (MigratingProcessInstanceValidationException e) {
            problems.addAll(describe(e.getValidationReport()));
          } catch (ProcessEngineException e) {
            problems.add(e.getMessage());
          }
          status.setRollbackOnly();
        });
    return problems;
  }

  private static List<String> describe(MigratingProcessInstanceValidationReport report) {
    List<String> problems = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity
          .getFailures()
          .forEach(failure -> problems.add(activity.getSourceScopeId() + ": " + failure));
    }
    for (MigratingTransitionInstanceValidationReport transition :
        report.getTransitionInstanceReports()) {
      transition
          .getFailures()
          .forEach(failure -> problems.add(transition.getSourceScopeId() + ": " + failure));
    }
    return problems;
  }

  /**
   * Wait states of the source version that no instruction maps: instances waiting there cannot
   * move.
   */
  private List<String> unmappedActivities(ProcessDefinition source, MigrationPlan plan) {
    Set<String> mapped = new LinkedHashSet<>();
    plan.getInstructions().forEach(instruction -> mapped.add(instruction.getSourceActivityId()));
    return repositoryService
        .getBpmnModelInstance(source.getId())
        .getModelElementsByType(FlowNode.class)
        .stream()
        .filter(MigrationService::mayWait)
        .map(FlowNode::getId)
        .filter(id -> !mapped.contains(id))
        .sorted()
        .toList();
  }

  /**
   * Whether an instance can be waiting in this element (a service task without async runs through).
   */
  private static boolean mayWait(FlowNode node) {
    return node instanceof UserTask
        || node instanceof ReceiveTask
        || node instanceof CallActivity
        || node instanceof SubProcess
        || node instanceof IntermediateCatchEvent
        || node instanceof BoundaryEvent
        || node.isCamundaAsyncBefore()
        || node.isCamundaAsyncAfter();
  }

  private static InputValidationException invalid(String field, String message, String messageEn) {
    return new InputValidationException(List.of(new FieldError(field, message, messageEn)));
  }
}
