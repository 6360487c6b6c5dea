package jp.lg.externalservice.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox table ({@code db/migration/V5__notification_outbox.sql}) through plain JDBC in the
 * application's DataSource, like the case record: a write inside an engine command joins the
 * engine's transaction, so a rolled-back completion leaves no mail behind.
 */
@Repository
class NotificationOutbox {

  /** A row to write. */
  record NewMail(
      NotificationKind kind,
      String recipient,
      String address,
      String subject,
      String body,
      String link,
      String caseNumber,
      String dedupKey) {}

  private static final RowMapper<OutboxEntry> ENTRY =
      (rs, row) -> {
        NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
        OutboxStatus status = OutboxStatus.valueOf(rs.getString("status"));
        return new OutboxEntry(
            rs.getLong("id"),
            kind,
            kind.label(),
            rs.getString("recipient"),
            rs.getString("address"),
            rs.getString("subject"),
            rs.getString("body"),
            rs.getString("link"),
            rs.getString("case_number"),
            instant(rs, "created_at"),
            status,
            status.label(),
            rs.getInt("attempts"),
            instant(rs, "next_attempt_at"),
            instant(rs, "sent_at"),
            rs.getString("last_error"));
      };

  private final NamedParameterJdbcTemplate jdbc;

  NotificationOutbox(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(NewMail mail, Instant now) {
    jdbc.update(
        "INSERT INTO notification_outbox (kind, recipient, address, subject, body, link, case_number, "
            + "dedup_key, created_at, status, attempts, next_attempt_at) VALUES (:kind, :recipient, :address, "
            + ":subject, :body, :link, :caseNumber, :dedupKey, :now, 'PENDING', 0, :now)",
        new MapSqlParameterSource("kind", mail.kind().name())
            .addValue("recipient", mail.recipient())
            .addValue("address", mail.address())
            .addValue("subject", mail.subject())
            .addValue("body", mail.body())
            .addValue("link", mail.link())
            .addValue("caseNumber", mail.caseNumber())
            .addValue("dedupKey", mail.dedupKey())
            .addValue("now", timestamp(now)));
  }

  /** Deletes the mails sent before {@code before}; pending and failed ones stay. */
  int deleteSentBefore(Instant before) {
    return jdbc.update(
        "DELETE FROM notification_outbox WHERE status = 'SENT' AND sent_at < :before",
        new MapSqlParameterSource("before", timestamp(before)));
  }

  boolean exists(String dedupKey) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM notification_outbox WHERE dedup_key = :key",
            new MapSqlParameterSource("key", dedupKey),
            Integer.class);
    return count != null && count > 0;
  }

  /** Ids of rows due to be sent and not held by a live claim, oldest first. */
  List<Long> due(Instant now, int limit) {
    return jdbc.queryForList(
        "SELECT id FROM notification_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now "
            + "AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY id FETCH FIRST "
            + limit
            + " ROWS ONLY",
        new MapSqlParameterSource("now", timestamp(now)),
        Long.class);
  }

  /**
   * Takes row {@code id} for {@code node} until {@code until}: one conditional UPDATE, so of two
   * nodes that try at once exactly one gets 1 row back. A claim that outlives a crashed node
   * expires and the row is taken again.
   */
  boolean claim(long id, String node, Instant now, Instant until) {
    return jdbc.update(
            "UPDATE notification_outbox SET claimed_by = :node, claimed_until = :until WHERE id = :id "
                + "AND status = 'PENDING' AND next_attempt_at <= :now "
                + "AND (claimed_until IS NULL OR claimed_until < :now)",
            new MapSqlParameterSource("id", id)
                .addValue("node", node)
                .addValue("now", timestamp(now))
                .addValue("until", timestamp(until)))
        == 1;
  }

  void markSent(long id, String node, Instant now) {
    jdbc.update(
        "UPDATE notification_outbox SET status = 'SENT', sent_at = :now, last_error = NULL, "
            // claimed_by stays: the node that sent it, for the administrators and the cluster test
            + "attempts = attempts + 1, claimed_until = NULL "
            + "WHERE id = :id AND claimed_by = :node",
        new MapSqlParameterSource("id", id).addValue("node", node).addValue("now", timestamp(now)));
  }

  void markFailed(long id, String node, OutboxStatus status, Instant nextAttempt, String error) {
    jdbc.update(
        "UPDATE notification_outbox SET status = :status, attempts = attempts + 1, "
            + "next_attempt_at = :next, last_error = :error, claimed_by = NULL, claimed_until = NULL "
            + "WHERE id = :id AND claimed_by = :node",
        new MapSqlParameterSource("id", id)
            .addValue("node", node)
            .addValue("status", status.name())
            .addValue("next", timestamp(nextAttempt))
            .addValue("error", error));
  }

  Optional<OutboxEntry> find(long id) {
    return jdbc
        .query(
            "SELECT * FROM notification_outbox WHERE id = :id",
            new MapSqlParameterSource("id", id),
            ENTRY)
        .stream()
        .findFirst();
  }

  /** A page of the outbox, newest first; {@code status} null = every status. */
  List<OutboxEntry> page(OutboxStatus status, int offset, int size) {
    return jdbc.query(
        "SELECT * FROM notification_outbox"
            + (status == null ? "" : " WHERE status = :status")
            + " ORDER BY id DESC OFFSET "
            + offset
            + " ROWS FETCH NEXT "
            + size
            + " ROWS ONLY",
        new MapSqlParameterSource("status", status == null ? null : status.name()),
        ENTRY);
  }

  long count(OutboxStatus status) {
    Long count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM notification_outbox"
                + (status == null ? "" : " WHERE status = :status"),
            new MapSqlParameterSource("status", status == null ? null : status.name()),
            Long.class);
    return count == null ? 0 : count;
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
