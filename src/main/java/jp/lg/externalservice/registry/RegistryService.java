package jp.lg.externalservice.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jp.lg.externalservice.system.FieldChecks;
import jp.lg.externalservice.system.JapanClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approved-service registry (承認済み外部サービス台帳). When an application is approved, the approving step
 * records the service and its 外部サービス管理者 here (001 8.2(4)③, 003 第10 2(4)②); later steps record the
 * contract and the changes of status. Every method joins the caller's transaction (propagation
 * REQUIRED): called from a delegate, the registry write commits or rolls back with the process
 * step. Who may read what is the caller's business (see {@link RegistryController}); this service
 * applies no visibility rules.
 */
@Service
@Transactional
public class RegistryService {

  private static final int NAME_LENGTH = 200;
  private static final int USER_ID_LENGTH = 64;
  private static final int NOTE_LENGTH = 1000;
  private static final int LONG_TEXT_LENGTH = 100_000;

  /** What {@code register(null, …)} checks: every required field is reported missing. */
  private static final NewRegistryEntry EMPTY =
      new NewRegistryEntry(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null);

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
    // The year is the approval year; the number comes from one sequence, so ids never collide
    // across nodes.
    String id = "REG-%d-%04d".formatted(JapanClock.dayOf(now).getYear(), repository.nextNumber());
    String approver = approvedBy.strip();
    String instance = processInstanceId.strip();
    repository.insert(id, valid, now, approver, instance);
    String note =
        "承認により登録（"
            + (valid.route() == null ? valid.entryType().label() : valid.route().label())
            + "）"
            + (valid.renewsEntryId() == null
                ? ""
                : "。" + valid.renewsEntryId() + " の更改"); // ruling R-17
    repository.insertEvent(id, now, RegistryEvent.REGISTERED, instance, approver, note);
    return id;
  }

  public void recordContract(
      String entryId, LocalDate contractDate, String actor, String processInstanceId) {
    FieldChecks checks = new FieldChecks();
    checks.required("contractDate", contractDate);
    actor = checks.requiredText("actor", actor, USER_ID_LENGTH);
    processInstanceId = checks.optionalText("processInstanceId", processInstanceId, USER_ID_LENGTH);
    checks.throwIfInvalid();
    RegistryEntry current = load(entryId);
    if (current.status().ended()) {
      throw new RegistryException.Conflict(
          entryId + " は「" + current.status().label() + "」のため契約を記録できません",
          "cannot record a contract for " + entryId + ": it is " + current.status());
    }
    // The free route has no contract step (ruling R-5), nor has the SNS procedure (ruling R-10).
    if (current.entryType() == EntryType.SNS) {
      throw new RegistryException.Conflict(
          entryId + " は SNS アカウントのため契約の記録はありません（ruling R-10）",
          "no contract is recorded for " + entryId + ": it is an SNS account (ruling R-10)");
    }
    if (current.route() == Route.FREE) {
      throw new RegistryException.Conflict(
          entryId + " は無料ルートのため契約の記録はありません（ruling R-5）",
          "no contract is recorded for "
              + entryId
              + ": the free route has no contract step (ruling R-5)");
    }
    repository.updateContract(entryId, current.version(), contractDate);
    String note =
        "契約日 "
            + contractDate
            + (current.contractDate() == null ? "" : "（訂正前 " + current.contractDate() + "）");
    repository.insertEvent(
        entryId, now(), RegistryEvent.CONTRACT_RECORDED, processInstanceId, actor, note);
  }

  /**
   * Validates the transition (ACTIVE→SUSPENDED|TERMINATED|RENEWED, SUSPENDED→ACTIVE|TERMINATED;
   * TERMINATED/RENEWED are final) and records an event. endDate required for TERMINATED/RENEWED.
   */
  public void changeStatus(
      String entryId,
      RegistryStatus status,
      LocalDate endDate,
      String actor,
      String processInstanceId,
      String note) {
    FieldChecks checks = new FieldChecks();
    checks.required("status", status);
    actor = checks.requiredText("actor", actor, USER_ID_LENGTH);
    processInstanceId = checks.optionalText("processInstanceId", processInstanceId, USER_ID_LENGTH);
    note = checks.optionalText("note", note, NOTE_LENGTH);
    if (status != null && status.ended() && endDate == null) {
      checks.reject("endDate", "利用終了・更改には終了日が必要です", "is required for TERMINATED and RENEWED");
    }
    if (status != null && !status.ended() && endDate != null) {
      checks.reject(
          "endDate", "終了日は利用終了・更改のときだけ指定します", "may only be given for TERMINATED and RENEWED");
    }
    checks.throwIfInvalid();
    RegistryEntry current = load(entryId);
    if (!current.status().canChangeTo(status)) {
      throw new RegistryException.Conflict(
          entryId + " は「" + current.status().label() + "」から「" + status.label() + "」に変更できません",
          "cannot change " + entryId + " from " + current.status() + " to " + status);
    }
    Instant now = now();
    repository.updateStatus(entryId, current.version(), status, now, endDate);
    String change =
        current.status()
            + " → "
            + status
            + (endDate == null ? "" : "（終了日 " + endDate + "）")
            + (note == null ? "" : ": " + note);
    repository.insertEvent(
        entryId, now, RegistryEvent.STATUS_CHANGED, processInstanceId, actor, change);
  }

  /**
   * The successor {@code successor} takes over {@code role} from {@code departed} (issue 16, 人事異動),
   * and an event records the change and who named the successor ({@code actor}). Refused with
   * {@link RegistryException.Conflict} when the entry has ended or someone else holds the role by
   * now.
   */
  public void replaceHolder(
      String entryId,
      RegistryRole role,
      String departed,
      String successor,
      String successorName,
      String actor,
      String processInstanceId,
      String note) {
    FieldChecks checks = new FieldChecks();
    checks.required("role", role);
    successor = checks.requiredText("successor", successor, USER_ID_LENGTH);
    successorName = checks.requiredText("successorName", successorName, NAME_LENGTH);
    actor = checks.requiredText("actor", actor, USER_ID_LENGTH);
    processInstanceId = checks.optionalText("processInstanceId", processInstanceId, USER_ID_LENGTH);
    note = checks.optionalText("note", note, NOTE_LENGTH);
    checks.throwIfInvalid();
    RegistryEntry current = load(entryId);
    if (current.status().ended()) {
      throw new RegistryException.Conflict(
          entryId + " は「" + current.status().label() + "」のため" + role.label() + "を変更できません",
          "cannot change the " + role + " of " + entryId + ": it is " + current.status());
    }
    String holder = role.holderOf(current);
    if (departed != null && !departed.equals(holder)) {
      throw new RegistryException.Conflict(
          entryId + " の" + role.label() + "はすでに " + holder + " に変わっています",
          "the " + role + " of " + entryId + " is " + holder + " by now, not " + departed);
    }
    repository.updateHolder(entryId, current.version(), role, successor, successorName);
    String change =
        role.label()
            + " "
            + (holder == null ? "（なし）" : role.holderNameOf(current) + "（" + holder + "）")
            + " → "
            + successorName
            + "（"
            + successor
            + "）"
            + (note == null ? "" : ": " + note);
    repository.insertEvent(
        entryId, now(), RegistryEvent.SUCCESSOR_NAMED, processInstanceId, actor, change);
  }

  @Transactional(readOnly = true)
  public Optional<RegistryEntry> find(String entryId) {
    return entryId == null
        ? Optional.empty()
        : repository.find(entryId).map(entry -> entry.withEvents(repository.events(entryId)));
  }

  /** The matching entries with their events, ordered by id. */
  @Transactional(readOnly = true)
  public List<RegistryEntry> search(RegistryQuery query) {
    return search(query, null);
  }

  /**
   * As {@link #search(RegistryQuery)}, limited to entries of the given departments (the caller's
   * visibility).
   */
  @Transactional(readOnly = true)
  List<RegistryEntry> search(RegistryQuery query, Collection<String> departmentCodes) {
    return repository.search(query == null ? RegistryQuery.all() : query, departmentCodes);
  }

  private RegistryEntry load(String entryId) {
    return repository.find(entryId).orElseThrow(() -> new RegistryException.NotFound(entryId));
  }

  /**
   * Checks the entry field by field, naming every offending one, and returns it trimmed. The kinds,
   * categories, routes and outcomes are typed; which of them go together, and the names of the
   * conditions, are those of the classification (rulings.md §2 and rulings.md §3).
   */
  private NewRegistryEntry validated(
      NewRegistryEntry entry, String approvedBy, String processInstanceId) {
    NewRegistryEntry given = entry == null ? EMPTY : entry;
    FieldChecks checks = new FieldChecks();
    EntryType type = checks.required("entryType", given.entryType());
    String serviceName = checks.requiredText("serviceName", given.serviceName(), NAME_LENGTH);
    String providerName = checks.optionalText("providerName", given.providerName(), NAME_LENGTH);
    ServiceKind kind = checks.required("serviceKind", given.serviceKind());
    ServiceCategory category = checks.required("serviceCategory", given.serviceCategory());
    String departmentCode =
        checks.requiredText("departmentCode", given.departmentCode(), USER_ID_LENGTH);
    String departmentName = checks.requiredText("departmentName", given.departmentName(), 100);
    Outcome outcome = checks.required("outcome", given.outcome());
    Route route = given.route();
    if (type == EntryType.SNS) {
      // An SNS account follows the SNS procedure of 003 第7 5, without a route (ruling R-10).
      if (route != null) {
        checks.reject("route", "SNS アカウントにはルートはありません", "must be empty for an SNS account");
      }
      if (outcome != null && outcome != Outcome.SNS_PROCEDURE) {
        checks.reject(
            "outcome",
            "SNS アカウントの判定は SNS_PROCEDURE です",
            "must be SNS_PROCEDURE for an SNS account");
      }
    } else if (type == EntryType.SERVICE) {
      checks.required("route", route);
      // Only an application with a route can be approved (rulings.md §2, items 6 and 7).
      if (outcome != null && !outcome.hasRoute()) {
        checks.reject(
            "outcome",
            "承認できる判定は APPLICATION_REQUIRED または DISCOURAGED です",
            "must be APPLICATION_REQUIRED or DISCOURAGED for a service");
      }
    }
    String summary =
        checks.optionalText(
            "classificationSummary", given.classificationSummary(), LONG_TEXT_LENGTH);
    String reasons = jsonArray(checks, "reasonsJson", given.reasonsJson(), true);
    String conditions = jsonArray(checks, "conditionsJson", given.conditionsJson(), false);
    String administrator =
        checks.requiredText("serviceAdministrator", given.serviceAdministrator(), USER_ID_LENGTH);
    String administratorName =
        checks.requiredText(
            "serviceAdministratorName", given.serviceAdministratorName(), NAME_LENGTH);
    String manager = checks.optionalText("serviceManager", given.serviceManager(), USER_ID_LENGTH);
    String managerName =
        checks.optionalText("serviceManagerName", given.serviceManagerName(), NAME_LENGTH);
    if (manager != null && managerName == null && !checks.hasError("serviceManagerName")) {
      checks.reject(
          "serviceManagerName",
          "サービス管理担当者の氏名を入力してください",
          "is required when serviceManager is given");
    }
    LocalDate periodStart = checks.required("periodStart", given.periodStart());
    LocalDate periodEnd = given.periodEnd();
    if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
      checks.reject("periodEnd", "利用開始日以降の日付を入力してください", "must not be before periodStart");
    }
    String renews = checks.optionalText("renewsEntryId", given.renewsEntryId(), 32);
    if (renews != null && repository.find(renews).isEmpty()) {
      checks.reject("renewsEntryId", "承認済み外部サービス台帳にない台帳番号です", "is not a registry entry");
    }
    checks.requiredText("approvedBy", approvedBy, USER_ID_LENGTH);
    checks.requiredText("processInstanceId", processInstanceId, USER_ID_LENGTH);
    checks.throwIfInvalid();
    return new NewRegistryEntry(
        type,
        serviceName,
        providerName,
        kind,
        category,
        departmentCode,
        departmentName,
        route,
        outcome,
        summary,
        reasons,
        conditions,
        administrator,
        administratorName,
        manager,
        managerName,
        periodStart,
        periodEnd,
        renews);
  }

  /**
   * The reasons ({@code [{"rule": …, "message": …}]}) or the conditions ({@code
   * ["CAREFUL_JUDGMENT", …]}) as the process variables hold them; "[]" when absent or JSON null.
   */
  private String jsonArray(FieldChecks checks, String field, String value, boolean reasons) {
    String text = checks.optionalText(field, value, LONG_TEXT_LENGTH);
    if (text == null) {
      return checks.hasError(field) ? null : "[]";
    }
    JsonNode array;
    try {
      array = objectMapper.readTree(text);
    } catch (JsonProcessingException e) {
      array = null;
    }
    if (array != null && array.isNull()) {
      return "[]"; // a missing JSON variable written out as text
    }
    boolean valid = array != null && array.isArray();
    for (int i = 0; valid && i < array.size(); i++) {
      JsonNode item = array.get(i);
      valid =
          reasons
              ? item.isObject() && item.path("rule").isTextual() && item.path("message").isTextual()
              : item.isTextual() && isCondition(item.asText());
    }
    if (!valid) {
      if (reasons) {
        checks.reject(
            field,
            "根拠は {\"rule\", \"message\"} の JSON 配列で指定してください",
            "must be a JSON array of {\"rule\", \"message\"} objects");
      } else {
        checks.reject(
            field,
            "条件は JSON 配列で指定してください（許可される値: " + conditionNames() + "）",
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

  /** The engine clock, as in the process history (tests may move it). */
  private static Instant now() {
    return JapanClock.now();
  }
}
