package jp.lg.externalservice.caserecord;

/**
 * The keys of the five diagrams in {@code processes/} and the messages between them, declared once
 * below the flows: a flow starts or ends another through these names and never imports it. Each
 * flow's backing class ({@code ApplicationProcess.KEY} …) refers to its key here.
 */
public final class CaseProcesses {

  public static final String APPLICATION = "external-service-application";
  public static final String REVIEW = "external-service-review";
  public static final String SNS_REGISTRATION = "sns-account-registration";
  public static final String OPERATION = "external-service-operation";
  public static final String TERMINATION = "external-service-termination";

  /** Starts the operation of an approved service; business key = registry entry id. */
  public static final String MESSAGE_SERVICE_APPROVED = "Message_ServiceApproved";

  /** Ends the operation when the entry is terminated or renewed. */
  public static final String MESSAGE_OPERATION_CLOSED = "Message_OperationClosed";

  /** Starts the termination of a suspended service. */
  public static final String MESSAGE_TERMINATION_REQUIRED = "Message_TerminationRequired";

  private CaseProcesses() {}
}
