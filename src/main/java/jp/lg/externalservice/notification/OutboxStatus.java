package jp.lg.externalservice.notification;

/** Where a mail of the outbox is. */
public enum OutboxStatus {
  /** Waiting to be sent, or to be tried again after a failure (then {@code attempts} > 0). */
  PENDING("未送信"),
  SENT("送信済み"),
  /** Given up after {@code external-service.notifications.max-attempts}: visible, never deleted. */
  FAILED("送信失敗");

  private final String label;

  OutboxStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
