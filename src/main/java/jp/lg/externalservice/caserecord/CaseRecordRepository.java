package jp.lg.externalservice.caserecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Reason;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.security.Department;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The case tables ({@code db/migration/V2__case_record.sql}, answers and classification history in
 * {@code V6__case_act_answers.sql}) through plain JDBC in the application's DataSource, like the
 * registry: inside the engine's transaction, so a refused step leaves no trace here either.
 */
@Repository
public class CaseRecordRepository {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {};

  private static final RowMapper<CaseRecord> RECORD =
      (rs, row) ->
          new CaseRecord(
              rs.getString("case_id"),
              rs.getString("case_number"),
              rs.getString("service_name"),
              new Actor(rs.getString("applicant"), rs.getString("applicant_name")),
              new Department(rs.getString("department_code"), rs.getString("department_name")),
              rs.getString("service_manager"),
              rs.getString("renews_entry_id"),
              rs.getString("registry_entry_id"),
              instant(rs, "created_at"),
              rs.getString("outcome") == null
                  ? null
                  : new CaseClassification(
                      Outcome.valueOf(rs.getString("outcome")),
                      rs.getString("route") == null ? null : Route.valueOf(rs.getString("route")),
                      rs.getString("application_form"),
                      rs.getBoolean("important_information"),
                      rs.getBoolean("it_planning_required"),
                      conditions(rs.getString("conditions_json")),
                      instant(rs, "classified_at")));

  private static final RowMapper<CaseAct> ACT =
      (rs, row) ->
          new CaseAct(
              rs.getString("case_id"),
              rs.getString("process_instance_id"),
              rs.getString("step"),
              new Actor(rs.getString("actor"), rs.getString("actor_name")),
              rs.getString("actor_role"),
              ActResult.valueOf(rs.getString("result")),
              instant(rs, "acted_at"),
              rs.getString("deputy_for") == null
                  ? null
                  : new Actor(rs.getString("deputy_for"), rs.getString("deputy_for_name")));

  private final NamedParameterJdbcTemplate jdbc;

  CaseRecordRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(CaseRecord record) {
    jdbc.update(
        "INSERT INTO case_record (case_id, case_number, service_name, applicant, applicant_name, department_code, "
            + "department_name, service_manager, renews_entry_id, registry_entry_id, created_at) VALUES (:caseId, "
            + ":caseNumber, :serviceName, :applicant, :applicantName, :departmentCode, :departmentName, "
            + ":serviceManager, :renewsEntryId, :registryEntryId, :createdAt)",
        new MapSqlParameterSource("caseId", record.caseId())
            .addValue("caseNumber", record.caseNumber())
            .addValue("serviceName", record.serviceName())
            .addValue("applicant", record.applicant().userId())
            .addValue("applicantName", record.applicant().name())
            .addValue("departmentCode", record.department().code())
            .addValue("departmentName", record.department().name())
            .addValue("serviceManager", record.serviceManager())
            .addValue("renewsEntryId", record.renewsEntryId())
            .addValue("registryEntryId", record.registryEntryId())
            .addValue("createdAt", timestamp(record.createdAt())));
  }

  public void updateClassification(String caseId, CaseClassification classification) {
    int rows =
        jdbc.update(
            "UPDATE case_record SET outcome = :outcome, route = :route, "
                + "application_form = :applicationForm, important_information = :importantInformation, "
                + "it_planning_required = :itPlanningRequired, conditions_json = :conditions, classified_at = :classifiedAt "
                + "WHERE case_id = :caseId",
            new MapSqlParameterSource("caseId", caseId)
                .addValue("outcome", classification.outcome().name())
                .addValue(
                    "route", classification.route() == null ? null : classification.route().name())
                .addValue("applicationForm", classification.applicationForm())
                .addValue("importantInformation", classification.importantInformation())
                .addValue("itPlanningRequired", classification.itPlanningRequired())
                .addValue("conditions", json(classification.conditions()))
                .addValue("classifiedAt", timestamp(classification.classifiedAt())));
    if (rows != 1) {
      throw new IllegalStateException("no case record " + caseId);
    }
  }

  /** The application was filed: its validated service name, service manager and renewed entry. */
  public void updateFiled(
      String caseId, String serviceName, String serviceManager, String renewsEntryId) {
    int rows =
        jdbc.update(
            "UPDATE case_record SET service_name = :serviceName, service_manager = :serviceManager, "
                + "renews_entry_id = :renews WHERE case_id = :caseId",
            new MapSqlParameterSource("caseId", caseId)
                .addValue("serviceName", serviceName)
                .addValue("serviceManager", serviceManager)
                .addValue("renews", renewsEntryId));
    if (rows != 1) {
      throw new IllegalStateException("no case record " + caseId);
    }
  }

