package jp.lg.externalservice.application;

import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.checklist.UsageRisk;
import jp.lg.externalservice.system.Var;

/**
 * The application process ({@code processes/external-service-application.bpmn}): its key, element
 * ids and variable names, declared once.
 */
public final class ApplicationProcess {

  public static final String KEY = CaseProcesses.APPLICATION;

  /**
   * Withdraws the application ({@link Element#WITHDRAWAL}); sent only by the server ({@code POST
   * /api/applications/{caseNumber}/withdrawal}), with {@link Variables#WITHDRAWAL_REASON}.
   */
  public static final String MESSAGE_WITHDRAWN = "Message_ApplicationWithdrawn";

  /** Element ids of the diagram. */
  public static final class Element {
    public static final String START = "StartEvent_ApplicationStarted";
    public static final String FILL_IN_APPLICATION = "Task_FillInApplication";
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
    // the withdrawal by the applicant or her 所属長 at any point before the decision (issue 16):
    // an interrupting message event subprocess, so every open task of the case ends with it
    public static final String WITHDRAWAL = "SubProcess_Withdrawal";
    public static final String WITHDRAWAL_REQUESTED = "StartEvent_WithdrawalRequested";
    public static final String END_WITHDRAWN_ON_REQUEST = "Event_WithdrawnOnRequest";

    private Element() {}
  }

  /**
   * Process variables. The application form's answers keep the names of the pre-check (rulings.md
   * §3).
   */
  public static final class Variables {
    // who
    // the application form (様式1/様式2 basics)
    public static final Var<String> SERVICE_DESCRIPTION = Var.string("serviceDescription");
    public static final Var<String> PURPOSE = CaseVariables.PURPOSE;
    public static final Var<String> BUSINESS_SCOPE = Var.string("businessScope");
    public static final Var<String> USERS = Var.string("users");
    public static final Var<Integer> USER_COUNT = Var.integer("userCount");
    // the classification
    public static final Var<String> OUTCOME = Var.string("outcome");
    public static final Var<String> OUTCOME_LABEL = Var.string("outcomeLabel");
    public static final Var<String> ROUTE_LABEL = CaseVariables.ROUTE_LABEL;
    public static final Var<Boolean> IMPORTANT_INFORMATION = Var.bool("importantInformation");
    public static final Var<String> APPLICATION_FORM = Var.string("applicationForm");
    public static final Var<Boolean> IT_PLANNING_REQUIRED = Var.bool("itPlanningRequired");
    public static final Var<Object> CONDITIONS = Var.json("conditions");
    public static final Var<Object> ZONE_VERDICTS = Var.json("zoneVerdicts");
    public static final Var<Object> CHECKLISTS = Var.json("checklists");
    public static final Var<String> SERVICE_KIND_LABEL = Var.string("serviceKindLabel");
    public static final Var<String> SERVICE_CATEGORY_LABEL = Var.string("serviceCategoryLabel");
    public static final Var<String> INFORMATION_TYPE_LABELS = CaseVariables.INFORMATION_TYPE_LABELS;
    public static final Var<String> CONNECTION_ZONE_LABELS = Var.string("connectionZoneLabels");
    public static final Var<String> EXEMPTION_LABEL = Var.string("exemptionLabel");
    // preparation and self-checks
    public static final Var<UsageRisk.ContractType> CONTRACT_TYPE =
        Var.enumeration("contractType", UsageRisk.ContractType.class);
    public static final Var<Object> ACCEPTED_RISKS = Var.json("acceptedRisks");
    public static final Var<PreparationDecision> PREPARATION_DECISION =
        Var.enumeration("preparationDecision", PreparationDecision.class);
    public static final Var<String> PREPARATION_NOTE = Var.string("preparationNote");
    public static final Var<Object> MEASURES_SELF_CHECK = Var.json("measuresSelfCheck");
    public static final Var<String> SELF_CHECK_NOTE = Var.string("selfCheckNote");

    /**
     * Rows for the forms of checkers and reviewers: [{no, item, applicant, checker}] and [{number,
     * level, item, answer}].
     */
    public static final Var<Object> CHECK_ROWS = Var.json("checkRows");

    public static final Var<Object> SELECTION_CRITERIA_ROWS = Var.json("selectionCriteriaRows");
    // the department's double check and the correction loop (002 §5(2), rulings)
    public static final Var<DoubleCheckDecision> DOUBLE_CHECK_DECISION =
        Var.enumeration("doubleCheckDecision", DoubleCheckDecision.class);
    public static final Var<String> DOUBLE_CHECK_COMMENT = Var.string("doubleCheckComment");
    public static final Var<String> DOUBLE_CHECKED_BY = Var.string("doubleCheckedBy");
    // the withdrawal's reason, for the forms' history (the act in the case record is the fact)
    public static final Var<String> WITHDRAWAL_REASON = Var.string("withdrawalReason");

    private Variables() {}
  }

  /** Values of {@link Variables#DOUBLE_CHECK_DECISION}. */
  public enum DoubleCheckDecision {
    FORWARD,
    RETURN,
    REJECT
  }

  /** Values of {@link Variables#PREPARATION_DECISION}. */
  public enum PreparationDecision {
    PROCEED,
    WITHDRAW
  }

  private ApplicationProcess() {}
}
