package jp.lg.externalservice.registry;

import java.time.LocalDate;

/**
 * What the approving step records (001 8.2(4)③, 003 第10 2(4)②): the service as applied for and classified,
 * its 外部サービス管理者 and サービス管理担当者, and the period of use. {@code route} and {@code outcome} take the
 * names of {@code Route} and {@code Outcome}; {@code reasonsJson} is the JSON array of {@code {rule, message}} and
 * {@code conditionsJson} the JSON array of condition names, as the process variables hold them.
 * {@code renewsEntryId} names the entry a renewal (更改) replaces, ruling R-17.
 */
public record NewRegistryEntry(EntryType entryType, String serviceName, String providerName, String serviceKind,
    String serviceCategory, String departmentCode, String departmentName, String route, String outcome,
    String classificationSummary, String reasonsJson, String conditionsJson, String serviceAdministrator,
    String serviceAdministratorName, String serviceManager, String serviceManagerName, LocalDate periodStart,
    LocalDate periodEnd, String renewsEntryId) {}
