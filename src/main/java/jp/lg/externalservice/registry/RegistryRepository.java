package jp.lg.externalservice.registry;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/**
 * The registry tables ({@code db/migration}) through plain JDBC, in the application's DataSource:
 * called inside a Spring transaction, the statements use the engine's connection and commit or roll
 * back with the process step.
 */
@Repository
class RegistryRepository {

  private static final String SEQUENCE = "approved_service_number";

  private static final String COLUMNS =
      "s.id, s.entry_type, s.service_name, s.provider_name, s.service_kind, "
          + "s.service_category, s.department_code, s.department_name, s.route, s.outcome, s.classification_summary, "
          + "s.reasons_json, s.conditions_json, s.approved_at, s.approved_by, s.service_administrator, "
          + "s.service_administrator_name, s.service_manager, s.service_manager_name, s.period_start, s.period_end, "
          + "s.contract_date, s.status, s.status_changed_at, s.end_date, s.renews_entry_id, "
          + "s.application_process_instance_id, s.version";

  private static final RowMapper<RegistryEntry> ENTRY =
      (rs, row) ->
          new RegistryEntry(
              rs.getString("id"),
              EntryType.valueOf(rs.getString("entry_type")),
              rs.getString("service_name"),
              rs.getString("provider_name"),
              ServiceKind.valueOf(rs.getString("service_kind")),
              ServiceCategory.valueOf(rs.getString("service_category")),
              rs.getString("department_code"),
              rs.getString("department_name"),
              name(Route.class, rs.getString("route")),
              Outcome.valueOf(rs.getString("outcome")),
              rs.getString("classification_summary"),
              rs.getString("reasons_json"),
              rs.getString("conditions_json"),
              instant(rs, "approved_at"),
              rs.getString("approved_by"),
              rs.getString("service_administrator"),
              rs.getString("service_administrator_name"),
              rs.getString("service_manager"),
              rs.getString("service_manager_name"),
              rs.getObject("period_start", LocalDate.class),
              rs.getObject("period_end", LocalDate.class),
              rs.getObject("contract_date", LocalDate.class),
              RegistryStatus.valueOf(rs.getString("status")),
              instant(rs, "status_changed_at"),
              rs.getObject("end_date", LocalDate.class),
              rs.getString("renews_entry_id"),
              rs.getString("application_process_instance_id"),
              rs.getInt("version"),
              List.of());

  private static final RowMapper<RegistryEvent> EVENT =
      (rs, row) ->
          new RegistryEvent(
              instant(rs, "occurred_at"),
              rs.getString("event_type"),
              rs.getString("process_instance_id"),
              rs.getString("actor"),
              rs.getString("note"));

  private final NamedParameterJdbcTemplate jdbc;
  private final DataFieldMaxValueIncrementer numbers;

  RegistryRepository(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.numbers = sequence(dataSource);
  }

  /**
   * The next number of the sequence: unique across the nodes of a cluster, never reused after a
   * rollback.
   */
  long nextNumber() {
    return numbers.nextLongValue();
  }