  /** Records without a case number (written before V4), oldest first. */
  public List<String> unnumbered() {
    return jdbc.queryForList(
        "SELECT case_id FROM case_record WHERE case_number IS NULL ORDER BY created_at, case_id",
        new MapSqlParameterSource(),
        String.class);
  }

  public void updateCaseNumber(String caseId, String caseNumber) {
    jdbc.update(
        "UPDATE case_record SET case_number = :caseNumber WHERE case_id = :caseId",
        new MapSqlParameterSource("caseId", caseId).addValue("caseNumber", caseNumber));
  }

  /**
   * The records a list may show: all ({@code applicant} and {@code departmentCode} null), one
   * applicant's, or one department's (or both: the applicant's own plus her department's), newest
   * first, at most {@code limit}.
   */
  public List<CaseRecord> list(String applicant, String departmentCode, int limit) {
    String where =
        applicant == null && departmentCode == null
            ? ""
            : " WHERE "
                + (applicant != null ? "applicant = :applicant" : "")
                + (applicant != null && departmentCode != null ? " OR " : "")
                + (departmentCode != null ? "department_code = :departmentCode" : "");
    return jdbc.query(
        "SELECT * FROM case_record"
            + where
            + " ORDER BY created_at DESC, case_id FETCH FIRST "
            + limit
            + " ROWS ONLY",
        new MapSqlParameterSource("applicant", applicant)
            .addValue("departmentCode", departmentCode),
        RECORD);
  }

  public void updateRegistryEntry(String caseId, String registryEntryId) {
    int rows =
        jdbc.update(
            "UPDATE case_record SET registry_entry_id = :entryId WHERE case_id = :caseId",
            new MapSqlParameterSource("caseId", caseId).addValue("entryId", registryEntryId));
    if (rows != 1) {
      throw new IllegalStateException("no case record " + caseId);
    }
  }

  public void insertAct(CaseAct act) {
    insertAct(act, false);
  }

  /**
   * {@code backfilled}: reconstructed from the history of a case older than the record (V3), not
   * written live.
   */
  public void insertAct(CaseAct act, boolean backfilled) {
    insertAct(act, backfilled, null);
  }

  /**
   * {@code answersJson}: the answers given at the act's step ({@link StepAnswers}, V6), or null.
   */
  public void insertAct(CaseAct act, boolean backfilled, String answersJson) {
    jdbc.update(
        "INSERT INTO case_act (case_id, process_instance_id, step, actor, actor_name, actor_role, result, "
            + "acted_at, backfilled, answers_json, deputy_for, deputy_for_name) VALUES (:caseId, :processInstanceId, "
            + ":step, :actor, :actorName, :role, :result, :actedAt, :backfilled, :answers, :deputyFor, :deputyForName)",
        new MapSqlParameterSource("caseId", act.caseId())
            .addValue("deputyFor", act.deputyFor() == null ? null : act.deputyFor().userId())
            .addValue("deputyForName", act.deputyFor() == null ? null : act.deputyFor().name())
            .addValue("backfilled", backfilled)
            .addValue("answers", answersJson)
            .addValue("processInstanceId", act.processInstanceId())
            .addValue("step", act.step())
            .addValue("actor", act.actor().userId())
            .addValue("actorName", act.actor().name())
            .addValue("role", act.role())
            .addValue("result", act.result().name())
            .addValue("actedAt", timestamp(act.actedAt())));
  }

  /** Marks the record as reconstructed by {@link CaseRecordBackfill} at {@code at} (V3). */
  public void markBackfilled(String caseId, Instant at) {
    jdbc.update(
        "UPDATE case_record SET backfilled_at = :at WHERE case_id = :caseId",
        new MapSqlParameterSource("caseId", caseId).addValue("at", timestamp(at)));
  }

  /** When the record was reconstructed by the backfill; empty for a record written live. */
  public Optional<Instant> backfilledAt(String caseId) {
    return jdbc
        .query(
            "SELECT backfilled_at FROM case_record WHERE case_id = :caseId",
            new MapSqlParameterSource("caseId", caseId),
            (rs, row) -> instant(rs, "backfilled_at"))
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /** How many acts of the case were reconstructed by the backfill. */
  public int backfilledActs(String caseId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM case_act WHERE case_id = :caseId AND backfilled = TRUE",
        new MapSqlParameterSource("caseId", caseId),
        Integer.class);
  }

