package jp.lg.externalservice.operation;

import java.time.Duration;
import java.util.Date;
import jp.lg.externalservice.system.JapanClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The periodic duties of operation, used in the diagram as {@code
 * ${operationSchedule.monthlyBackup()}} etc. ISO 8601 repeating intervals and durations,
 * configurable in {@code application.yaml} (tests run them fast by moving the engine clock).
 */
@Component("operationSchedule")
public class OperationSchedule {

  private final String quarterlyReview;
  private final String monthlyBackup;
  private final String monthlyUsageCheck;
  private final String yearlyCheck;
  private final Duration dutyPeriod;

  public OperationSchedule(
      @Value("${external-service.operation.quarterly-review:R/P3M}") String quarterlyReview,
      @Value("${external-service.operation.monthly-backup:R/P1M}") String monthlyBackup,
      @Value("${external-service.operation.monthly-usage-check:R/P1M}") String monthlyUsageCheck,
      @Value("${external-service.operation.yearly-check:R/P1Y}") String yearlyCheck,
      @Value("${external-service.operation.duty-period:P14D}") Duration dutyPeriod) {
    this.quarterlyReview = quarterlyReview;
    this.monthlyBackup = monthlyBackup;
    this.monthlyUsageCheck = monthlyUsageCheck;
    this.yearlyCheck = yearlyCheck;
    this.dutyPeriod = dutyPeriod;
  }

  /** 002 §6(1): about once a quarter. */
  public String quarterlyReview() {
    return quarterlyReview;
  }

  /** 002 §6(5): at least once a month. */
  public String monthlyBackup() {
    return monthlyBackup;
  }

  /** 002 §6(6): every month. */
  public String monthlyUsageCheck() {
    return monthlyUsageCheck;
  }

  /** 004 §11, §13 (about once a year) with the 004 §14 usage check (ruling R-20). */
  public String yearlyCheck() {
    return yearlyCheck;
  }

  /** Time to complete a duty; after it the department's 所属長 is notified. */
  public String dutyPeriod() {
    return dutyPeriod.toString();
  }

  public Date dutyDueDate() {
    return Date.from(JapanClock.now().plus(dutyPeriod));
  }
}
