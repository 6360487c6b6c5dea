package jp.lg.externalservice.notification;

import java.time.Duration;
import jp.lg.externalservice.system.JapanClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox does not grow without end: a sent mail is kept {@code
 * external-service.notifications.keep-sent} (default 400 days: a fiscal year and its audit), then
 * deleted. What happened in a case stays in its audit record; pending and failed mails are never
 * deleted. Every node runs it; deleting the same rows twice is harmless.
 */
@Component
public class OutboxRetention {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRetention.class);

  private final NotificationOutbox outbox;
  private final Duration keepSent;

  OutboxRetention(
      NotificationOutbox outbox,
      @Value("${external-service.notifications.keep-sent:P400D}") Duration keepSent) {
    this.outbox = outbox;
    this.keepSent = keepSent;
  }

  @Scheduled(cron = "${external-service.notifications.retention-cron:0 30 3 * * *}")
  public void scheduled() {
    try {
      int deleted = deleteOld();
      if (deleted > 0) {
        LOG.info("deleted {} sent mails older than {}", deleted, keepSent);
      }
    } catch (RuntimeException e) {
      LOG.warn("deleting old sent mails failed; it runs again tomorrow", e);
    }
  }

  /** Deletes the mails sent before the retention period; returns how many. */
  public int deleteOld() {
    return outbox.deleteSentBefore(JapanClock.now().minus(keepSent));
  }
}
