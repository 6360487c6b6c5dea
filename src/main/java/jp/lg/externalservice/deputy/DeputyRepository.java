package jp.lg.externalservice.deputy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The deputy assignments ({@code V9__deputy.sql}), plain JDBC in the application's DataSource like
 * the case record: inside the engine's transaction.
 */
@Repository
class DeputyRepository {

  /** The most rows one listing returns (an administrator's view of everyone's). */
  static final int MAX_LIST = 500;

  private static final RowMapper<DeputyAssignment> ROW =
      (rs, row) ->
          new DeputyAssignment(
              rs.getLong("id"),
              rs.getString("principal"),
              rs.getString("deputy"),
              rs.getObject("starts_on", LocalDate.class),
              rs.getObject("ends_on", LocalDate.class),
              rs.getString("reason"),
              rs.getString("created_by"),
              instant(rs, "created_at"),
              instant(rs, "revoked_at"),
              rs.getString("revoked_by"));

  private final NamedParameterJdbcTemplate jdbc;

  DeputyRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      String principal,
      String deputy,
      LocalDate startsOn,
      LocalDate endsOn,
      String reason,
      String createdBy,
      Instant createdAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        "INSERT INTO deputy_assignment (principal, deputy, starts_on, ends_on, reason, created_by, created_at) "
            + "VALUES (:principal, :deputy, :startsOn, :endsOn, :reason, :createdBy, :createdAt)",
        new MapSqlParameterSource("principal", principal)
            .addValue("deputy", deputy)
            .addValue("startsOn", startsOn)
            .addValue("endsOn", endsOn)
            .addValue("reason", reason)
            .addValue("createdBy", createdBy)
            .addValue("createdAt", createdAt.atOffset(ZoneOffset.UTC)),
        key,
        new String[] {"id"});
    return key.getKey().longValue();
  }

  Optional<DeputyAssignment> find(long id) {
    return jdbc
        .query(
            "SELECT * FROM deputy_assignment WHERE id = :id",
            new MapSqlParameterSource("id", id),
            ROW)
        .stream()
        .findFirst();
  }

  /** Revokes it unless it is revoked already; whether this call revoked it. */
  boolean revoke(long id, String revokedBy, Instant at) {
    return jdbc.update(
            "UPDATE deputy_assignment SET revoked_at = :at, revoked_by = :by "
                + "WHERE id = :id AND revoked_at IS NULL",
            new MapSqlParameterSource("id", id)
                .addValue("by", revokedBy)
                .addValue("at", at.atOffset(ZoneOffset.UTC)))
        == 1;
  }

  /** The principal's assignments, newest range first. */
  List<DeputyAssignment> ofPrincipal(String principal) {
    return jdbc.query(
        "SELECT * FROM deputy_assignment WHERE principal = :principal "
            + "ORDER BY starts_on DESC, id DESC FETCH FIRST "
            + MAX_LIST
            + " ROWS ONLY",
        new MapSqlParameterSource("principal", principal),
        ROW);
  }

  /**
   * Holds the lock row ({@code deputy_assignment_lock}, V10) until the transaction ends, so that
   * two assignments checked at the same moment (the person herself and an administrator, or A→B and
   * B→C) are checked one after the other: the overlap rules read rows the other has not committed
   * yet. Readers are not blocked.
   */
  void lockAssignments() {
    jdbc.queryForList(
        "SELECT id FROM deputy_assignment_lock WHERE id = 1 FOR UPDATE",
        new MapSqlParameterSource(),
        Integer.class);
  }

  /**
   * Whether an assignment of {@code principal} that is not revoked shares a day with {@code
   * from}..{@code to}: asked of every row, not of the listed 500.
   */
  boolean principalOverlaps(String principal, LocalDate from, LocalDate to) {
    return overlaps("principal", principal, from, to);
  }

  /** Whether {@code deputy} stands in (not revoked) on a day of {@code from}..{@code to}. */
  boolean deputyOverlaps(String deputy, LocalDate from, LocalDate to) {
    return overlaps("deputy", deputy, from, to);
  }

  private boolean overlaps(String column, String userId, LocalDate from, LocalDate to) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM deputy_assignment WHERE "
                + column
                + " = :user AND revoked_at IS NULL AND starts_on <= :to AND ends_on >= :from",
            new MapSqlParameterSource("user", userId).addValue("from", from).addValue("to", to),
            Integer.class);
    return count != null && count > 0;
  }

  /** The assignments in which {@code deputy} stands in, newest range first. */
  List<DeputyAssignment> ofDeputy(String deputy) {
    return jdbc.query(
        "SELECT * FROM deputy_assignment WHERE deputy = :deputy "
            + "ORDER BY starts_on DESC, id DESC FETCH FIRST "
            + MAX_LIST
            + " ROWS ONLY",
        new MapSqlParameterSource("deputy", deputy),
        ROW);
  }

  /** Everyone's, newest range first (administrators). */
  List<DeputyAssignment> all() {
    return jdbc.query(
        "SELECT * FROM deputy_assignment ORDER BY starts_on DESC, id DESC FETCH FIRST "
            + MAX_LIST
            + " ROWS ONLY",
        ROW);
  }

  /** The assignments in force on {@code day}. */
  List<DeputyAssignment> activeOn(LocalDate day) {
    return jdbc.query(
        "SELECT * FROM deputy_assignment WHERE revoked_at IS NULL AND starts_on <= :day AND ends_on >= :day "
            + "ORDER BY id",
        new MapSqlParameterSource("day", day),
        ROW);
  }

  /** Everyone who has ever been named deputy: whose candidate links a scan may have to end. */
  List<String> deputies() {
    return jdbc.queryForList(
        "SELECT DISTINCT deputy FROM deputy_assignment ORDER BY deputy",
        new MapSqlParameterSource(),
        String.class);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
