package jp.lg.externalservice.review;

import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.system.Var;

/**
 * The review and decision process ({@code processes/external-service-review.bpmn}): key, element
 * ids and variable names, declared once. The variables every flow shares, and the {@code decision}
 * it returns to the application, are in {@link jp.lg.externalservice.caserecord.CaseVariables}.
 */
public final class ReviewProcess {

  public static final String KEY = CaseProcesses.REVIEW;

  /** Element ids of the diagrams. */
  public static final class Element {
    public static final String CONFIRM_SPECIFIC_COMMUNICATION = "Task_ConfirmSpecificCommunication";
    public static final String RECORD_PRIOR_CONSULTATION = "Task_RecordPriorConsultation";
    public static final String REVIEW = CaseSteps.REVIEW;
    public static final String RECORD_NISC_ADVICE = "Task_RecordNiscAdvice";
    public static final String REVIEW_IT_PLANNING = "Task_ReviewItPlanning";
    public static final String DECIDE = CaseSteps.DECIDE;
    public static final String REGISTER_APPROVED_SERVICE = "Task_RegisterApprovedService";
    public static final String ACKNOWLEDGE_USAGE_RISKS = "Task_AcknowledgeUsageRisks";
    public static final String RECORD_CONTRACT = "Task_RecordContract";
    public static final String ESCALATE_OVERDUE = "Task_EscalateOverdue";
    public static final String END_APPROVED = "Event_Approved";
    public static final String END_REJECTED = "Event_Rejected";
    public static final String END_RETURNED_BY_REVIEWER = "Event_ReturnedByReviewer";
    public static final String END_RETURNED_BY_DECISION = "Event_ReturnedByDecision";
    public static final String START = "StartEvent_ReviewRequested";

    /** The join of 情報政策課's review and 情報化企画 (004 §9(2)). */
    public static final String REVIEWS_DONE = "Gateway_ReviewsDone";

    // the deadlines (timers) and the end of their escalation
    public static final String PRIOR_CONSULTATION_OVERDUE = "Event_PriorConsultationOverdue";
    public static final String REVIEW_OVERDUE = "Event_ReviewOverdue";
    public static final String IT_PLANNING_OVERDUE = "Event_ItPlanningOverdue";
    public static final String DECISION_OVERDUE = "Event_DecisionOverdue";
    public static final String END_OVERDUE_ESCALATED = "Event_OverdueEscalated";

    private Element() {}
  }

  /** Process variables of the review, the decision and the SNS registration. */
  public static final class Variables {
    // set when the review starts, from the classification (rulings)
    public static final Var<Boolean> PRIOR_CONSULTATION_REQUIRED =
        Var.bool("priorConsultationRequired");
    public static final Var<Boolean> SPECIFIC_COMMUNICATION_REQUIRED =
        Var.bool("specificCommunicationRequired");
    public static final Var<Boolean> CAREFUL_JUDGMENT_REQUIRED =
        Var.bool("carefulJudgmentRequired");
    public static final Var<Boolean> GOVERNMENT_CLOUD_RULES = Var.bool("governmentCloudRules");
    public static final Var<Boolean> DISCOURAGED = Var.bool("discouraged");
    public static final Var<Boolean> NISC_ADVICE_AVAILABLE = Var.bool("niscAdviceAvailable");
    // conditions before the review (ruling R-8)
    public static final Var<Boolean> SPECIFIC_COMMUNICATION_CONFIRMED =
        Var.bool("specificCommunicationConfirmed");
    public static final Var<String> SPECIFIC_COMMUNICATION_NOTE =
        Var.string("specificCommunicationNote");
    public static final Var<String> PRIOR_CONSULTATION_RESULT =
        Var.string("priorConsultationResult");
    public static final Var<String> PRIOR_CONSULTATION_DATE = Var.string("priorConsultationDate");
    // the review by 情報政策課
    public static final Var<ReviewRecommendation> REVIEW_RECOMMENDATION =
        Var.enumeration("reviewRecommendation", ReviewRecommendation.class);
    public static final Var<String> REVIEW_COMMENT = Var.string("reviewComment");
    public static final Var<String> CAREFUL_JUDGMENT = Var.string("carefulJudgment");
    public static final Var<String> DISCOURAGED_JUSTIFICATION =
        Var.string("discouragedJustification");
    public static final Var<String> REVIEWED_BY = Var.string("reviewedBy");
    // display: who reviewed and when, for the decision's summary, from the review's act in the case
    // record (no form has these fields, so no one can send them)
    public static final Var<String> REVIEWED_BY_NAME = Var.string("reviewedByName");
    public static final Var<String> REVIEWED_ON = Var.string("reviewedOn");
    public static final Var<String> NISC_ADVICE = Var.string("niscAdvice");
    // 情報化企画 (004 §9(2))
    public static final Var<ItPlanningDecision> IT_PLANNING_DECISION =
        Var.enumeration("itPlanningDecision", ItPlanningDecision.class);
    public static final Var<String> IT_PLANNING_COMMENT = Var.string("itPlanningComment");
    public static final Var<String> IT_PLANNING_DECIDED_BY = Var.string("itPlanningDecidedBy");
    // the decision by the head of 情報政策課
    public static final Var<CaseVariables.DecisionChoice> DECISION_CHOICE =
        Var.enumeration("decisionChoice", CaseVariables.DecisionChoice.class);
    // after approval
    public static final Var<Object> ACKNOWLEDGED_RISKS = Var.json("acknowledgedRisks");
    public static final Var<String> RISKS_ACKNOWLEDGED_BY = Var.string("risksAcknowledgedBy");
    public static final Var<String> CONTRACT_DATE = Var.string("contractDate");

    private Variables() {}
  }

  /** Values of {@link Variables#REVIEW_RECOMMENDATION}. */
  public enum ReviewRecommendation {
    APPROVE,
    REJECT,
    RETURN,
    REQUEST_NISC_ADVICE
  }

  /** Values of {@link Variables#IT_PLANNING_DECISION}. */
  public enum ItPlanningDecision {
    APPROVED,
    REJECTED
  }

  /** The four risks of 約款 services the サービス管理担当者 must understand (002 §5(3), 002 様式 RV1–RV4). */
  public enum UsageRiskNotice {
    RV1,
    RV2,
    RV3,
    RV4
  }

  private ReviewProcess() {}
}
