package jp.lg.externalservice.succession;

/** The answer of 「後任を指名する」 ({@code forms/successor-appointment.form}). */
public enum SuccessionDecision {
  /** A successor is named: the registry entry, the open tasks and a mail follow. */
  NAME,
  /**
   * No successor is needed: the person is back, the entry has ended or someone else holds the role.
   */
  NOT_NEEDED
}
