package jp.lg.externalservice.notification;

/**
 * What a mail is about (issue 15, part 1). Each user may switch off any kind ({@code GET/PUT
 * /api/me/notification-settings}); the label is what the settings page and the outbox show.
 */
public enum NotificationKind {
  TASK_ASSIGNED("自分に割り当てられたタスク"),
  GROUP_TASK("自分のグループに届いたタスク"),
  DUE_SOON("期限が近いタスク"),
  OVERDUE("期限を過ぎたタスク"),
  RETURNED("申請の差戻し"),
  REJECTED("申請の不承認"),
  APPROVED("申請の承認"),
  /** The application was withdrawn: its open tasks are gone (issue 16). */
  WITHDRAWN("申請の取下げ"),
  OPERATION_DUTY("運用の定期業務"),
  USE_STOPPED("利用の停止"),
  TERMINATION("利用終了の手続"),
  CERTIFICATION_LAPSED("第三者認証の失効"),
  SUCCESSOR_NAMED("後任への指名");

  private final String label;

  NotificationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
