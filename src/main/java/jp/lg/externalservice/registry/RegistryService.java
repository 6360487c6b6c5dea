package jp.lg.externalservice.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JapanClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approved-service registry (承認済み外部サービス台帳). When an application is approved, the approving step records
 * the service and its 外部サービス管理者 here (001 8.2(4)③, 003 第10 2(4)②); later steps record the contract and the
 * changes of status. Every method joins the caller's transaction (propagation REQUIRED): called from a delegate,
 * the registry write commits or rolls back with the process step. Who may read what is the caller's business
 * (see {@link RegistryController}); this service applies no visibility rules.
 */
@Service
@Transactional
public class RegistryService {

  private static final int NAME_LENGTH = 200;
  private static final int USER_ID_LENGTH = 64;
  private static final int NOTE_LENGTH = 1000;
  private static final int LONG_TEXT_LENGTH = 100_000;

  private final RegistryRepository repository;
  private final ObjectMapper objectMapper;

  public RegistryService(RegistryRepository repository, ObjectMapper objectMapper) {
    this.repository = repository;
    this.objectMapper = objectMapper;
  }

  /** Records an approved service; returns its id. */
  public String register(NewRegistryEntry entry, String approvedBy, String processInstanceId) {
    NewRegistryEntry valid = validated(entry, approvedBy, processInstanceId);
    Instant now = now();
    // The year is the approval year; the number comes from one sequence, so ids never collide across nodes.
    String id = "REG-%d-%04d".formatted(JapanClock.dayOf(now).getYear(), repository.nextNumber());
    String approver = approvedBy.strip();
    String instance = processInstanceId.strip();
    repository.insert(id, valid, now, approver, instance);
    String note = "承認により登録（" + (valid.route() == null ? valid.entryType().label()
        : Route.valueOf(valid.route()).label()) + "）"
        + (valid.renewsEntryId() == null ? "" : "。" + valid.renewsEntryId() + " の更改（ruling R-17）");
    repository.insertEvent(id, now, RegistryEvent.REGISTERED, instance, approver, note);
    return id;
  }

  public void recordContract(String entryId, LocalDate contractDate, String actor, String processInstanceId) {
    InputReader reader = new InputReader(params(actor, processInstanceId)
        .put("contractDate", contractDate == null ? null : contractDate.toString()));
    reader.requiredDate("contractDate");
    actor = reader.requiredText("actor", USER_ID_LENGTH);
    processInstanceId = reader.optionalText("processInstanceId", USER_ID_LENGTH);
    reader.throwIfInvalid();
    RegistryEntry current = load(entryId);
    if (current.status().ended()) {
      throw new RegistryException.Conflict(
          entryId + " は「" + current.status().label() + "」のため契約を記録できません",
          "cannot record a contract for " + entryId + ": it is " + current.status());
    }
    // The free route has no contract step (ruling R-5), nor has the SNS procedure (ruling R-10).
    if (current.entryType() == EntryType.SNS) {
      throw new RegistryException.Conflict(entryId + " は SNS アカウントのため契約の記録はありません（ruling R-10）",
          "no contract is recorded for " + entryId + ": it is an SNS account (ruling R-10)");
    }
    if (Route.FREE.name().equals(current.route())) {
      throw new RegistryException.Conflict(entryId + " は無料ルートのため契約の記録はありません（ruling R-5）",
          "no contract is recorded for " + entryId + ": the free route has no contract step (ruling R-5)");
    }
    repository.updateContract(entryId, current.version(), contractDate);
    String note = "契約日 " + contractDate
        + (current.contractDate() == null ? "" : "（訂正前 " + current.contractDate() + "）");
    repository.insertEvent(entryId, now(), RegistryEvent.CONTRACT_RECORDED, processInstanceId, actor, note);
  }

