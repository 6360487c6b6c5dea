package jp.lg.externalservice.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;

/**
 * The bare baseline: one process with as many user tasks and gateways as the real lifecycle passes,
 * assigned to the same people in the same order (applicant, 利用責任者 group, 情報政策課 group …), with no
 * delegates, no listeners, no forms and one small variable per task. Generated here and deployed by
 * the benchmark only — never by the application (it is not in {@code processes/}).
 */
final class BaselineWalk {

  static final String KEY = "bench-baseline";

  /**
   * Who completes each of the 13 user tasks of the lifecycle, in order (see {@link LifecycleWalk}).
   */
  enum Role {
    APPLICANT,
    SECURITY_OFFICER,
    REVIEWER,
    IT_PLANNING,
    HEAD
  }

  static final List<Role> TASKS =
      List.of(
          Role.APPLICANT,
          Role.APPLICANT,
          Role.APPLICANT,
          Role.SECURITY_OFFICER,
          Role.REVIEWER,
          Role.IT_PLANNING,
          Role.HEAD,
          Role.APPLICANT,
          Role.APPLICANT,
          Role.APPLICANT,
          Role.APPLICANT,
          Role.SECURITY_OFFICER,
          Role.REVIEWER);

  private final ProcessEngine engine;
  private final Actors actors;
  private final String definitionId;
  private final AtomicLong counter = new AtomicLong();

  private BaselineWalk(ProcessEngine engine, Actors actors, String definitionId) {
    this.engine = engine;
    this.actors = actors;
    this.definitionId = definitionId;
  }

  /** Deploys the baseline with {@code gateways} exclusive gateways spread between the tasks. */
  static BaselineWalk deploy(ProcessEngine engine, Actors actors, int gateways) {
    AbstractFlowNodeBuilder<?, ?> builder =
        Bpmn.createExecutableProcess(KEY)
            .name("Benchmark baseline")
            .camundaHistoryTimeToLive(1825)
            .startEvent("Start");
    int placed = 0;
    for (int i = 0; i < TASKS.size(); i++) {
      String id = "Task_" + (i + 1);
      builder =
          switch (TASKS.get(i)) {
            case APPLICANT -> builder.userTask(id).camundaAssignee("${applicant}");
            case SECURITY_OFFICER ->
                builder.userTask(id).camundaCandidateGroups("security-officer-${departmentCode}");
            case REVIEWER -> builder.userTask(id).camundaCandidateGroups("policy-reviewer");
            case IT_PLANNING -> builder.userTask(id).camundaCandidateGroups("it-planning");
            case HEAD -> builder.userTask(id).camundaCandidateGroups("policy-head");
          };
      int due = (int) Math.round((double) gateways * (i + 1) / TASKS.size());
      while (placed < due) {
        placed++;
        builder = builder.exclusiveGateway("Gateway_" + placed).condition("go", "${ok}");
      }
    }
    BpmnModelInstance model = builder.endEvent("End").done();
    for (int g = 1; g <= placed; g++) {
      ((ExclusiveGateway) model.getModelElementById("Gateway_" + g))
          .builder()
          .condition("stop", "${!ok}")
          .endEvent("End_Stopped" + g);
    }
    String deploymentId =
        engine
            .getRepositoryService()
            .createDeployment()
            .name(KEY)
            .addModelInstance(KEY + ".bpmn", model)
            .deploy()
            .getId();
    String definitionId =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(deploymentId)
            .singleResult()
            .getId();
    // staff may start it, as they may start an application
    if (engine
            .getAuthorizationService()
            .createAuthorizationQuery()
            .groupIdIn("staff")
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId(KEY)
            .count()
        == 0) {
      Authorization grant =
          engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("staff");
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(KEY);
      grant.addPermission(Permissions.READ);
      grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
      engine.getAuthorizationService().saveAuthorization(grant);
    }
    return new BaselineWalk(engine, actors, definitionId);
  }

  /** One baseline case, its user tasks completed by the same people as in the lifecycle. */
  void walk() {
    long n = counter.incrementAndGet();
    LifecycleWalk.Department department =
        LifecycleWalk.DEPARTMENTS.get((int) (n % LifecycleWalk.DEPARTMENTS.size()));
    String reviewer = LifecycleWalk.REVIEWERS[(int) (n / 2 % LifecycleWalk.REVIEWERS.length)];
    String departmentCode = department.applicant().equals("sato") ? "kumin" : "fukushi";
    String instance =
        actors
            .as(
                department.applicant(),
                () ->
                    engine
                        .getRuntimeService()
                        .startProcessInstanceById(
                            definitionId,
                            Map.of(
                                "applicant",
                                department.applicant(),
                                "departmentCode",
                                departmentCode,
                                "ok",
                                true)))
            .getId();
    for (int i = 0; i < TASKS.size(); i++) {
      String user =
          switch (TASKS.get(i)) {
            case APPLICANT -> department.applicant();
            case SECURITY_OFFICER -> department.securityOfficer();
            case REVIEWER -> reviewer;
            case IT_PLANNING -> "kimura";
            case HEAD -> "kobayashi";
          };
      actors.complete(instance, "Task_" + (i + 1), user, Map.of("answer", "OK"), false);
    }
  }
}
