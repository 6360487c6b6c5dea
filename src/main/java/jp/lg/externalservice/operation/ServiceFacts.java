package jp.lg.externalservice.operation;

import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.Department;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The facts of a service in operation for the operation diagram's expressions, from its registry
 * entry (the business key), which only the server writes: {@code
 * assignee="${serviceFacts.serviceManager(execution)}"}, {@code
 * candidateGroups="${serviceFacts.unitHeads(execution)}"}, {@code ${serviceFacts.route(execution)
 * == 'IMPORTANT'}}. The variables {@code serviceManager}, {@code departmentName}, {@code
 * routeLabel} … handed over at approval are for display only (issue 12; {@link OperationHandover}
 * names them).
 */
@Component("serviceFacts")
public class ServiceFacts {

  private final RegistryService registry;

  public ServiceFacts(RegistryService registry) {
    this.registry = registry;
  }

  /** The registry entry of the process: its business key is the entry id. */
  public RegistryEntry entry(DelegateExecution execution) {
    String entryId = execution.getProcessBusinessKey();
    return registry
        .find(entryId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "台帳がありません（no registry entry '"
                        + entryId
                        + "' for process "
                        + execution.getProcessInstanceId()
                        + "）"));
  }

  /** サービス管理担当者: the periodic duties. */
  public String serviceManager(DelegateExecution execution) {
    return entry(execution).serviceManager();
  }

  /** 外部サービス管理者 (the department's 所属長, 004 §2(3)). */
  public String serviceAdministrator(DelegateExecution execution) {
    return entry(execution).serviceAdministrator();
  }

  public String departmentCode(DelegateExecution execution) {
    return entry(execution).departmentCode();
  }

  /** The 所属長 group of the using department: escalations. */
  public String unitHeads(DelegateExecution execution) {
    return department(execution).unitHeadGroupId();
  }

  /** The 利用責任者 group of the using department. */
  public String securityOfficers(DelegateExecution execution) {
    return department(execution).securityOfficerGroupId();
  }

  /**
   * The approved route's name ({@code IMPORTANT}, {@code PAID}, {@code FREE}); null for an SNS
   * account.
   */
  public String route(DelegateExecution execution) {
    Route route = entry(execution).route();
    return route == null ? null : route.name();
  }

  /** The government cloud rules of 004 §15 apply (a condition of the approved classification). */
  public boolean governmentCloudRules(DelegateExecution execution) {
    String conditions = entry(execution).conditionsJson();
    return conditions != null
        && conditions.contains("\"" + Condition.GOVERNMENT_CLOUD_RULES.name() + "\"");
  }

  private Department department(DelegateExecution execution) {
    RegistryEntry entry = entry(execution);
    return new Department(entry.departmentCode(), entry.departmentName());
  }
}
