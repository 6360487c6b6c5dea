package jp.lg.externalservice.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;

/**
 * Entries as the approving step would record them, for the registry tests. Each test adds its own
 * marker to the names and filters by it, because the database of a test context is shared with
 * other test classes.
 */
public final class RegistryEntries {

  static final String REASONS = "[{\"rule\":\"004 §9(2)\",\"message\":\"重要情報を取り扱うため様式1で申請します\"}]";

  private RegistryEntries() {}

  /**
   * A plain service of 区民課 in use since 2025 (tanaka 所属長, sato サービス管理担当者), no reasons or
   * conditions: what the termination and case-record tests stop or terminate.
   */
  public static NewRegistryEntry inUse(String serviceName, Route route) {
    return new NewRegistryEntry(
        EntryType.SERVICE,
        serviceName,
        "提供会社",
        ServiceKind.CLOUD_INTERNET,
        ServiceCategory.BUSINESS_APPLICATION,
        "kumin",
        "区民課",
        route,
        Outcome.APPLICATION_REQUIRED,
        "利用申請が必要",
        "[]",
        "[]",
        "tanaka",
        "田中 誠",
        "sato",
        "佐藤 花子",
        LocalDate.of(2025, 4, 1),
        LocalDate.of(2028, 3, 31),
        null);
  }

  /** A service of 区民課 with tanaka (所属長) as 外部サービス管理者 and sato as サービス管理担当者. */
  static NewRegistryEntry service(String serviceName, String providerName, Route route) {
    return service(serviceName, providerName, route, "kumin", "区民課", "tanaka", "田中 誠");
  }

  static NewRegistryEntry service(
      String serviceName,
      String providerName,
      Route route,
      String departmentCode,
      String departmentName,
      String administrator,
      String administratorName) {
    return new NewRegistryEntry(
        EntryType.SERVICE,
        serviceName,
        providerName,
        ServiceKind.CLOUD_INTERNET,
        ServiceCategory.BUSINESS_APPLICATION,
        departmentCode,
        departmentName,
        route,
        Outcome.APPLICATION_REQUIRED,
        "利用申請が必要（" + route + "）",
        REASONS,
        "[\"CAREFUL_JUDGMENT\"]",
        administrator,
        administratorName,
        "sato",
        "佐藤 花子",
        LocalDate.of(2027, 4, 1),
        LocalDate.of(2028, 3, 31),
        null);
  }

  /** A service of 福祉課 (watanabe is its 所属長). */
  static NewRegistryEntry fukushiService(String serviceName, String providerName, Route route) {
    return service(serviceName, providerName, route, "fukushi", "福祉課", "watanabe", "渡辺 直子");
  }

  /** An SNS publicity account of 区民課 (ruling R-10): no route, no period end. */
  static NewRegistryEntry sns(String accountName) {
    return new NewRegistryEntry(
        EntryType.SNS,
        accountName,
        "X Corp.",
        ServiceKind.WEB_SERVICE,
        ServiceCategory.SNS,
        "kumin",
        "区民課",
        null,
        Outcome.SNS_PROCEDURE,
        "SNS 登録手続（003 第7 5）",
        "[]",
        "[]",
        "tanaka",
        "田中 誠",
        null,
        null,
        LocalDate.of(2027, 4, 1),
        null,
        null);
  }

  /**
   * An entry as the registry returns it (id {@code id}, recorded from the application instance
   * {@code "pi-" + id}), for tests that stub the repository; ended entries end on 2028-03-31.
   */
  static RegistryEntry stored(String id, EntryType type, Route route, RegistryStatus status) {
    return new RegistryEntry(
        id,
        type,
        "kintone",
        "サイボウズ株式会社",
        ServiceKind.CLOUD_INTERNET,
        ServiceCategory.BUSINESS_APPLICATION,
        "kumin",
        "区民課",
        route,
        type == EntryType.SNS ? Outcome.SNS_PROCEDURE : Outcome.APPLICATION_REQUIRED,
        null,
        "[]",
        "[]",
        Instant.EPOCH,
        "kobayashi",
        "tanaka",
        "田中 誠",
        "sato",
        "佐藤 花子",
        LocalDate.of(2027, 4, 1),
        null,
        null,
        status,
        Instant.EPOCH,
        status.ended() ? LocalDate.of(2028, 3, 31) : null,
        null,
        "pi-" + id,
        3,
        List.of());
  }

  /**
   * What the export tests (CSV and xlsx) write out, each named with {@code marker}: a 区民課 service
   * whose values start like formulas, an ended SNS account, and a 福祉課 service that 区民課 staff must
   * not see.
   */
  record ExportEntries(String formula, String account, String zoom) {

    static ExportEntries register(RegistryService registry, String marker) {
      String formula =
          registry.register(
              service(
                  "=HYPERLINK(\"http://evil.example/" + marker + "\",\"click\")",
                  "+1 " + marker,
                  Route.IMPORTANT,
                  "kumin",
                  "-1",
                  "tanaka",
                  "@SUM(A1:A2)"),
              "kobayashi",
              "pi-" + marker);
      String account = registry.register(sns("区公式 X アカウント " + marker), "kobayashi", "pi-" + marker);
      registry.changeStatus(
          account, RegistryStatus.TERMINATED, LocalDate.of(2028, 3, 31), "tanaka", "pi-end", null);
      String zoom =
          registry.register(
              fukushiService("Zoom " + marker, "Zoom Video Communications", Route.PAID),
              "kobayashi",
              "pi-" + marker);
      return new ExportEntries(formula, account, zoom);
    }
  }

  /** The same entry as a renewal (更改) of {@code renewsEntryId}, ruling R-17. */
  static NewRegistryEntry renewing(NewRegistryEntry entry, String renewsEntryId) {
    return new NewRegistryEntry(
        entry.entryType(),
        entry.serviceName(),
        entry.providerName(),
        entry.serviceKind(),
        entry.serviceCategory(),
        entry.departmentCode(),
        entry.departmentName(),
        entry.route(),
        entry.outcome(),
        entry.classificationSummary(),
        entry.reasonsJson(),
        entry.conditionsJson(),
        entry.serviceAdministrator(),
        entry.serviceAdministratorName(),
        entry.serviceManager(),
        entry.serviceManagerName(),
        entry.periodStart(),
        entry.periodEnd(),
        renewsEntryId);
  }
}