  void insert(
      String id,
      NewRegistryEntry entry,
      Instant approvedAt,
      String approvedBy,
      String processInstanceId) {
    jdbc.update(
        "INSERT INTO approved_service (id, entry_type, service_name, provider_name, service_kind, "
            + "service_category, department_code, department_name, route, outcome, classification_summary, reasons_json, "
            + "conditions_json, approved_at, approved_by, service_administrator, service_administrator_name, "
            + "service_manager, service_manager_name, period_start, period_end, status, status_changed_at, "
            + "renews_entry_id, application_process_instance_id, version) VALUES (:id, :entryType, :serviceName, "
            + ":providerName, :serviceKind, :serviceCategory, :departmentCode, :departmentName, :route, :outcome, "
            + ":classificationSummary, :reasonsJson, :conditionsJson, :approvedAt, :approvedBy, :serviceAdministrator, "
            + ":serviceAdministratorName, :serviceManager, :serviceManagerName, :periodStart, :periodEnd, :status, "
            + ":approvedAt, :renewsEntryId, :processInstanceId, 0)",
        new MapSqlParameterSource()
            .addValue("id", id)
            .addValue("entryType", entry.entryType().name())
            .addValue("serviceName", entry.serviceName())
            .addValue("providerName", entry.providerName())
            .addValue("serviceKind", entry.serviceKind().name())
            .addValue("serviceCategory", entry.serviceCategory().name())
            .addValue("departmentCode", entry.departmentCode())
            .addValue("departmentName", entry.departmentName())
            .addValue("route", entry.route() == null ? null : entry.route().name())
            .addValue("outcome", entry.outcome().name())
            .addValue("classificationSummary", entry.classificationSummary())
            .addValue("reasonsJson", entry.reasonsJson())
            .addValue("conditionsJson", entry.conditionsJson())
            .addValue("approvedAt", timestamp(approvedAt))
            .addValue("approvedBy", approvedBy)
            .addValue("serviceAdministrator", entry.serviceAdministrator())
            .addValue("serviceAdministratorName", entry.serviceAdministratorName())
            .addValue("serviceManager", entry.serviceManager())
            .addValue("serviceManagerName", entry.serviceManagerName())
            .addValue("periodStart", entry.periodStart())
            .addValue("periodEnd", entry.periodEnd())
            .addValue("status", RegistryStatus.ACTIVE.name())
            .addValue("renewsEntryId", entry.renewsEntryId())
            .addValue("processInstanceId", processInstanceId));
  }

  void insertEvent(
      String entryId,
      Instant occurredAt,
      String eventType,
      String processInstanceId,
      String actor,
      String note) {
    jdbc.update(
        "INSERT INTO approved_service_event (entry_id, occurred_at, event_type, process_instance_id, actor, "
            + "note) VALUES (:entryId, :occurredAt, :eventType, :processInstanceId, :actor, :note)",
        new MapSqlParameterSource()
            .addValue("entryId", entryId)
            .addValue("occurredAt", timestamp(occurredAt))
            .addValue("eventType", eventType)
            .addValue("processInstanceId", processInstanceId)
            .addValue("actor", actor)
            .addValue("note", note));
  }

  /**
   * Sets the contract date if the entry is still at {@code expectedVersion}; otherwise {@link
   * RegistryException.Stale}.
   */
  void updateContract(String entryId, int expectedVersion, LocalDate contractDate) {
    int rows =
        jdbc.update(
            "UPDATE approved_service SET contract_date = :contractDate, version = version + 1 "
                + "WHERE id = :id AND version = :version",
            new MapSqlParameterSource("id", entryId)
                .addValue("version", expectedVersion)
                .addValue("contractDate", contractDate));
    requireUpdated(rows, entryId, expectedVersion);
  }

  /**
   * Changes the status if the entry is still at {@code expectedVersion}; otherwise {@link
   * RegistryException.Stale}.
   */
  void updateStatus(
      String entryId,
      int expectedVersion,
      RegistryStatus status,
      Instant changedAt,
      LocalDate endDate) {
    int rows =
        jdbc.update(
            "UPDATE approved_service SET status = :status, status_changed_at = :changedAt, "
                + "end_date = :endDate, version = version + 1 WHERE id = :id AND version = :version",
            new MapSqlParameterSource("id", entryId)
                .addValue("version", expectedVersion)
                .addValue("status", status.name())
                .addValue("changedAt", timestamp(changedAt))
                .addValue("endDate", endDate));
    requireUpdated(rows, entryId, expectedVersion);
  }

  /**
   * Gives the role to {@code userId} if the entry is still at {@code expectedVersion}; otherwise
   * {@link RegistryException.Stale}.
   */
  void updateHolder(
      String entryId, int expectedVersion, RegistryRole role, String userId, String name) {
    String columns =
        role == RegistryRole.SERVICE_MANAGER
            ? "service_manager = :userId, service_manager_name = :name"
            : "service_administrator = :userId, service_administrator_name = :name";
    int rows =
        jdbc.update(
            "UPDATE approved_service SET "
                + columns
                + ", version = version + 1 WHERE id = :id AND version = :version",
            new MapSqlParameterSource("id", entryId)
                .addValue("version", expectedVersion)
                .addValue("userId", userId)
                .addValue("name", name));
    requireUpdated(rows, entryId, expectedVersion);
  }