  public Optional<CaseRecord> find(String caseId) {
    return jdbc
        .query(
            "SELECT * FROM case_record WHERE case_id = :caseId",
            new MapSqlParameterSource("caseId", caseId),
            RECORD)
        .stream()
        .findFirst();
  }

  public Optional<CaseRecord> findByNumber(String caseNumber) {
    return jdbc
        .query(
            "SELECT * FROM case_record WHERE case_number = :caseNumber",
            new MapSqlParameterSource("caseNumber", caseNumber),
            RECORD)
        .stream()
        .findFirst();
  }

  public List<CaseAct> acts(String caseId) {
    return jdbc.query(
        "SELECT * FROM case_act WHERE case_id = :caseId ORDER BY id",
        new MapSqlParameterSource("caseId", caseId),
        ACT);
  }

  /** The acts of the case with their answers, in the order they were recorded. */
  public List<RecordedAct> recordedActs(String caseId) {
    return jdbc.query(
        "SELECT * FROM case_act WHERE case_id = :caseId ORDER BY id",
        new MapSqlParameterSource("caseId", caseId),
        (rs, row) ->
            new RecordedAct(
                ACT.mapRow(rs, row), rs.getString("answers_json"), rs.getBoolean("backfilled")));
  }

  /**
   * Adds a classification to the case's classification history (V6); the reasons are kept as far as
   * the column holds them (a classification gives a handful).
   */
  public void insertClassification(
      String caseId,
      String processInstanceId,
      CaseClassification classification,
      List<Reason> reasons) {
    List<Map<String, String>> kept = new ArrayList<>();
    for (Reason reason : reasons) {
      Map<String, String> value = new LinkedHashMap<>();
      value.put("rule", reason.rule());
      value.put("message", reason.message());
      kept.add(value);
    }
    String json = write(kept);
    while (json.length() > StepAnswers.MAX_CHARS && !kept.isEmpty()) {
      kept.remove(kept.size() - 1);
      json = write(kept);
    }
    jdbc.update(
        "INSERT INTO case_classification (case_id, process_instance_id, outcome, route, reasons_json, "
            + "classified_at) VALUES (:caseId, :processInstanceId, :outcome, :route, :reasons, :classifiedAt)",
        new MapSqlParameterSource("caseId", caseId)
            .addValue("processInstanceId", processInstanceId)
            .addValue("outcome", classification.outcome().name())
            .addValue(
                "route", classification.route() == null ? null : classification.route().name())
            .addValue("reasons", json)
            .addValue("classifiedAt", timestamp(classification.classifiedAt())));
  }

  /** The classifications of the case, oldest first. */
  public List<RecordedClassification> classifications(String caseId) {
    return jdbc.query(
        "SELECT * FROM case_classification WHERE case_id = :caseId ORDER BY id",
        new MapSqlParameterSource("caseId", caseId),
        (rs, row) ->
            new RecordedClassification(
                rs.getString("process_instance_id"),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("route") == null ? null : Route.valueOf(rs.getString("route")),
                reasons(rs.getString("reasons_json")),
                instant(rs, "classified_at")));
  }

  /** The cases (terminations) other than {@code caseId} that concern the registry entry. */
  public List<CaseRecord> othersOfEntry(String registryEntryId, String caseId) {
    return jdbc.query(
        "SELECT * FROM case_record WHERE registry_entry_id = :entryId AND case_id <> :caseId "
            + "ORDER BY created_at, case_id",
        new MapSqlParameterSource("entryId", registryEntryId).addValue("caseId", caseId),
        RECORD);
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Reason> reasons(String json) {
    try {
      List<Reason> reasons = new ArrayList<>();
      for (JsonNode reason : MAPPER.readTree(json)) {
        reasons.add(
            new Reason(
                reason.path("rule").isTextual() ? reason.get("rule").asText() : null,
                reason.path("message").asText()));
      }
      return reasons;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable reasons_json: " + json, e);
    }
  }

  private static String json(List<Condition> conditions) {
    try {
      return MAPPER.writeValueAsString(conditions);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Condition> conditions(String json) {
    try {
      return json == null ? List.of() : MAPPER.readValue(json, CONDITIONS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable conditions_json: " + json, e);
    }
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
