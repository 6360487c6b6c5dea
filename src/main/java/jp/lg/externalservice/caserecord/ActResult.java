package jp.lg.externalservice.caserecord;

/**
 * The result of an act on a case, one vocabulary for every flow: each check maps its form's choice
 * onto it (the step tells which task it was, e.g. {@code APPROVED} at {@code Task_Review} is a
 * recommendation).
 */
public enum ActResult {
  /**
   * The applicant (or service manager) filed their form: the application, a preparation, a
   * self-check.
   */
  SUBMITTED,
  /** The applicant withdrew at the preparation (004 §7). */
  WITHDRAWN,
  /** The service manager acknowledged the 約款 risks (002 §5(3)). */
  ACKNOWLEDGED,
  /** The double check forwards the application to the review. */
  FORWARDED,
  APPROVED,
  REJECTED,
  /** Sent back to the applicant (or the service manager) for correction. */
  RETURNED,
  /** The review asks NISC for advice (ruling R-19). */
  NISC_ADVICE_REQUESTED,
  /** A termination double check confirms the 終了確認書. */
  CONFIRMED,
  /** A result was recorded (e.g. of the prior consultation). */
  RECORDED
}
