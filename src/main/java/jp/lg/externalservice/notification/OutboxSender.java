package jp.lg.externalservice.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import jp.lg.externalservice.system.JapanClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox (issue 15, part 1) when a mail server is configured ({@code spring.mail.host}:
 * Spring Boot then provides a {@link JavaMailSender}); without one the mails stay in the outbox,
 * readable by administrators. Each node claims due rows one by one with a conditional UPDATE
 * ({@link NotificationOutbox#claim}), so two nodes never send the same row; a row is marked SENT
 * after the server accepted it. A failure counts an attempt and waits (1 min, doubled each time, at
 * most 1 h) before the next; after {@code max-attempts} the row is FAILED and stays visible. A node
 * that dies between the server's acceptance and the SENT mark leaves a claim that expires: that one
 * mail is then sent again — the only duplicate possible, and {@code X-Notification-Id} names it.
 */
@Component
public class OutboxSender {

  /** The outbox id of a mail, in its header: a receiver (or a test) can tell a duplicate. */
  public static final String ID_HEADER = "X-Notification-Id";

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 50;
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  private static final Duration LAST_RETRY = Duration.ofHours(1);

  private final NotificationOutbox outbox;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final String from;
  private final int maxAttempts;
  private final Duration claimFor;
  private final String node;

  OutboxSender(
      NotificationOutbox outbox,
      ObjectProvider<JavaMailSender> mailSender,
      @Value("${external-service.notifications.from:外部サービス管理 <no-reply@localhost>}") String from,
      @Value("${external-service.notifications.max-attempts:20}") int maxAttempts,
      @Value("${external-service.notifications.claim-for:PT5M}") Duration claimFor) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.from = from;
    this.maxAttempts = maxAttempts;
    this.claimFor = claimFor;
    this.node = nodeName();
  }

  /** Whether mails are sent at all ({@code spring.mail.host} is set). */
  public boolean enabled() {
    return mailSender.getIfAvailable() != null;
  }

  @Scheduled(
      fixedDelayString = "${external-service.notifications.send-interval:PT30S}",
      initialDelayString = "${external-service.notifications.send-initial-delay:PT30S}")
  public void scheduled() {
    try {
      sendDue();
    } catch (RuntimeException e) {
      LOG.warn("sending the outbox failed; it runs again at the next interval", e);
    }
  }

  /** Sends what is due now; returns the number of mails the server accepted. */
  public int sendDue() {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    int sent = 0;
    Instant now = JapanClock.now();
    for (long id : outbox.due(now, BATCH)) {
      if (!outbox.claim(id, node, now, now.plus(claimFor))) {
        continue; // another node has it
      }
      OutboxEntry mail = outbox.find(id).orElseThrow();
      try {
        sender.send(message(sender, mail));
        outbox.markSent(id, node, JapanClock.now());
        sent++;
      } catch (MailException | MessagingException e) {
        int attempts = mail.attempts() + 1;
        boolean givenUp = attempts >= maxAttempts;
        outbox.markFailed(
            id,
            node,
            givenUp ? OutboxStatus.FAILED : OutboxStatus.PENDING,
            JapanClock.now().plus(backoff(attempts)),
            MailText.cut(e.getClass().getSimpleName() + ": " + e.getMessage(), 1000));
        LOG.warn(
            "notification {} to {} not sent (attempt {}{}): {}",
            id,
            mail.recipient(),
            attempts,
            givenUp ? ", given up" : "",
            e.getMessage());
      }
    }
    return sent;
  }

  /** The wait after {@code attempts} failures: 1 min, 2, 4 … at most 1 h. */
  static Duration backoff(int attempts) {
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
    return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
  }

  private MimeMessage message(JavaMailSender sender, OutboxEntry mail) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(from);
    helper.setTo(mail.address());
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    message.setHeader(ID_HEADER, Long.toString(mail.id()));
    return message;
  }

  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "node";
    }
    return MailText.cut(host, 60) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
