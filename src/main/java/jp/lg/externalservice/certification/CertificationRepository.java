package jp.lg.externalservice.certification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The certification tables ({@code db/migration/V7__certification.sql}) through plain JDBC in the
 * application's DataSource, like the case record: inside the engine's transaction at filing, so a
 * refused filing leaves no claim behind.
 */
@Repository
class CertificationRepository {

  private static final RowMapper<CertificationClaim> CLAIM =
      (rs, row) ->
          new CertificationClaim(
              rs.getString("case_id"),
              Certification.valueOf(rs.getString("certification")),
              rs.getString("registration_number"),
              rs.getObject("valid_until", LocalDate.class),
              rs.getString("evidence_attachment_id"),
              rs.getString("evidence_name"),
              instant(rs, "claimed_at"));

  private static final RowMapper<ListedService> LISTED =
      (rs, row) ->
          new ListedService(
              Certification.valueOf(rs.getString("list_kind")),
              rs.getString("registration_number"),
              rs.getString("service_name"),
              rs.getString("provider_name"),
              rs.getObject("registered_on", LocalDate.class),
              rs.getObject("valid_until", LocalDate.class),
              rs.getBoolean("listed"),
              instant(rs, "first_listed_at"));

  private static final RowMapper<ListImport> IMPORT =
      (rs, row) ->
          new ListImport(
              rs.getLong("id"),
              Certification.valueOf(rs.getString("list_kind")),
              instant(rs, "imported_at"),
              rs.getString("imported_by"),
              rs.getInt("row_count"));

  private final NamedParameterJdbcTemplate jdbc;

  CertificationRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- claims

  void replaceClaims(String caseId, List<CertificationClaim> claims) {
    jdbc.update(
        "DELETE FROM certification_claim WHERE case_id = :caseId", Map.of("caseId", caseId));
    for (CertificationClaim claim : claims) {
      jdbc.update(
          "INSERT INTO certification_claim (case_id, certification, registration_number,"
              + " valid_until, evidence_attachment_id, evidence_name, claimed_at) VALUES (:caseId,"
              + " :certification, :number, :validUntil, :attachment, :evidence, :claimedAt)",
          new MapSqlParameterSource()
              .addValue("caseId", claim.caseId())
              .addValue("certification", claim.certification().name())
              .addValue("number", claim.registrationNumber())
              .addValue("validUntil", claim.validUntil())
              .addValue("attachment", claim.evidenceAttachmentId())
              .addValue("evidence", claim.evidenceName())
              .addValue("claimedAt", timestamp(claim.claimedAt())));
    }
  }

  List<CertificationClaim> claims(String caseId) {
    return jdbc.query(
        "SELECT * FROM certification_claim WHERE case_id = :caseId ORDER BY certification",
        Map.of("caseId", caseId),
        CLAIM);
  }

  /** The claims of the cases whose registry entry is in use, with the entry and its service. */
  List<RegisteredClaim> claimsOfActiveEntries() {
    return jdbc.query(
        "SELECT c.*, s.id AS entry_id, s.service_name AS entry_service_name"
            + " FROM certification_claim c"
            + " JOIN case_record r ON r.case_id = c.case_id"
            + " JOIN approved_service s ON s.id = r.registry_entry_id"
            + " WHERE s.status = 'ACTIVE' ORDER BY s.id, c.certification",
        Map.of(),
        (rs, row) ->
            new RegisteredClaim(
                rs.getString("entry_id"),
                rs.getString("entry_service_name"),
                CLAIM.mapRow(rs, row)));
  }

  record RegisteredClaim(String entryId, String serviceName, CertificationClaim claim) {}

  // --- published lists

