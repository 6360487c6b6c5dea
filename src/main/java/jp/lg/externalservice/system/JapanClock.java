package jp.lg.externalservice.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the engine's, read in Asia/Tokyo. Dates in records are Japanese
 * calendar days whatever the server's time zone (issue #12, item 11), and a test that moves the
 * engine clock ({@code ClockUtil.setCurrentTime}) moves every date the application records with it.
 * Static, like the engine clock it reads, so that reading the time needs no wiring in the
 * delegates. Domain code reads the time here only, never {@code ZoneId.systemDefault()}, {@code
 * LocalDate.now()}, {@code Instant.now()} or {@code new Date()}.
 */
public final class JapanClock {

  /** The organisation's time zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  private JapanClock() {}

  /** Now, on the engine clock. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** A day as staff write it: 2027年4月1日 (not 2027-04-01). */
  public static String japanese(LocalDate day) {
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }

  /** Today in Japan. */
  public static LocalDate today() {
    return dayOf(now());
  }

  /** The Japanese calendar day of an instant. */
  public static LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZONE);
  }

  /** The Japanese calendar day of an engine date (a date variable, a history timestamp). */
  public static LocalDate dayOf(Date date) {
    return dayOf(date.toInstant());
  }

  /** Midnight at the start of a Japanese calendar day. */
  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toInstant();
  }
}
