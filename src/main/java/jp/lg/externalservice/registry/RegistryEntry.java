package jp.lg.externalservice.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;

/**
 * An approved external service (承認済み外部サービス, 001 8.2(4)③, 003 第10 2(4)②) as the registry holds it,
 * with its changes, oldest first. In JSON, {@code reasonsJson} and {@code conditionsJson} are the
 * arrays themselves (validated when registered), and an empty {@code events} list is left out: the
 * list endpoint sends none. The classification's enums are written by name, as the columns hold
 * them; {@code route} is null for an SNS account.
 */
public record RegistryEntry(
    String id,
    EntryType entryType,
    String serviceName,
    String providerName,
    ServiceKind serviceKind,
    ServiceCategory serviceCategory,
    String departmentCode,
    String departmentName,
    Route route,
    Outcome outcome,
    String classificationSummary,
    @JsonRawValue String reasonsJson,
    @JsonRawValue String conditionsJson,
    Instant approvedAt,
    String approvedBy,
    String serviceAdministrator,
    String serviceAdministratorName,
    String serviceManager,
    String serviceManagerName,
    LocalDate periodStart,
    LocalDate periodEnd,
    LocalDate contractDate,
    RegistryStatus status,
    Instant statusChangedAt,
    LocalDate endDate,
    String renewsEntryId,
    String applicationProcessInstanceId,
    int version,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RegistryEvent> events) {

  public RegistryEntry {
    events = List.copyOf(events);
  }

  RegistryEntry withEvents(List<RegistryEvent> changes) {
    return new RegistryEntry(
        id,
        entryType,
        serviceName,
        providerName,
        serviceKind,
        serviceCategory,
        departmentCode,
        departmentName,
        route,
        outcome,
        classificationSummary,
        reasonsJson,
        conditionsJson,
        approvedAt,
        approvedBy,
        serviceAdministrator,
        serviceAdministratorName,
        serviceManager,
        serviceManagerName,
        periodStart,
        periodEnd,
        contractDate,
        status,
        statusChangedAt,
        endDate,
        renewsEntryId,
        applicationProcessInstanceId,
        version,
        changes);
  }
}
