package jp.lg.externalservice.termination;

import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.system.Var;

/**
 * The termination process ({@code processes/external-service-termination.bpmn}): key, element ids,
 * variables.
 */
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
  public static final class Variables {
    public static final Var<String> INFORMATION_HANDLED = Var.string("informationHandled");
    public static final Var<String> END_DATE = Var.string("endDate");
    public static final Var<String> AGREED_AT_TERMINATION = Var.string("agreedAtTermination");
    public static final Var<String> DISPOSAL_PROOF = Var.string("disposalProof");
    public static final Var<ReportChannel> REPORT_CHANNEL =
        Var.enumeration("reportChannel", ReportChannel.class);

    /** The requester's answers to the four items of the 終了確認書 (002 §7(2)). */
    public static final Var<Object> TERMINATION_CHECK = Var.json("terminationCheck");

    /** 様式6 (renewal/disposal checklist, 001 8.2(6)) for route IMPORTANT. */
    public static final Var<Object> DISPOSAL_CHECKLIST = Var.json("disposalChecklist");

    /** The 利用責任者's answers to the four items. */
    public static final Var<Object> TERMINATION_DOUBLE_CHECK = Var.json("terminationDoubleCheck");

    public static final Var<TerminationDecision> TERMINATION_DECISION =
        Var.enumeration("terminationDecision", TerminationDecision.class);
    public static final Var<String> TERMINATION_COMMENT = Var.string("terminationComment");
    public static final Var<Object> TERMINATION_ROWS = Var.json("terminationRows");

    private Variables() {}
  }

  /**
   * Values of {@link Variables#REPORT_CHANNEL}: 様式3 to 情報政策課, or the yearly 情報システム台帳調査 (ruling
   *
   */
  public enum ReportChannel {
    FORM3,
    LEDGER_SURVEY
  }

  /** Values of {@link Variables#TERMINATION_DECISION}. */
  public enum TerminationDecision {
    CONFIRM,
    RETURN
  }

  private TerminationProcess() {}
}
