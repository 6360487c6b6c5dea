package jp.lg.externalservice.notification;

import java.time.Instant;

/** A row of the outbox as administrators read it ({@code GET /api/admin/notifications}). */
public record OutboxEntry(
    long id,
    NotificationKind kind,
    String kindLabel,
    String recipient,
    String address,
    String subject,
    String body,
    String link,
    String caseNumber,
    Instant createdAt,
    OutboxStatus status,
    String statusLabel,
    int attempts,
    Instant nextAttemptAt,
    Instant sentAt,
    String lastError) {}
