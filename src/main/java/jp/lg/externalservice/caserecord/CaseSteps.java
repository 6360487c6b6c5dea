package jp.lg.externalservice.caserecord;

/**
 * The steps whose acts decide a case, by their element ids in the diagrams. {@link CaseDecision}
 * reads them from the case record for the gateways of three diagrams; the flows' backing classes
 * declare these ids by referring here.
 */
public final class CaseSteps {

  /** The department's double check (application): a return or a rejection decides. */
  public static final String DOUBLE_CHECK = "Task_DoubleCheck";

  /** The review by 情報政策課: a return decides; an approval or rejection is a recommendation. */
  public static final String REVIEW = "Task_Review";

  /** The decision of the head of 情報政策課. */
  public static final String DECIDE = "Task_Decide";

  /** The 利用責任者's approval of an SNS registration. */
  public static final String APPROVE_SNS_REGISTRATION = "Task_ApproveSnsRegistration";

  private CaseSteps() {}
}
