package jp.lg.externalservice.caselist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import jp.lg.externalservice.system.JapanClock;

/** Dates as staff write them: 2027年4月1日, not 2027-04-01 (申請一覧 and the PDF documents of a case). */
public final class JapaneseDates {

  private JapaneseDates() {}

  /** An ISO date (as the forms store it) in Japanese; anything else as it is. */
  public static String date(Object value) {
    if (value == null) {
      return "—";
    }
    String text = String.valueOf(value);
    try {
      LocalDate day = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      return JapanClock.japanese(day);
    } catch (DateTimeParseException e) {
      return text;
    }
  }

  /** A moment in Japan's time: 2027年4月1日 9:05. */
  public static String dateTime(Instant instant) {
    if (instant == null) {
      return "—";
    }
    ZonedDateTime at = instant.atZone(JapanClock.ZONE);
    return date(at.toLocalDate()) + String.format(" %d:%02d", at.getHour(), at.getMinute());
  }
}
