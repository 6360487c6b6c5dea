package jp.lg.externalservice.caselist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates as staff write them: 2027年4月1日, not 2027-04-01. */
final class JapaneseDates {

  private JapaneseDates() {}

  /** An ISO date (as the forms store it) in Japanese; anything else as it is. */
  static String date(Object value) {
    if (value == null) {
      return "—";
    }
    String text = String.valueOf(value);
    try {
      LocalDate day = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    } catch (DateTimeParseException e) {
      return text;
    }
  }
}
