package jp.lg.externalservice.succession;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import jp.lg.externalservice.registry.RegistryRole;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code registry_vacancy} ({@code db/migration/V11__registry_succession.sql}) through plain JDBC
 * in the engine's transaction.
 */
@Repository
class VacancyRepository {

  private static final String COLUMNS =
      "v.id, v.registry_entry_id, s.service_name, s.department_code, s.department_name,"
          + " v.holder_role, v.departed_user, v.departed_name, v.detected_at, v.watch_instance_id,"
          + " v.resolution, v.successor, v.resolved_by, v.resolved_at";

  private static final String FROM =
      " FROM registry_vacancy v JOIN approved_service s ON s.id = v.registry_entry_id";

  private static final RowMapper<Vacancy> VACANCY =
      (rs, row) ->
          new Vacancy(
              rs.getLong("id"),
              rs.getString("registry_entry_id"),
              rs.getString("service_name"),
              rs.getString("department_code"),
              rs.getString("department_name"),
              RegistryRole.valueOf(rs.getString("holder_role")),
              rs.getString("departed_user"),
              rs.getString("departed_name"),
              instant(rs, "detected_at"),
              rs.getString("watch_instance_id"),
              rs.getString("resolution") == null
                  ? null
                  : Vacancy.Resolution.valueOf(rs.getString("resolution")),
              rs.getString("successor"),
              rs.getString("resolved_by"),
              instant(rs, "resolved_at"));

  private final NamedParameterJdbcTemplate jdbc;

  VacancyRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the task for this entry, role and person is open (the watch gives no second one). */
  boolean open(String entryId, RegistryRole role, String departedUser) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM registry_vacancy WHERE open_key = :key",
            new MapSqlParameterSource("key", openKey(entryId, role, departedUser)),
            Integer.class);
    return count != null && count > 0;
  }

  void insert(
      String entryId,
      RegistryRole role,
      String departedUser,
      String departedName,
      Instant detectedAt,
      String watchInstanceId) {
    jdbc.update(
        "INSERT INTO registry_vacancy (registry_entry_id, holder_role, departed_user, departed_name,"
            + " detected_at, watch_instance_id, open_key) VALUES (:entry, :role, :user, :name, :at,"
            + " :watch, :key)",
        new MapSqlParameterSource("entry", entryId)
            .addValue("role", role.name())
            .addValue("user", departedUser)
            .addValue("name", departedName)
            .addValue("at", timestamp(detectedAt))
            .addValue("watch", watchInstanceId)
            .addValue("key", openKey(entryId, role, departedUser)));
  }

  List<Vacancy> foundBy(String watchInstanceId) {
    return jdbc.query(
        "SELECT " + COLUMNS + FROM + " WHERE v.watch_instance_id = :watch ORDER BY v.id",
        new MapSqlParameterSource("watch", watchInstanceId),
        VACANCY);
  }

  List<Vacancy> openOnes() {
    return jdbc.query(
        "SELECT " + COLUMNS + FROM + " WHERE v.open_key IS NOT NULL ORDER BY v.id",
        new MapSqlParameterSource(),
        VACANCY);
  }

  Optional<Vacancy> find(long id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + FROM + " WHERE v.id = :id",
            new MapSqlParameterSource("id", id),
            VACANCY)
        .stream()
        .findFirst();
  }

  /**
   * Moves an open vacancy to another watch instance (its own instance ended without working it).
   */
  void adopt(long id, String watchInstanceId) {
    jdbc.update(
        "UPDATE registry_vacancy SET watch_instance_id = :watch WHERE id = :id AND open_key IS NOT NULL",
        new MapSqlParameterSource("id", id).addValue("watch", watchInstanceId));
  }

  void resolve(long id, Vacancy.Resolution resolution, String successor, String by, Instant at) {
    jdbc.update(
        "UPDATE registry_vacancy SET open_key = NULL, resolution = :resolution,"
            + " successor = :successor, resolved_by = :by, resolved_at = :at WHERE id = :id",
        new MapSqlParameterSource("id", id)
            .addValue("resolution", resolution.name())
            .addValue("successor", successor)
            .addValue("by", by)
            .addValue("at", timestamp(at)));
  }

  private static String openKey(String entryId, RegistryRole role, String departedUser) {
    return entryId + "|" + role.name() + "|" + departedUser;
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
