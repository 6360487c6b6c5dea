package jp.lg.externalservice.operation;

import jp.lg.externalservice.caserecord.CaseProcesses;

/** The operation process ({@code processes/external-service-operation.bpmn}): key, messages, element ids, variables. */
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

    private Element() {}
  }

  /** Process variables of the operation. */
  public static final class Var {
    public static final String CHECKLIST = "checklist";
    public static final String CHECKLIST_NOTE = "checklistNote";
    public static final String REVIEW_RESULT = "reviewResult";
    public static final String REVIEW_NOTE = "reviewNote";
    public static final String CONTINUATION_DECISION = "continuationDecision";
    public static final String CONTINUATION_REASON = "continuationReason";
    public static final String BACKUP_TAKEN = "backupTaken";
    public static final String BACKUP_NOTE = "backupNote";
    public static final String USAGE_DIFFERS = "usageDiffers";
    public static final String CURRENT_INFORMATION_TYPES = "currentInformationTypes";
    public static final String USAGE_NOTE = "usageNote";
    public static final String RECLASSIFICATION = "reclassification";
    public static final String RECLASSIFICATION_SUMMARY = "reclassificationSummary";
    public static final String USAGE_APPROPRIATE = "usageAppropriate";
    public static final String USAGE_CHECK_NOTE = "usageCheckNote";
    public static final String ALERT_NOTE = "alertNote";
    public static final String EVENT_DESCRIPTION = "eventDescription";
    public static final String STOP_REASON = "stopReason";

    private Var() {}
  }

  /** Values of {@link Var#REVIEW_RESULT} (002 §6(1), §6(2)). */
  public enum ReviewResult {
    NO_CHANGE,
    CHANGED,
    OVERSEAS_DATA
  }

  /** Values of {@link Var#CONTINUATION_DECISION}. */
  public enum ContinuationDecision {
    CONTINUE,
    STOP
  }

  /** Values of {@link Var#RECLASSIFICATION} (ruling R-16). */
  public enum Reclassification {
    SAME_ROUTE,
    ROUTE_CHANGED,
    FORBIDDEN
  }

  private OperationProcess() {}
}
