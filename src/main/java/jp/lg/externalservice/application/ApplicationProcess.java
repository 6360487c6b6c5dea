package jp.lg.externalservice.application;

/**
 * The application process ({@code processes/external-service-application.bpmn}): its key, element ids and
 * variable names, declared once.
 */
public final class ApplicationProcess {

  public static final String KEY = "external-service-application";

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
    public static final String CONFIRM_SNS_PROCEDURE = "Task_ConfirmSnsProcedure";
    public static final String END_REVIEWED = "Event_ApplicationReviewed";
    public static final String END_WITHDRAWN = "Event_ApplicationWithdrawn";
    public static final String END_NO_APPLICATION = "Event_NoApplicationRequired";
    public static final String END_FORBIDDEN = "Event_ApplicationForbidden";
    public static final String END_SNS_PROCEDURE = "Event_SnsProcedureRequired";

    private Element() {}
  }

  /** Process variables. The application form's answers keep the names of the pre-check (rulings.md §3). */
  public static final class Var {
    // who
    public static final String APPLICANT = "applicant";
    public static final String APPLICANT_NAME = "applicantName";
    public static final String DEPARTMENT_CODE = "departmentCode";
    public static final String DEPARTMENT_NAME = "departmentName";
    // the application form (様式1/様式2 basics)
    public static final String SERVICE_NAME = "serviceName";
    public static final String PROVIDER_NAME = "providerName";
    public static final String SERVICE_DESCRIPTION = "serviceDescription";
    public static final String PURPOSE = "purpose";
    public static final String BUSINESS_SCOPE = "businessScope";
    public static final String USERS = "users";
    public static final String USER_COUNT = "userCount";
    public static final String PERIOD_START = "periodStart";
    public static final String PERIOD_END = "periodEnd";
    public static final String SERVICE_MANAGER = "serviceManager";
    public static final String SERVICE_MANAGER_NAME = "serviceManagerName";
    public static final String RENEWS_REGISTRY_ENTRY_ID = "renewsRegistryEntryId";
    public static final String INFORMATION_TYPES = "informationTypes";
    // the classification
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_LABEL = "outcomeLabel";
    public static final String ROUTE = "route";
    public static final String ROUTE_LABEL = "routeLabel";
    public static final String IMPORTANT_INFORMATION = "importantInformation";
    public static final String APPLICATION_FORM = "applicationForm";
    public static final String IT_PLANNING_REQUIRED = "itPlanningRequired";
    public static final String CONDITIONS = "conditions";
    public static final String ZONE_VERDICTS = "zoneVerdicts";
    public static final String CHECKLISTS = "checklists";
    public static final String REASONS = "reasons";
    public static final String CLASSIFICATION_SUMMARY = "classificationSummary";
    // preparation and self-checks
    public static final String SELECTION_CRITERIA = "selectionCriteria";
    public static final String CONTRACT_TYPE = "contractType";
    public static final String ACCEPTED_RISKS = "acceptedRisks";
    public static final String PREPARATION_DECISION = "preparationDecision";
    public static final String PREPARATION_NOTE = "preparationNote";
    public static final String MEASURES_SELF_CHECK = "measuresSelfCheck";
    public static final String SELF_CHECK_NOTE = "selfCheckNote";

    private Var() {}
  }

  /** Values of {@link Var#PREPARATION_DECISION}. */
  public enum PreparationDecision {
    PROCEED,
    WITHDRAW
  }

  private ApplicationProcess() {}
}
