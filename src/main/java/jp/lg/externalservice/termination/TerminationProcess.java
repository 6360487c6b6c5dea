package jp.lg.externalservice.termination;

import jp.lg.externalservice.caserecord.CaseProcesses;

/** The termination process ({@code processes/external-service-termination.bpmn}): key, element ids, variables. */
public final class TerminationProcess {

  public static final String KEY = CaseProcesses.TERMINATION;

  /** Element ids of the diagram. */
  public static final class Element {
    /** A stop of use starts the termination; the service manager then files the 終了確認書 in a task. */
    public static final String START_STOP_OF_USE = "StartEvent_TerminationRequired";
    /** The requester files the 終了確認書 in the start form. */
    public static final String START_REQUESTED = "StartEvent_TerminationRequested";
    public static final String FILL_TERMINATION_REQUEST = "Task_FillTerminationRequest";
    public static final String DOUBLE_CHECK = "Task_DoubleCheckTermination";
    public static final String COMPLETE_TERMINATION = "Task_CompleteTermination";
    public static final String ESCALATE = "Task_EscalateTermination";
    public static final String ACKNOWLEDGE_REPORT = "Task_AcknowledgeTerminationReport";
    public static final String CLOSE_REGISTRY_ENTRY = "Task_CloseRegistryEntry";
    public static final String END_TERMINATED = "Event_Terminated";
    /** The correction's deadline (timer) and the end of its escalation. */
    public static final String TERMINATION_OVERDUE = "Event_TerminationOverdue";
    public static final String END_ESCALATED = "Event_TerminationEscalated";

    private Element() {}
  }

  /** Process variables of the termination; the shared ones are in {@code CaseVariables}. */
  public static final class Var {
    public static final String INFORMATION_HANDLED = "informationHandled";
    public static final String END_DATE = "endDate";
    public static final String AGREED_AT_TERMINATION = "agreedAtTermination";
    public static final String DISPOSAL_PROOF = "disposalProof";
    public static final String REPORT_CHANNEL = "reportChannel";
    /** The requester's answers to the four items of the 終了確認書 (002 §7(2)). */
    public static final String TERMINATION_CHECK = "terminationCheck";
    /** 様式6 (renewal/disposal checklist, 001 8.2(6)) for route IMPORTANT. */
    public static final String DISPOSAL_CHECKLIST = "disposalChecklist";
    /** The 利用責任者's answers to the four items. */
    public static final String TERMINATION_DOUBLE_CHECK = "terminationDoubleCheck";
    public static final String TERMINATION_DECISION = "terminationDecision";
    public static final String TERMINATION_COMMENT = "terminationComment";
    public static final String TERMINATION_ROWS = "terminationRows";

    private Var() {}
  }

  /** Values of {@link Var#REPORT_CHANNEL}: 様式3 to 情報政策課, or the yearly 情報システム台帳調査 (ruling R-5). */
  public enum ReportChannel {
    FORM3,
    LEDGER_SURVEY
  }

  /** Values of {@link Var#TERMINATION_DECISION}. */
  public enum TerminationDecision {
    CONFIRM,
    RETURN
  }

  private TerminationProcess() {}
}
