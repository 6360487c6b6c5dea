package jp.lg.externalservice.notification;

import java.time.Instant;
import jp.lg.externalservice.system.JapanClock;

/**
 * The Japanese text of a mail: the subject with the case number, and a body with what to do, the
 * case number, the service, the due date (2027年4月1日, as staff write dates) and the link. Sizes stay
 * within the outbox columns.
 */
final class MailText {

  static final String PREFIX = "【外部サービス管理】";
  static final int MAX_SUBJECT = 200;
  static final int MAX_BODY = 4000;

  private MailText() {}

  static String subject(Notice notice) {
    String subject =
        PREFIX
            + notice.subject()
            + (notice.caseNumber() == null ? "" : "（受付番号 " + notice.caseNumber() + "）");
    return cut(subject, MAX_SUBJECT);
  }

  static String body(String recipientName, Notice notice, String link) {
    StringBuilder text = new StringBuilder();
    text.append(recipientName).append(" 様\n\n");
    String facts =
        "\n"
            + line("受付番号", notice.caseNumber())
            + line("サービス", notice.serviceName())
            + line("期限", notice.due() == null ? null : date(notice.due()))
            + line("リンク", link)
            + "\nこのメールは外部サービス利用申請・審査システムが自動で送信しています。返信はできません。\n"
            + "通知の種類ごとの受け取りは、タスク一覧の「通知設定」で変えられます。\n";
    int room = MAX_BODY - text.length() - facts.length() - 2;
    text.append(cut(notice.whatToDo(), Math.max(room, 0))).append('\n').append(facts);
    return cut(text.toString(), MAX_BODY);
  }

  /** 2027年4月1日 for an instant, in Japan. */
  static String date(Instant instant) {
    return JapanClock.japanese(JapanClock.dayOf(instant));
  }

  private static String line(String label, String value) {
    return value == null || value.isBlank() ? "" : label + "：" + value + "\n";
  }

  static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
