package jp.lg.externalservice.system;

import java.time.Duration;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, used in the diagrams as {@code ${dueDates.applicantTask()}}. The
 * durations are ISO 8601 and configurable in {@code application.yaml}; they count from the engine
 * clock, so tests can move it.
 */
@Component("dueDates")
public class DueDates {

  private final Duration applicantTask;
  private final Duration reviewTask;

  public DueDates(
      @Value("${external-service.due.applicant-task:P14D}") Duration applicantTask,
      @Value("${external-service.due.review-task:P10D}") Duration reviewTask) {
    this.applicantTask = applicantTask;
    this.reviewTask = reviewTask;
  }

  /** Tasks of the applicant: preparation and self-checks. */
  public Date applicantTask() {
    return from(applicantTask);
  }

  /** Tasks of 情報政策課 (default 10 days). */
  public Date reviewTask() {
    return from(reviewTask);
  }

  /**
   * The applicant's period as an ISO 8601 duration, for timers that escalate an overdue applicant
   * task.
   */
  public String applicantPeriod() {
    return applicantTask.toString();
  }

  /** The review period as an ISO 8601 duration, for the non-interrupting "期限超過" timers. */
  public String reviewPeriod() {
    return reviewTask.toString();
  }

  private static Date from(Duration duration) {
    return Date.from(JapanClock.now().plus(duration));
  }
}
