package jp.lg.externalservice.operation;

import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.system.Var;

/**
 * The operation process ({@code processes/external-service-operation.bpmn}): key, messages, element
 * ids, variables.
 */
public final class OperationProcess {

  public static final String KEY = CaseProcesses.OPERATION;
  public static final String MESSAGE_OVERSEAS_DATA_FOUND = "Message_OverseasDataFound";
  public static final String MESSAGE_PROVIDER_TERMS_CHANGED = "Message_ProviderTermsChanged";
  public static final String MESSAGE_INCIDENT_ELSEWHERE = "Message_IncidentElsewhere";

  /** Element ids of the diagram. */
  public static final class Element {
    public static final String INTRODUCTION_CHECKLIST = "Task_IntroductionChecklist";
    public static final String GOVERNMENT_CLOUD_CHECKLIST = "Task_GovernmentCloudChecklist";
    public static final String INITIAL_OPERATION_CHECKLIST = "Task_InitialOperationChecklist";
    public static final String QUARTERLY_REVIEW = "Task_QuarterlyReview";
    public static final String DECIDE_CONTINUATION = "Task_DecideContinuation";
    public static final String CONFIRM_BACKUP = "Task_ConfirmBackup";
    public static final String CONFIRM_USAGE = "Task_ConfirmUsage";
    public static final String NOTIFY_RECLASSIFICATION = "Task_NotifyReclassification";
    public static final String REQUEST_RENEWAL = "Task_RequestRenewal";
    public static final String YEARLY_CHECKLIST = "Task_YearlyChecklist";
    public static final String USAGE_CHECK_BY_ADMINISTRATOR = "Task_UsageCheckByAdministrator";
    public static final String DECIDE_ON_TERMS_CHANGE = "Task_DecideOnTermsChange";
    public static final String ALERT_USERS = "Task_AlertUsers";
    public static final String SUSPEND_SERVICE = "Task_SuspendService";
    public static final String RECLASSIFY = "Task_Reclassify";
    public static final String EXTEND_RETENTION = "Task_ExtendRetention";

    /** Waits for the end of the operation (message {@code Message_OperationClosed}). */
    public static final String OPERATION_CLOSED = "Event_OperationClosed";

    // the periodic duties start by timers, and each is escalated to the 所属長 when left undone
    public static final String QUARTERLY_REVIEW_DUE = "StartEvent_QuarterlyReviewDue";
    public static final String BACKUP_DUE = "StartEvent_BackupDue";
    public static final String USAGE_CHECK_DUE = "StartEvent_UsageCheckDue";
    public static final String YEARLY_CHECK_DUE = "StartEvent_YearlyCheckDue";
    public static final String ESCALATE_QUARTERLY_REVIEW = "Task_EscalateQuarterlyReview";
    public static final String ESCALATE_CONFIRM_BACKUP = "Task_EscalateConfirmBackup";
    public static final String ESCALATE_CONFIRM_USAGE = "Task_EscalateConfirmUsage";
    public static final String ESCALATE_YEARLY_CHECKLIST = "Task_EscalateYearlyChecklist";
    public static final String QUARTERLY_REVIEW_OVERDUE = "Event_QuarterlyReviewOverdue";
    public static final String CONFIRM_BACKUP_OVERDUE = "Event_ConfirmBackupOverdue";
    public static final String CONFIRM_USAGE_OVERDUE = "Event_ConfirmUsageOverdue";
    public static final String YEARLY_CHECKLIST_OVERDUE = "Event_YearlyChecklistOverdue";
    // the ends
    public static final String END_INTRODUCTION_COMPLETED = "Event_IntroductionCompleted";
    public static final String END_OPERATION_ENDED = "Event_OperationEnded";
    public static final String END_USE_STOPPED = "Event_UseStoppedEnded";
    public static final String END_NO_CHANGE = "Event_NoChange";
    public static final String END_USE_CONTINUED = "Event_UseContinued";
    public static final String END_QUARTERLY_USE_STOPPED = "Event_QuarterlyUseStopped";
    public static final String END_OVERSEAS_FOUND_IN_REVIEW = "Event_OverseasFoundInReview";
    public static final String END_BACKUP_CONFIRMED = "Event_BackupConfirmed";
    public static final String END_USAGE_MATCHES = "Event_UsageMatches";
    public static final String END_SAME_ROUTE = "Event_SameRoute";
    public static final String END_RENEWAL_REQUESTED = "Event_RenewalRequested";
    public static final String END_RECLASSIFIED_FORBIDDEN = "Event_ReclassifiedForbidden";
    public static final String END_YEARLY_CHECK_DONE = "Event_YearlyCheckDone";
    public static final String END_YEARLY_CHECKLIST_ESCALATED = "Event_YearlyChecklistEscalated";
    public static final String END_CONTINUED_AFTER_TERMS_CHANGE = "Event_ContinuedAfterTermsChange";
    public static final String END_STOPPED_AFTER_TERMS_CHANGE = "Event_StoppedAfterTermsChange";
    public static final String END_USERS_ALERTED = "Event_UsersAlerted";
    public static final String END_OVERSEAS_DATA_STOP = "Event_OverseasDataStop";

    private Element() {}
  }

  /** Process variables of the operation. */
  public static final class Variables {
    public static final Var<Object> CHECKLIST = Var.json("checklist");
    public static final Var<String> CHECKLIST_NOTE = Var.string("checklistNote");
    public static final Var<ReviewResult> REVIEW_RESULT =
        Var.enumeration("reviewResult", ReviewResult.class);
    public static final Var<String> REVIEW_NOTE = Var.string("reviewNote");
    public static final Var<ContinuationDecision> CONTINUATION_DECISION =
        Var.enumeration("continuationDecision", ContinuationDecision.class);
    public static final Var<String> CONTINUATION_REASON = Var.string("continuationReason");
    public static final Var<Boolean> BACKUP_TAKEN = Var.bool("backupTaken");
    public static final Var<String> BACKUP_NOTE = Var.string("backupNote");
    public static final Var<Boolean> USAGE_DIFFERS = Var.bool("usageDiffers");
    public static final Var<Object> CURRENT_INFORMATION_TYPES = Var.json("currentInformationTypes");
    public static final Var<String> USAGE_NOTE = Var.string("usageNote");
    public static final Var<Reclassification> RECLASSIFICATION =
        Var.enumeration("reclassification", Reclassification.class);
    public static final Var<String> RECLASSIFICATION_SUMMARY =
        Var.string("reclassificationSummary");
    public static final Var<Boolean> USAGE_APPROPRIATE = Var.bool("usageAppropriate");
    public static final Var<String> USAGE_CHECK_NOTE = Var.string("usageCheckNote");
    public static final Var<String> ALERT_NOTE = Var.string("alertNote");
    public static final Var<String> EVENT_DESCRIPTION = Var.string("eventDescription");
    public static final Var<String> STOP_REASON = Var.string("stopReason");

    private Variables() {}
  }

  /** Values of {@link Variables#REVIEW_RESULT} (002 §6(1), §6(2)). */
  public enum ReviewResult {
    NO_CHANGE,
    CHANGED,
    OVERSEAS_DATA
  }

  /** Values of {@link Variables#CONTINUATION_DECISION}. */
  public enum ContinuationDecision {
    CONTINUE,
    STOP
  }

  /** Values of {@link Variables#RECLASSIFICATION} (ruling R-16). */
  public enum Reclassification {
    SAME_ROUTE,
    ROUTE_CHANGED,
    FORBIDDEN
  }

  private OperationProcess() {}
}