  /** The entry without its events. */
  Optional<RegistryEntry> find(String entryId) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM approved_service s WHERE s.id = :id",
            new MapSqlParameterSource("id", entryId),
            ENTRY)
        .stream()
        .findFirst();
  }

  List<RegistryEvent> events(String entryId) {
    return jdbc.query(
        "SELECT occurred_at, event_type, process_instance_id, actor, note FROM approved_service_event "
            + "WHERE entry_id = :id ORDER BY id",
        new MapSqlParameterSource("id", entryId),
        EVENT);
  }

  /**
   * The entries that match, with their events, in the order of their numbers. {@code
   * departmentCodes} limits the result to those departments (the caller's visibility); null means
   * no limit.
   */
  List<RegistryEntry> search(RegistryQuery query, Collection<String> departmentCodes) {
    if (departmentCodes != null && departmentCodes.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource params = new MapSqlParameterSource();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (query.status() != null) {
      where.append(" AND s.status = :status");
      params.addValue("status", query.status().name());
    }
    if (query.departmentCode() != null && !query.departmentCode().isBlank()) {
      where.append(" AND s.department_code = :departmentCode");
      params.addValue("departmentCode", query.departmentCode().strip());
    }
    if (query.route() != null) {
      where.append(" AND s.route = :route");
      params.addValue("route", query.route().name());
    }
    if (query.text() != null && !query.text().isBlank()) {
      where.append(
          " AND (LOWER(s.service_name) LIKE :text ESCAPE '\\' "
              + "OR LOWER(s.provider_name) LIKE :text ESCAPE '\\')");
      params.addValue(
          "text", "%" + likeEscaped(query.text().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (departmentCodes != null) {
      where.append(" AND s.department_code IN (:visibleDepartments)");
      params.addValue("visibleDepartments", departmentCodes);
    }
    // Ids are REG-<year>-<number> with one sequence for all years: ordering by length, then text,
    // keeps the
    // numeric order after number 9999 too.
    List<RegistryEntry> entries =
        jdbc.query(
            "SELECT "
                + COLUMNS
                + " FROM approved_service s"
                + where
                + " ORDER BY LENGTH(s.id), s.id",
            params,
            ENTRY);
    Map<String, List<RegistryEvent>> events = new LinkedHashMap<>();
    jdbc.query(
        "SELECT ev.entry_id, ev.occurred_at, ev.event_type, ev.process_instance_id, ev.actor, ev.note "
            + "FROM approved_service_event ev JOIN approved_service s ON s.id = ev.entry_id"
            + where
            + " ORDER BY ev.id",
        params,
        rs -> {
          events
              .computeIfAbsent(rs.getString("entry_id"), id -> new ArrayList<>())
              .add(EVENT.mapRow(rs, 0));
        });
    return entries.stream()
        .map(entry -> entry.withEvents(events.getOrDefault(entry.id(), List.of())))
        .toList();
  }

  private static void requireUpdated(int rows, String entryId, int expectedVersion) {
    if (rows == 0) {
      throw new RegistryException.Stale(entryId, expectedVersion);
    }
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The constant a nullable column names (the route of an SNS account is null). */
  private static <E extends Enum<E>> E name(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /**
   * H2 by default, PostgreSQL with the postgres profile: the two databases the project supports.
   */
  private static DataFieldMaxValueIncrementer sequence(DataSource dataSource) {
    String product;
    try {
      product =
          JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot determine the database product", e);
    }
    return switch (product) {
      case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
      case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
      default ->
          throw new IllegalStateException(
              "the approved-service registry supports H2 and PostgreSQL, not " + product);
    };
  }
}
