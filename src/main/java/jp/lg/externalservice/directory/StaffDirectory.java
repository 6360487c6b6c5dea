package jp.lg.externalservice.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tables of {@code V8__staff_directory.sql} through plain JDBC in the application's DataSource:
 * inside the synchronisation's transaction, with the engine's identity writes.
 */
@Repository
public class StaffDirectory {

  /** A row: what the directory last said about a user. */
  public record Entry(
      String userId,
      String dn,
      String lastNameKana,
      String firstNameKana,
      String departmentCode,
      Instant syncedAt,
      Instant leftAt) {

    public boolean left() {
      return leftAt != null;
    }
  }

  private final NamedParameterJdbcTemplate jdbc;

  StaffDirectory(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits for, and holds until the transaction ends, the one lock of the synchronisation. */
  void lock() {
    jdbc.queryForList(
        "SELECT id FROM directory_sync WHERE id = 1 FOR UPDATE", Map.of(), Integer.class);
  }

  void recordRun(Instant at, String node, String result) {
    jdbc.update(
        "UPDATE directory_sync SET last_run_at = :at, last_run_by = :node, last_result = :result WHERE id = 1",
        new MapSqlParameterSource("at", Timestamp.from(at))
            .addValue("node", node)
            .addValue("result", result.length() > 4000 ? result.substring(0, 4000) : result));
  }

  /** The last run of any node: when, where, and its summary (empty before the first). */
  public record LastRun(Instant at, String node, String result) {}

  Optional<LastRun> lastRun() {
    return jdbc
        .query(
            "SELECT last_run_at, last_run_by, last_result FROM directory_sync WHERE id = 1 "
                + "AND last_run_at IS NOT NULL",
            (rs, row) ->
                new LastRun(
                    rs.getTimestamp("last_run_at").toInstant(),
                    rs.getString("last_run_by"),
                    rs.getString("last_result")))
        .stream()
        .findFirst();
  }

  Map<String, Entry> all() {
    return all("", new MapSqlParameterSource());
  }

  private Map<String, Entry> all(String where, MapSqlParameterSource parameters) {
    Map<String, Entry> entries = new HashMap<>();
    jdbc.query(
        "SELECT user_id, distinguished_name, last_name_kana, first_name_kana, department_code, synced_at, left_at "
            + "FROM staff_directory"
            + where,
        parameters,
        rs -> {
          Timestamp left = rs.getTimestamp("left_at");
          entries.put(
              rs.getString("user_id"),
              new Entry(
                  rs.getString("user_id"),
                  rs.getString("distinguished_name"),
                  rs.getString("last_name_kana"),
                  rs.getString("first_name_kana"),
                  rs.getString("department_code"),
                  rs.getTimestamp("synced_at").toInstant(),
                  left == null ? null : left.toInstant()));
        });
    return entries;
  }

  public Optional<Entry> find(String userId) {
    return all(" WHERE user_id = :id", new MapSqlParameterSource("id", userId)).values().stream()
        .findFirst();
  }

  void save(DirectoryReader.Person person, Instant now, boolean exists) {
    MapSqlParameterSource values =
        new MapSqlParameterSource("id", person.id())
            .addValue("dn", person.dn())
            .addValue("lastKana", person.lastNameKana())
            .addValue("firstKana", person.firstNameKana())
            .addValue("department", person.departmentCode())
            .addValue("now", Timestamp.from(now));
    jdbc.update(
        exists
            ? "UPDATE staff_directory SET distinguished_name = :dn, last_name_kana = :lastKana, "
                + "first_name_kana = :firstKana, department_code = :department, synced_at = :now, left_at = NULL "
                + "WHERE user_id = :id"
            : "INSERT INTO staff_directory (user_id, distinguished_name, last_name_kana, first_name_kana, "
                + "department_code, synced_at) VALUES (:id, :dn, :lastKana, :firstKana, :department, :now)",
        values);
  }

  void markLeft(String userId, Instant now) {
    jdbc.update(
        "UPDATE staff_directory SET left_at = :now, synced_at = :now WHERE user_id = :id",
        new MapSqlParameterSource("id", userId).addValue("now", Timestamp.from(now)));
  }
}
