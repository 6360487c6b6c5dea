package jp.lg.externalservice.registry;

import java.time.LocalDate;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;

/**
 * What the approving step records (001 8.2(4)③, 003 第10 2(4)②): the service as applied for and
 * classified, its 外部サービス管理者 and サービス管理担当者, and the period of use ({@code route} is null for an SNS
 * account); {@code reasonsJson} is the JSON array of {@code {rule, message}} and {@code
 * conditionsJson} the JSON array of condition names, as the process variables hold them. {@code
 * renewsEntryId} names the entry a renewal (更改) replaces, ruling R-17.
 */
public record NewRegistryEntry(
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
    String reasonsJson,
    String conditionsJson,
    String serviceAdministrator,
    String serviceAdministratorName,
    String serviceManager,
    String serviceManagerName,
    LocalDate periodStart,
    LocalDate periodEnd,
    String renewsEntryId) {}