  /**
   * Validates the transition (ACTIVE→SUSPENDED|TERMINATED|RENEWED, SUSPENDED→ACTIVE|TERMINATED; TERMINATED/RENEWED
   * are final) and records an event. endDate required for TERMINATED/RENEWED.
   */
  public void changeStatus(String entryId, RegistryStatus status, LocalDate endDate, String actor,
      String processInstanceId, String note) {
    InputReader reader = new InputReader(params(actor, processInstanceId)
        .put("status", status == null ? null : status.name())
        .put("note", note));
    reader.requiredEnum("status", RegistryStatus.class);
    actor = reader.requiredText("actor", USER_ID_LENGTH);
    processInstanceId = reader.optionalText("processInstanceId", USER_ID_LENGTH);
    note = reader.optionalText("note", NOTE_LENGTH);
    if (status != null && status.ended() && endDate == null) {
      reader.reject("endDate", "利用終了・更改には終了日が必要です", "is required for TERMINATED and RENEWED");
    }
    if (status != null && !status.ended() && endDate != null) {
      reader.reject("endDate", "終了日は利用終了・更改のときだけ指定します",
          "may only be given for TERMINATED and RENEWED");
    }
    reader.throwIfInvalid();
    RegistryEntry current = load(entryId);
    if (!current.status().canChangeTo(status)) {
      throw new RegistryException.Conflict(
          entryId + " は「" + current.status().label() + "」から「" + status.label() + "」に変更できません",
          "cannot change " + entryId + " from " + current.status() + " to " + status);
    }
    Instant now = now();
    repository.updateStatus(entryId, current.version(), status, now, endDate);
    String change = current.status() + " → " + status + (endDate == null ? "" : "（終了日 " + endDate + "）")
        + (note == null ? "" : ": " + note);
    repository.insertEvent(entryId, now, RegistryEvent.STATUS_CHANGED, processInstanceId, actor, change);
  }

  @Transactional(readOnly = true)
  public Optional<RegistryEntry> find(String entryId) {
    return entryId == null ? Optional.empty()
        : repository.find(entryId).map(entry -> entry.withEvents(repository.events(entryId)));
  }

  /** The matching entries with their events, ordered by id. */
  @Transactional(readOnly = true)
  public List<RegistryEntry> search(RegistryQuery query) {
    return search(query, null);
  }

  /** As {@link #search(RegistryQuery)}, limited to entries of the given departments (the caller's visibility). */
  @Transactional(readOnly = true)
  List<RegistryEntry> search(RegistryQuery query, Collection<String> departmentCodes) {
    return repository.search(query == null ? RegistryQuery.all() : query, departmentCodes);
  }

  private RegistryEntry load(String entryId) {
    return repository.find(entryId).orElseThrow(() -> new RegistryException.NotFound(entryId));
  }

