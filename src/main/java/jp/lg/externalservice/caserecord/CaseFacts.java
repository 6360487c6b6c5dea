package jp.lg.externalservice.caserecord;

import jp.lg.externalservice.classification.Condition;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The case record for the diagrams' expressions — gateways, conditions, assignees and candidate
 * groups — e.g. {@code ${caseFacts.route(execution) == 'IMPORTANT'}} or {@code
 * candidateGroups="${caseFacts.securityOfficers(execution)}"}. Values a user can write as process
 * variables ({@code route}, {@code departmentCode}, {@code applicant} …) are for display only; the
 * flow goes by these. (The bean name is no variable name: variables shadow beans.)
 */
@Component("caseFacts")
public class CaseFacts {

  private final CaseRecords records;

  public CaseFacts(CaseRecords records) {
    this.records = records;
  }

  /** The applicant's user id: the assignee of the applicant's tasks. */
  public String applicant(DelegateExecution execution) {
    return records.of(execution).applicant().userId();
  }

  /** サービス管理担当者 as the application named them (validated at submission). */
  public String serviceManager(DelegateExecution execution) {
    return records.of(execution).serviceManager();
  }

  /**
   * The 利用責任者 group of the applicant's department (ruling R-21): the double check and the SNS
   * approval.
   */
  public String securityOfficers(DelegateExecution execution) {
    return records.of(execution).department().securityOfficerGroupId();
  }

  /** The 所属長 group of the case's department: escalations of the termination. */
  public String unitHeads(DelegateExecution execution) {
    return records.of(execution).department().unitHeadGroupId();
  }

  /** The outcome's name, e.g. {@code APPLICATION_REQUIRED}. */
  public String outcome(DelegateExecution execution) {
    return records.of(execution).classified().outcome().name();
  }

  /**
   * The route's name ({@code IMPORTANT}, {@code PAID}, {@code FREE}), or null for an outcome
   * without a route.
   */
  public String route(DelegateExecution execution) {
    var route = records.of(execution).classified().route();
    return route == null ? null : route.name();
  }

  /** 情報化企画 is reviewed (004 §9(2)). */
  public boolean itPlanningRequired(DelegateExecution execution) {
    return records.of(execution).classified().itPlanningRequired();
  }

  /**
   * Whether the classification attached {@code condition} (a {@link Condition} name, rulings R-8
   * and R-9).
   */
  public boolean condition(DelegateExecution execution, String condition) {
    return records.of(execution).classified().hasCondition(Condition.valueOf(condition));
  }
}