  long recordImport(Certification list, Instant at, String by, int rows) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        "INSERT INTO certification_list_import (list_kind, imported_at, imported_by, row_count)"
            + " VALUES (:list, :at, :by, :rows)",
        new MapSqlParameterSource()
            .addValue("list", list.name())
            .addValue("at", timestamp(at))
            .addValue("by", by)
            .addValue("rows", rows),
        key);
    return id(key);
  }

  Optional<ListImport> latestImport(Certification list) {
    return jdbc
        .query(
            "SELECT * FROM certification_list_import WHERE list_kind = :list"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
            Map.of("list", list.name()),
            IMPORT)
        .stream()
        .findFirst();
  }

  /** Every registration number ever imported for the list, by number. */
  Map<String, ListedService> entries(Certification list) {
    return jdbc
        .query(
            "SELECT * FROM certification_list_entry WHERE list_kind = :list",
            Map.of("list", list.name()),
            LISTED)
        .stream()
        .collect(Collectors.toMap(ListedService::registrationNumber, Function.identity()));
  }

  List<ListedService> listed(Certification list) {
    return jdbc.query(
        "SELECT * FROM certification_list_entry WHERE list_kind = :list AND listed = TRUE",
        Map.of("list", list.name()),
        LISTED);
  }

  Optional<ListedService> entry(Certification list, String number) {
    return jdbc
        .query(
            "SELECT * FROM certification_list_entry WHERE list_kind = :list"
                + " AND registration_number = :number",
            Map.of("list", list.name(), "number", number),
            LISTED)
        .stream()
        .findFirst();
  }

  void unlistAll(Certification list) {
    jdbc.update(
        "UPDATE certification_list_entry SET listed = FALSE WHERE list_kind = :list",
        Map.of("list", list.name()));
  }

  void putEntry(ListedService entry, long importId, boolean exists) {
    MapSqlParameterSource values =
        new MapSqlParameterSource()
            .addValue("list", entry.list().name())
            .addValue("number", entry.registrationNumber())
            .addValue("service", entry.serviceName())
            .addValue("provider", entry.providerName())
            .addValue("registeredOn", entry.registeredOn())
            .addValue("validUntil", entry.validUntil())
            .addValue("firstListedAt", timestamp(entry.firstListedAt()))
            .addValue("importId", importId);
    jdbc.update(
        exists
            ? "UPDATE certification_list_entry SET service_name = :service, provider_name ="
                + " :provider, registered_on = :registeredOn, valid_until = :validUntil, listed ="
                + " TRUE, first_listed_at = :firstListedAt, last_import_id = :importId WHERE"
                + " list_kind = :list AND registration_number = :number"
            : "INSERT INTO certification_list_entry (list_kind, registration_number,"
                + " service_name, provider_name, registered_on, valid_until, listed,"
                + " first_listed_at, last_import_id) VALUES (:list, :number, :service, :provider,"
                + " :registeredOn, :validUntil, TRUE, :firstListedAt, :importId)",
        values);
  }

  // --- lapses

  boolean lapseKnown(String entryId, CertificationClaim claim, LapseReason reason) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM certification_lapse WHERE registry_entry_id = :entry AND"
                + " certification = :certification AND registration_number = :number AND reason ="
                + " :reason",
            lapseKey(entryId, claim, reason),
            Integer.class);
    return count != null && count > 0;
  }

  long recordLapse(
      String entryId,
      CertificationClaim claim,
      LapseReason reason,
      LocalDate validUntil,
      Instant at,
      String watchInstanceId) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        "INSERT INTO certification_lapse (registry_entry_id, case_id, certification,"
            + " registration_number, reason, valid_until, detected_at, watch_instance_id) VALUES"
            + " (:entry, :caseId, :certification, :number, :reason, :validUntil, :at, :watch)",
        lapseKey(entryId, claim, reason)
            .addValue("caseId", claim.caseId())
            .addValue("validUntil", validUntil)
            .addValue("at", timestamp(at))
            .addValue("watch", watchInstanceId),
        key);
    return id(key);
  }

  List<Lapse> lapsesFoundBy(String watchInstanceId) {
    return jdbc.query(
        "SELECT l.*, s.service_name AS entry_service_name, s.department_name"
            + " FROM certification_lapse l JOIN approved_service s ON s.id = l.registry_entry_id"
            + " WHERE l.watch_instance_id = :watch ORDER BY l.id",
        Map.of("watch", watchInstanceId),
        LAPSE);
  }

  Optional<Lapse> lapse(long id) {
    return jdbc
        .query(
            "SELECT l.*, s.service_name AS entry_service_name, s.department_name"
                + " FROM certification_lapse l JOIN approved_service s"
                + " ON s.id = l.registry_entry_id WHERE l.id = :id",
            Map.of("id", id),
            LAPSE)
        .stream()
        .findFirst();
  }

  void lapseHandled(long id, String by, Instant at, String note) {
    jdbc.update(
        "UPDATE certification_lapse SET handled_by = :by, handled_at = :at, handling_note = :note"
            + " WHERE id = :id",
        new MapSqlParameterSource()
            .addValue("id", id)
            .addValue("by", by)
            .addValue("at", timestamp(at))
            .addValue("note", note));
  }

  private static final RowMapper<Lapse> LAPSE =
      (rs, row) ->
          new Lapse(
              rs.getLong("id"),
              rs.getString("registry_entry_id"),
              rs.getString("entry_service_name"),
              rs.getString("department_name"),
              rs.getString("case_id"),
              Certification.valueOf(rs.getString("certification")),
              rs.getString("registration_number"),
              LapseReason.valueOf(rs.getString("reason")),
              rs.getObject("valid_until", LocalDate.class),
              instant(rs, "detected_at"),
              rs.getString("handled_by"));

  private static MapSqlParameterSource lapseKey(
      String entryId, CertificationClaim claim, LapseReason reason) {
    return new MapSqlParameterSource()
        .addValue("entry", entryId)
        .addValue("certification", claim.certification().name())
        .addValue("number", claim.registrationNumber())
        .addValue("reason", reason.name());
  }

  /**
   * The generated id: H2 returns the identity column (ID), PostgreSQL every column of the row (id);
   * asked without column names, whose case the two databases fold differently.
   */
  private static long id(GeneratedKeyHolder key) {
    return key.getKeyList().get(0).entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("id"))
        .map(e -> ((Number) e.getValue()).longValue())
        .findFirst()
        .orElseThrow();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    if (value != null) {
      return value.toInstant();
    }
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
