package jp.lg.externalservice.review;

/**
 * The review and decision process ({@code processes/external-service-review.bpmn}) and the SNS registration
 * ({@code processes/sns-account-registration.bpmn}): keys, element ids and variable names, declared once. The
 * variables shared with the application process are in {@code ApplicationProcess.Var}.
 */
public final class ReviewProcess {

  public static final String KEY = "external-service-review";
  public static final String SNS_KEY = "sns-account-registration";

  /** Element ids of the diagrams. */
  public static final class Element {
    public static final String CONFIRM_SPECIFIC_COMMUNICATION = "Task_ConfirmSpecificCommunication";
    public static final String RECORD_PRIOR_CONSULTATION = "Task_RecordPriorConsultation";
    public static final String REVIEW = "Task_Review";
    public static final String RECORD_NISC_ADVICE = "Task_RecordNiscAdvice";
    public static final String REVIEW_IT_PLANNING = "Task_ReviewItPlanning";
    public static final String DECIDE = "Task_Decide";
    public static final String REGISTER_APPROVED_SERVICE = "Task_RegisterApprovedService";
    public static final String ACKNOWLEDGE_USAGE_RISKS = "Task_AcknowledgeUsageRisks";
    public static final String RECORD_CONTRACT = "Task_RecordContract";
    public static final String ESCALATE_OVERDUE = "Task_EscalateOverdue";
    public static final String END_APPROVED = "Event_Approved";
    public static final String END_REJECTED = "Event_Rejected";
    public static final String END_RETURNED_BY_REVIEWER = "Event_ReturnedByReviewer";
    public static final String END_RETURNED_BY_DECISION = "Event_ReturnedByDecision";
    public static final String PREPARE_SNS_REGISTRATION = "Task_PrepareSnsRegistration";
    public static final String APPROVE_SNS_REGISTRATION = "Task_ApproveSnsRegistration";
    public static final String REGISTER_SNS_ACCOUNT = "Task_RegisterSnsAccount";
    public static final String END_SNS_REGISTERED = "Event_SnsRegistered";
    public static final String END_SNS_REJECTED = "Event_SnsRejected";

    private Element() {}
  }

  /** Process variables of the review, the decision and the SNS registration. */
  public static final class Var {
    // set when the review starts, from the classification (rulings)
    public static final String PRIOR_CONSULTATION_REQUIRED = "priorConsultationRequired";
    public static final String SPECIFIC_COMMUNICATION_REQUIRED = "specificCommunicationRequired";
    public static final String CAREFUL_JUDGMENT_REQUIRED = "carefulJudgmentRequired";
    public static final String GOVERNMENT_CLOUD_RULES = "governmentCloudRules";
    public static final String DISCOURAGED = "discouraged";
    public static final String NISC_ADVICE_AVAILABLE = "niscAdviceAvailable";
    // conditions before the review (ruling R-8)
    public static final String SPECIFIC_COMMUNICATION_CONFIRMED = "specificCommunicationConfirmed";
    public static final String SPECIFIC_COMMUNICATION_NOTE = "specificCommunicationNote";
    public static final String PRIOR_CONSULTATION_RESULT = "priorConsultationResult";
    public static final String PRIOR_CONSULTATION_DATE = "priorConsultationDate";
    // the review by 情報政策課
    public static final String REVIEW_RECOMMENDATION = "reviewRecommendation";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String CAREFUL_JUDGMENT = "carefulJudgment";
    public static final String DISCOURAGED_JUSTIFICATION = "discouragedJustification";
    public static final String REVIEWED_BY = "reviewedBy";
    public static final String NISC_ADVICE = "niscAdvice";
    // 情報化企画 (004 §9(2))
    public static final String IT_PLANNING_DECISION = "itPlanningDecision";
    public static final String IT_PLANNING_COMMENT = "itPlanningComment";
    public static final String IT_PLANNING_DECIDED_BY = "itPlanningDecidedBy";
    // the decision by the head of 情報政策課
    public static final String DECISION_CHOICE = "decisionChoice";
    public static final String DECIDED_AT = "decidedAt";
    // after approval
    public static final String REGISTRY_ENTRY_ID = "registryEntryId";
    public static final String SERVICE_ADMINISTRATOR = "serviceAdministrator";
    public static final String SERVICE_ADMINISTRATOR_NAME = "serviceAdministratorName";
    public static final String ACKNOWLEDGED_RISKS = "acknowledgedRisks";
    public static final String RISKS_ACKNOWLEDGED_BY = "risksAcknowledgedBy";
    public static final String CONTRACT_DATE = "contractDate";
    // escalation
    public static final String OVERDUE_STEP = "overdueStep";
    // SNS registration (003 第7 5)
    public static final String SNS_ACCOUNT_NAME = "snsAccountName";
    public static final String SNS_ACCOUNT_URL = "snsAccountUrl";
    public static final String SNS_RESPONSIBLE_PERSON = "snsResponsiblePerson";
    public static final String SNS_RESPONSIBLE_PERSON_NAME = "snsResponsiblePersonName";
    public static final String SNS_PROCEDURE_ITEMS = "snsProcedureItems";
    public static final String SNS_OFFICIAL_ACCOUNT = "snsOfficialAccount";
    public static final String SNS_NO_CONFIDENTIAL_POSTS = "snsNoConfidentialPosts";
    public static final String SNS_DECISION_CHOICE = "snsDecisionChoice";

    private Var() {}
  }

  /** Values of {@link Var#REVIEW_RECOMMENDATION}. */
  public enum ReviewRecommendation {
    APPROVE,
    REJECT,
    RETURN,
    REQUEST_NISC_ADVICE
  }

  /** Values of {@link Var#IT_PLANNING_DECISION}. */
  public enum ItPlanningDecision {
    APPROVED,
    REJECTED
  }

  /** Values of {@link Var#DECISION_CHOICE} and {@link Var#SNS_DECISION_CHOICE}. */
  public enum DecisionChoice {
    APPROVE,
    REJECT,
    RETURN
  }

  /** The four risks of 約款 services the サービス管理担当者 must understand (002 §5(3), 002 様式 RV1–RV4). */
  public enum UsageRiskNotice {
    RV1,
    RV2,
    RV3,
    RV4
  }

  /** The SNS operating procedure items ア–オ (003 第7 5(1)). */
  public enum SnsProcedureItem {
    A_POSTABLE_INFORMATION,
    B_ACCOUNT_LIST_PAGE,
    C_WEBSITE_URL_IN_PROFILE,
    D_OFFICIAL_ACCOUNT,
    E_CREDENTIAL_MANAGEMENT
  }

  /** 認証アカウント／公式アカウント (003 第7 5(1)エ): used, or not offered by the service. */
  public enum OfficialAccount {
    USED,
    NOT_OFFERED
  }

  private ReviewProcess() {}
}
