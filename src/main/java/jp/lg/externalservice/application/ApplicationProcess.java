package jp.lg.externalservice.application;

import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;

/**
 * The application process ({@code processes/external-service-application.bpmn}): its key, element ids and
 * variable names, declared once.
 */
public final class ApplicationProcess {

  public static final String KEY = CaseProcesses.APPLICATION;

  /** Element ids of the diagram. */
  public static final class Element {
    public static final String START = "StartEvent_ApplicationSubmitted";
    public static final String CLASSIFY = "Task_ClassifyApplication";
    public static final String CHECK_SELECTION_CRITERIA = "Task_CheckSelectionCriteria";
    public static final String ACCEPT_RISKS = "Task_AcceptRisks";
    public static final String SELF_CHECK_MEASURES = "Task_SelfCheckMeasures";
    public static final String REVIEW = "Activity_ReviewApplication";
    public static final String ACKNOWLEDGE_NO_APPLICATION = "Task_AcknowledgeNoApplication";
    public static final String ACKNOWLEDGE_FORBIDDEN = "Task_AcknowledgeForbidden";
    public static final String DOUBLE_CHECK = CaseSteps.DOUBLE_CHECK;
    public static final String CORRECT_APPLICATION = "Task_CorrectApplication";
    public static final String ACKNOWLEDGE_REJECTION = "Task_AcknowledgeRejection";
    public static final String ESCALATE_OVERDUE = "Task_EscalateOverdue";
    public static final String REGISTER_SNS_ACCOUNT = "Activity_RegisterSnsAccount";
    public static final String ACKNOWLEDGE_SNS_REJECTION = "Task_AcknowledgeSnsRejection";
    public static final String END_APPROVED = "Event_ApplicationApproved";
    public static final String END_REJECTED = "Event_ApplicationRejected";
    public static final String END_SNS_REGISTERED = "Event_SnsAccountRegistered";
    public static final String END_SNS_REJECTED = "Event_SnsRegistrationRejected";
    public static final String END_WITHDRAWN = "Event_ApplicationWithdrawn";
    public static final String END_NO_APPLICATION = "Event_NoApplicationRequired";
    public static final String END_FORBIDDEN = "Event_ApplicationForbidden";
    // the double check's deadline (timer) and the end of its escalation
    public static final String DOUBLE_CHECK_OVERDUE = "Event_DoubleCheckOverdue";
    public static final String END_OVERDUE_ESCALATED = "Event_OverdueEscalated";

    private Element() {}
  }

  /** Process variables. The application form's answers keep the names of the pre-check (rulings.md §3). */
  public static final class Var {
    // who
    // the application form (様式1/様式2 basics)
    public static final String SERVICE_DESCRIPTION = "serviceDescription";
    public static final String PURPOSE = "purpose";
    public static final String BUSINESS_SCOPE = "businessScope";
    public static final String USERS = "users";
    public static final String USER_COUNT = "userCount";
    // the classification
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_LABEL = "outcomeLabel";
    public static final String ROUTE_LABEL = "routeLabel";
    public static final String IMPORTANT_INFORMATION = "importantInformation";
    public static final String APPLICATION_FORM = "applicationForm";
    public static final String IT_PLANNING_REQUIRED = "itPlanningRequired";
    public static final String CONDITIONS = "conditions";
    public static final String ZONE_VERDICTS = "zoneVerdicts";
    public static final String CHECKLISTS = "checklists";
    public static final String SERVICE_KIND_LABEL = "serviceKindLabel";
    public static final String SERVICE_CATEGORY_LABEL = "serviceCategoryLabel";
    public static final String INFORMATION_TYPE_LABELS = "informationTypeLabels";
    public static final String CONNECTION_ZONE_LABELS = "connectionZoneLabels";
    public static final String EXEMPTION_LABEL = "exemptionLabel";
    // preparation and self-checks
    public static final String CONTRACT_TYPE = "contractType";
    public static final String ACCEPTED_RISKS = "acceptedRisks";
    public static final String PREPARATION_DECISION = "preparationDecision";
    public static final String PREPARATION_NOTE = "preparationNote";
    public static final String MEASURES_SELF_CHECK = "measuresSelfCheck";
    public static final String SELF_CHECK_NOTE = "selfCheckNote";
    /** Rows for the forms of checkers and reviewers: [{no, item, applicant, checker}] and [{number, level, item, answer}]. */
    public static final String CHECK_ROWS = "checkRows";
    public static final String SELECTION_CRITERIA_ROWS = "selectionCriteriaRows";
    // the department's double check and the correction loop (002 §5(2), rulings)
    public static final String DOUBLE_CHECK_DECISION = "doubleCheckDecision";
    public static final String DOUBLE_CHECK_COMMENT = "doubleCheckComment";
    public static final String DOUBLE_CHECKED_BY = "doubleCheckedBy";

    private Var() {}
  }

  /** Values of {@link Var#DOUBLE_CHECK_DECISION}. */
  public enum DoubleCheckDecision {
    FORWARD,
    RETURN,
    REJECT
  }

  /** Values of {@link Var#PREPARATION_DECISION}. */
  public enum PreparationDecision {
    PROCEED,
    WITHDRAW
  }

  private ApplicationProcess() {}
}
