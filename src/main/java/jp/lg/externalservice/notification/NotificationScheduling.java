package jp.lg.externalservice.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs {@link ReminderScan} and {@link OutboxSender} on Spring's scheduler, on every node: the
 * outbox's dedup key and claims make that safe.
 */
@Configuration
@EnableScheduling
class NotificationScheduling {}