  /**
   * Checks the entry field by field, naming every offending one, and returns it trimmed. The names of kinds,
   * categories, routes, outcomes and conditions are those of the classification (rulings.md §3).
   */
  private NewRegistryEntry validated(NewRegistryEntry entry, String approvedBy, String processInstanceId) {
    ObjectNode input = entry == null ? objectMapper.createObjectNode() : objectMapper.valueToTree(entry);
    InputReader reader = new InputReader(input.put("approvedBy", approvedBy)
        .put("processInstanceId", processInstanceId));
    EntryType type = reader.requiredEnum("entryType", EntryType.class);
    String serviceName = reader.requiredText("serviceName", NAME_LENGTH);
    String providerName = reader.optionalText("providerName", NAME_LENGTH);
    ServiceKind kind = reader.requiredEnum("serviceKind", ServiceKind.class);
    ServiceCategory category = reader.requiredEnum("serviceCategory", ServiceCategory.class);
    String departmentCode = reader.requiredText("departmentCode", USER_ID_LENGTH);
    String departmentName = reader.requiredText("departmentName", 100);
    Route route = null;
    Outcome outcome = reader.requiredEnum("outcome", Outcome.class);
    if (type == EntryType.SNS) {
      // An SNS account follows the SNS procedure of 003 第7 5, without a route (ruling R-10).
      if (reader.optionalText("route", 20) != null) {
        reader.reject("route", "SNS アカウントにはルートはありません", "must be empty for an SNS account");
      }
      if (outcome != null && outcome != Outcome.SNS_PROCEDURE) {
        reader.reject("outcome", "SNS アカウントの判定は SNS_PROCEDURE です", "must be SNS_PROCEDURE for an SNS account");
      }
    } else if (type == EntryType.SERVICE) {
      route = reader.requiredEnum("route", Route.class);
      // Only an application with a route can be approved (rulings.md §2, items 6 and 7).
      if (outcome != null && !outcome.hasRoute()) {
        reader.reject("outcome", "承認できる判定は APPLICATION_REQUIRED または DISCOURAGED です",
            "must be APPLICATION_REQUIRED or DISCOURAGED for a service");
      }
    }
    String summary = reader.optionalText("classificationSummary", LONG_TEXT_LENGTH);
    String reasons = jsonArray(reader, "reasonsJson", true);
    String conditions = jsonArray(reader, "conditionsJson", false);
    String administrator = reader.requiredText("serviceAdministrator", USER_ID_LENGTH);
    String administratorName = reader.requiredText("serviceAdministratorName", NAME_LENGTH);
    String manager = reader.optionalText("serviceManager", USER_ID_LENGTH);
    String managerName = reader.optionalText("serviceManagerName", NAME_LENGTH);
    if (manager != null && managerName == null && !reader.hasError("serviceManagerName")) {
      reader.reject("serviceManagerName", "サービス管理担当者の氏名を入力してください",
          "is required when serviceManager is given");
    }
    LocalDate periodStart = reader.requiredDate("periodStart");
    LocalDate periodEnd = input.hasNonNull("periodEnd") ? reader.requiredDate("periodEnd") : null;
    if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
      reader.reject("periodEnd", "利用開始日以降の日付を入力してください", "must not be before periodStart");
    }
    String renews = reader.optionalText("renewsEntryId", 32);
    if (renews != null && repository.find(renews).isEmpty()) {
      reader.reject("renewsEntryId", "承認済み外部サービス台帳にない台帳番号です", "is not a registry entry");
    }
    reader.requiredText("approvedBy", USER_ID_LENGTH);
    reader.requiredText("processInstanceId", USER_ID_LENGTH);
    reader.throwIfInvalid();
    return new NewRegistryEntry(type, serviceName, providerName, kind.name(), category.name(), departmentCode,
        departmentName, route == null ? null : route.name(), outcome.name(), summary, reasons, conditions,
        administrator, administratorName, manager, managerName, periodStart, periodEnd, renews);
  }

  /**
   * The reasons ({@code [{"rule": …, "message": …}]}) or the conditions ({@code ["CAREFUL_JUDGMENT", …]}) as the
   * process variables hold them; "[]" when absent or JSON null.
   */
  private String jsonArray(InputReader reader, String field, boolean reasons) {
    String text = reader.optionalText(field, LONG_TEXT_LENGTH);
    if (text == null) {
      return reader.hasError(field) ? null : "[]";
    }
    JsonNode array;
    try {
      array = objectMapper.readTree(text);
    } catch (JsonProcessingException e) {
      array = null;
    }
    if (array != null && array.isNull()) {
      return "[]";   // a missing JSON variable written out as text
    }
    boolean valid = array != null && array.isArray();
    for (int i = 0; valid && i < array.size(); i++) {
      JsonNode item = array.get(i);
      valid = reasons
          ? item.isObject() && item.path("rule").isTextual() && item.path("message").isTextual()
          : item.isTextual() && isCondition(item.asText());
    }
    if (!valid) {
      if (reasons) {
        reader.reject(field, "根拠は {\"rule\", \"message\"} の JSON 配列で指定してください",
            "must be a JSON array of {\"rule\", \"message\"} objects");
      } else {
        reader.reject(field, "条件は JSON 配列で指定してください（許可される値: " + conditionNames() + "）",
            "must be a JSON array of: " + conditionNames());
      }
      return null;
    }
    return text;
  }

  private static boolean isCondition(String name) {
    return Arrays.stream(Condition.values()).anyMatch(condition -> condition.name().equals(name));
  }

  private static String conditionNames() {
    return Arrays.stream(Condition.values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private ObjectNode params(String actor, String processInstanceId) {
    return objectMapper.createObjectNode().put("actor", actor).put("processInstanceId", processInstanceId);
  }

  /** The engine clock, as in the process history (tests may move it). */
  private static Instant now() {
    return JapanClock.now();
  }
}
