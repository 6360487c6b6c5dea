package jp.lg.externalservice.registry;

import static jp.lg.externalservice.registry.RegistryEntries.fukushiService;
import static jp.lg.externalservice.registry.RegistryEntries.renewing;
import static jp.lg.externalservice.registry.RegistryEntries.service;
import static jp.lg.externalservice.registry.RegistryEntries.sns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registry service through the real Spring beans and the real (H2) database migrated by Flyway.
 */
class RegistryServiceTest extends EngineTest {

  private static final LocalDate END = LocalDate.of(2028, 3, 31);

  @Autowired RegistryService registry;
  @Autowired RegistryRepository repository;

  /** Every test names its entries with its own marker and searches by it. */
  private final String marker = "t" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String register(NewRegistryEntry entry) {
    return registry.register(entry, "kobayashi", "pi-approval-" + marker);
  }

  private RegistryEntry entry(String id) {
    return registry.find(id).orElseThrow();
  }

  private List<String> ids(RegistryQuery query) {
    return registry.search(query).stream().map(RegistryEntry::id).toList();
  }

  @Test
  @DisplayName("登録した内容がそのまま読め、利用中・版 0 で、承認者とプロセスインスタンスを記した登録イベントが 1 件ある")
  void registerAndFind() {
    Instant approvedAt = Instant.parse("2026-06-01T01:00:00Z");
    ClockUtil.setCurrentTime(Date.from(approvedAt));
    String id = register(service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT));

    RegistryEntry entry = entry(id);
    assertThat(id).matches("REG-2026-\\d{4,}");
    assertThat(entry.id()).isEqualTo(id);
    assertThat(entry.entryType()).isEqualTo(EntryType.SERVICE);
    assertThat(entry.serviceName()).isEqualTo("kintone " + marker);
    assertThat(entry.providerName()).isEqualTo("サイボウズ株式会社");
    assertThat(entry.serviceKind()).isEqualTo(ServiceKind.CLOUD_INTERNET);
    assertThat(entry.serviceCategory()).isEqualTo(ServiceCategory.BUSINESS_APPLICATION);
    assertThat(entry.departmentCode()).isEqualTo("kumin");
    assertThat(entry.departmentName()).isEqualTo("区民課");
    assertThat(entry.route()).isEqualTo(Route.IMPORTANT);
    assertThat(entry.outcome()).isEqualTo(Outcome.APPLICATION_REQUIRED);
    assertThat(entry.classificationSummary()).isEqualTo("利用申請が必要（IMPORTANT）");
    assertThat(entry.reasonsJson()).isEqualTo(RegistryEntries.REASONS);
    assertThat(entry.conditionsJson()).isEqualTo("[\"CAREFUL_JUDGMENT\"]");
    assertThat(entry.approvedAt()).isEqualTo(approvedAt);
    assertThat(entry.approvedBy()).isEqualTo("kobayashi");
    assertThat(entry.serviceAdministrator()).isEqualTo("tanaka");
    assertThat(entry.serviceAdministratorName()).isEqualTo("田中 誠");
    assertThat(entry.serviceManager()).isEqualTo("sato");
    assertThat(entry.serviceManagerName()).isEqualTo("佐藤 花子");
    assertThat(entry.periodStart()).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(entry.periodEnd()).isEqualTo(END);
    assertThat(entry.contractDate()).isNull();
    assertThat(entry.status()).isEqualTo(RegistryStatus.ACTIVE);
    assertThat(entry.statusChangedAt()).isEqualTo(approvedAt);
    assertThat(entry.endDate()).isNull();
    assertThat(entry.renewsEntryId()).isNull();
    assertThat(entry.applicationProcessInstanceId()).isEqualTo("pi-approval-" + marker);
    assertThat(entry.version()).isZero();
    assertThat(entry.events())
        .containsExactly(
            new RegistryEvent(
                approvedAt,
                RegistryEvent.REGISTERED,
                "pi-approval-" + marker,
                "kobayashi",
                "承認により登録（重要情報の取扱いあり）"));
    assertThat(registry.find("REG-1999-0001")).isEmpty();
  }

  @Test
  @DisplayName("SNS アカウントはルートなしで登録できる（ruling R-10）")
  void registerSnsAccount() {
    RegistryEntry entry = entry(register(sns("区公式 X アカウント " + marker)));
    assertThat(entry.entryType()).isEqualTo(EntryType.SNS);
    assertThat(entry.route()).isNull();
    assertThat(entry.outcome()).isEqualTo(Outcome.SNS_PROCEDURE);
    assertThat(entry.periodEnd()).isNull();
    assertThat(entry.events().get(0).note()).isEqualTo("承認により登録（SNS アカウント）");
  }

  @Test
  @DisplayName("続けて登録した台帳番号は承認年と連番で、1 ずつ増える")
  void idsAreSequential() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(register(service("連番 " + i + " " + marker, "株式会社テスト", Route.PAID)));
    }
    String year = String.valueOf(LocalDate.now(JapanClock.ZONE).getYear());
    assertThat(ids).allSatisfy(id -> assertThat(id).matches("REG-" + year + "-\\d{4,}"));
    long first = Long.parseLong(ids.get(0).substring(9));
    assertThat(ids)
        .containsExactly(
            "REG-%s-%04d".formatted(year, first),
            "REG-%s-%04d".formatted(year, first + 1),
            "REG-%s-%04d".formatted(year, first + 2));
  }

  @Test
  @DisplayName("台帳番号の年は日本時間の承認年（UTC では前年の 12 月 31 日 15:30 でも翌年）")
  void yearIsTheApprovalYearInJapan() {
    ClockUtil.setCurrentTime(
        Date.from(Instant.parse("2030-12-31T14:59:00Z"))); // 2030-12-31 23:59 JST
    String lastOf2030 = register(service("年末 " + marker, "株式会社テスト", Route.FREE));
    ClockUtil.setCurrentTime(
        Date.from(Instant.parse("2030-12-31T15:30:00Z"))); // 2031-01-01 00:30 JST
    String firstOf2031 = register(service("年始 " + marker, "株式会社テスト", Route.FREE));
    assertThat(lastOf2030).startsWith("REG-2030-");
    assertThat(firstOf2031).startsWith("REG-2031-");
  }

  @Test
  @DisplayName("同時に登録しても台帳番号は重複しない（DB シーケンス。複数ノードでも同じ）")
  void concurrentRegistrationsGetUniqueIds() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        NewRegistryEntry entry = service("同時 " + i + " " + marker, "株式会社テスト", Route.PAID);
        futures.add(pool.submit(() -> register(entry)));
      }
      Set<String> ids = new HashSet<>();
      for (Future<String> future : futures) {
        ids.add(future.get());
      }
      assertThat(ids).hasSize(40);
      assertThat(ids(new RegistryQuery(null, null, null, marker)))
          .containsExactlyInAnyOrderElementsOf(ids);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  @DisplayName("検索: 状態・部署・ルート・名称（サービス名または提供会社名、大文字小文字を区別しない）で絞り込み、台帳番号順")
  void searchWithEachFilter() {
    String kintone = register(service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT));
    String zoom =
        register(fukushiService("Zoom " + marker, "Acme " + marker + " Inc.", Route.PAID));
    String forms = register(service("Google フォーム " + marker, "Google LLC", Route.FREE));
    String account = register(sns("区公式 X アカウント " + marker));
    registry.changeStatus(
        forms, RegistryStatus.SUSPENDED, null, "tanaka", "pi-operation", "国外サーバでの保存が判明");

    assertThat(ids(new RegistryQuery(null, null, null, marker)))
        .containsExactly(kintone, zoom, forms, account);
    assertThat(ids(new RegistryQuery(RegistryStatus.SUSPENDED, null, null, marker)))
        .containsExactly(forms);
    assertThat(ids(new RegistryQuery(RegistryStatus.ACTIVE, null, null, marker)))
        .containsExactly(kintone, zoom, account);
    assertThat(ids(new RegistryQuery(null, "fukushi", null, marker))).containsExactly(zoom);
    assertThat(ids(new RegistryQuery(null, "kumin", null, marker)))
        .containsExactly(kintone, forms, account);
    assertThat(ids(new RegistryQuery(null, null, Route.PAID, marker))).containsExactly(zoom);
    assertThat(ids(new RegistryQuery(null, null, Route.IMPORTANT, marker)))
        .containsExactly(kintone);
    assertThat(ids(new RegistryQuery(RegistryStatus.ACTIVE, "kumin", null, marker)))
        .containsExactly(kintone, account);
    // Service name, any case; provider name, any case.
    assertThat(ids(new RegistryQuery(null, null, null, "KINTONE " + marker.toUpperCase())))
        .containsExactly(kintone);
    assertThat(ids(new RegistryQuery(null, null, null, "acme " + marker.toUpperCase() + " inc")))
        .containsExactly(zoom);
    // LIKE wildcards in the text are taken literally.
    assertThat(ids(new RegistryQuery(null, null, null, marker + "%"))).isEmpty();
    assertThat(ids(new RegistryQuery(null, null, null, "_" + marker))).isEmpty();
    // No filter: everything, ordered by id.
    List<String> all = ids(RegistryQuery.all());
    assertThat(all).containsSubsequence(kintone, zoom, forms, account);
    assertThat(all)
        .isSortedAccordingTo(
            (a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b));
    // Search results carry their events too.
    assertThat(
            registry
                .search(new RegistryQuery(RegistryStatus.SUSPENDED, null, null, marker))
                .get(0)
                .events())
        .extracting(RegistryEvent::eventType)
        .containsExactly(RegistryEvent.REGISTERED, RegistryEvent.STATUS_CHANGED);
  }

  @Test
  @DisplayName("契約日を記録すると版が上がり、プロセスインスタンス付きのイベントが残る。訂正も記録される")
  void recordContract() {
    String id = register(service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT));
    registry.recordContract(id, LocalDate.of(2027, 3, 10), "tanaka", "pi-contract-" + marker);
    registry.recordContract(id, LocalDate.of(2027, 3, 15), "tanaka", "pi-contract-" + marker);

    RegistryEntry entry = entry(id);
    assertThat(entry.contractDate()).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(entry.version()).isEqualTo(2);
    assertThat(entry.status()).isEqualTo(RegistryStatus.ACTIVE);
    assertThat(entry.events())
        .extracting(
            RegistryEvent::eventType,
            RegistryEvent::processInstanceId,
            RegistryEvent::actor,
            RegistryEvent::note)
        .containsExactly(
            tuple(
                RegistryEvent.REGISTERED,
                "pi-approval-" + marker,
                "kobayashi",
                "承認により登録（重要情報の取扱いあり）"),
            tuple(
                RegistryEvent.CONTRACT_RECORDED,
                "pi-contract-" + marker,
                "tanaka",
                "契約日 2027-03-10"),
            tuple(
                RegistryEvent.CONTRACT_RECORDED,
                "pi-contract-" + marker,
                "tanaka",
                "契約日 2027-03-15（訂正前 2027-03-10）"));
  }

  @Test
  @DisplayName("契約日: 無料ルートと SNS には記録できず（ruling R-5）、終了済み・未知の台帳番号・日付なしは拒否される")
  void contractRefusals() {
    String free = register(service("Google フォーム " + marker, "Google LLC", Route.FREE));
    String account = register(sns("区公式 X アカウント " + marker));
    String ended = register(service("終了済み " + marker, "株式会社テスト", Route.PAID));
    registry.changeStatus(ended, RegistryStatus.TERMINATED, END, "tanaka", null, null);

    assertThatThrownBy(
            () -> registry.recordContract(free, LocalDate.of(2027, 3, 1), "tanaka", null))
        .isInstanceOf(RegistryException.Conflict.class)
        .hasMessageContaining("無料ルート")
        .hasMessageContaining("R-5");
    assertThatThrownBy(
            () -> registry.recordContract(account, LocalDate.of(2027, 3, 1), "tanaka", null))
        .isInstanceOf(RegistryException.Conflict.class)
        .hasMessageContaining("SNS");
    assertThatThrownBy(
            () -> registry.recordContract(ended, LocalDate.of(2027, 3, 1), "tanaka", null))
        .isInstanceOf(RegistryException.Conflict.class)
        .hasMessageContaining("利用終了")
        .hasMessageContaining("it is TERMINATED");
    assertThatThrownBy(
            () ->
                registry.recordContract("REG-1999-0001", LocalDate.of(2027, 3, 1), "tanaka", null))
        .isInstanceOf(RegistryException.NotFound.class)
        .hasMessage("承認済み外部サービス台帳に REG-1999-0001 はありません（no registry entry REG-1999-0001）");
    InputValidationException missing =
        assertThrows(
            InputValidationException.class, () -> registry.recordContract(free, null, " ", null));
    assertThat(fields(missing)).containsExactly("contractDate", "actor");
    assertThat(entry(free).contractDate()).isNull();
    assertThat(entry(free).events()).hasSize(1);
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
    "ACTIVE,     SUSPENDED,  true",
    "ACTIVE,     TERMINATED, true",
    "ACTIVE,     RENEWED,    true",
    "ACTIVE,     ACTIVE,     false",
    "SUSPENDED,  ACTIVE,     true",
    "SUSPENDED,  TERMINATED, true",
    "SUSPENDED,  RENEWED,    false",
    "SUSPENDED,  SUSPENDED,  false",
    "TERMINATED, ACTIVE,     false",
    "TERMINATED, SUSPENDED,  false",
    "TERMINATED, RENEWED,    false",
    "TERMINATED, TERMINATED, false",
    "RENEWED,    ACTIVE,     false",
    "RENEWED,    SUSPENDED,  false",
    "RENEWED,    TERMINATED, false",
    "RENEWED,    RENEWED,    false"
  })
  @DisplayName("状態の遷移: 許可された遷移だけが記録され、終了・更改は最終状態")
  void statusTransitions(RegistryStatus from, RegistryStatus to, boolean allowed) {
    String id = register(service("遷移 " + marker, "株式会社テスト", Route.PAID));
    // Reach "from" by an allowed path.
    switch (from) {
      case SUSPENDED -> registry.changeStatus(id, from, null, "tanaka", "pi-setup", null);
      case TERMINATED, RENEWED -> registry.changeStatus(id, from, END, "tanaka", "pi-setup", null);
      default -> {}
    }
    RegistryEntry before = entry(id);
    LocalDate endDate =
        to == RegistryStatus.TERMINATED || to == RegistryStatus.RENEWED
            ? LocalDate.of(2028, 1, 31)
            : null;
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-10-01T00:00:00Z")));

    if (allowed) {
      registry.changeStatus(id, to, endDate, "tanaka", "pi-change-" + marker, "理由");
      RegistryEntry after = entry(id);
      assertThat(after.status()).isEqualTo(to);
      assertThat(after.endDate()).isEqualTo(endDate);
      assertThat(after.statusChangedAt()).isEqualTo(Instant.parse("2027-10-01T00:00:00Z"));
      assertThat(after.version()).isEqualTo(before.version() + 1);
      assertThat(after.events())
          .last()
          .isEqualTo(
              new RegistryEvent(
                  Instant.parse("2027-10-01T00:00:00Z"),
                  RegistryEvent.STATUS_CHANGED,
                  "pi-change-" + marker,
                  "tanaka",
                  from + " → " + to + (endDate == null ? "" : "（終了日 2028-01-31）") + ": 理由"));
    } else {
      assertThatThrownBy(
              () -> registry.changeStatus(id, to, endDate, "tanaka", "pi-change-" + marker, "理由"))
          .isInstanceOf(RegistryException.Conflict.class)
          .hasMessageContaining("「" + from.label() + "」から「" + to.label() + "」に変更できません")
          .hasMessageContaining("cannot change " + id + " from " + from + " to " + to);
      assertThat(entry(id)).isEqualTo(before);
    }
  }

  @Test
  @DisplayName("利用停止の理由が「ACTIVE → SUSPENDED: 理由」としてイベントに残る")
  void suspensionNote() {
    String id = register(service("Google フォーム " + marker, "Google LLC", Route.FREE));
    registry.changeStatus(
        id, RegistryStatus.SUSPENDED, null, "tanaka", "pi-monthly", "国外サーバでの保存が判明");
    RegistryEvent event = entry(id).events().get(1);
    assertThat(event.note()).isEqualTo("ACTIVE → SUSPENDED: 国外サーバでの保存が判明");
    assertThat(event.processInstanceId()).isEqualTo("pi-monthly");
  }

  @Test
  @DisplayName("状態変更: 終了・更改に終了日がない、停止に終了日がある、操作者・状態がない、未知の台帳番号は拒否")
  void statusChangeRefusals() {
    String id = register(service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT));
    for (RegistryStatus ending : List.of(RegistryStatus.TERMINATED, RegistryStatus.RENEWED)) {
      InputValidationException e =
          assertThrows(
              InputValidationException.class,
              () -> registry.changeStatus(id, ending, null, "tanaka", null, null));
      assertThat(fields(e)).containsExactly("endDate");
      assertThat(e.getMessage()).contains("終了日が必要です", "is required for TERMINATED and RENEWED");
    }
    InputValidationException suspended =
        assertThrows(
            InputValidationException.class,
            () -> registry.changeStatus(id, RegistryStatus.SUSPENDED, END, null, null, null));
    assertThat(fields(suspended)).containsExactly("actor", "endDate");
    InputValidationException noStatus =
        assertThrows(
            InputValidationException.class,
            () -> registry.changeStatus(id, null, null, "tanaka", null, null));
    assertThat(fields(noStatus)).containsExactly("status");
    assertThatThrownBy(
            () ->
                registry.changeStatus(
                    "REG-1999-0001", RegistryStatus.SUSPENDED, null, "tanaka", null, null))
        .isInstanceOf(RegistryException.NotFound.class);
    assertThat(entry(id).status()).isEqualTo(RegistryStatus.ACTIVE);
    assertThat(entry(id).events()).hasSize(1);
  }

  @Test
  @DisplayName("楽観的ロック: 読んだ後に他の処理が更新した版での更新は失敗し、何も変わらない")
  void staleUpdateFails() {
    String id = register(service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT));
    RegistryEntry read = entry(id);
    // Meanwhile another process suspends the service.
    registry.changeStatus(id, RegistryStatus.SUSPENDED, null, "tanaka", "pi-other", "他の処理");

    assertThatThrownBy(
            () ->
                repository.updateStatus(
                    id, read.version(), RegistryStatus.TERMINATED, Instant.now(), END))
        .isInstanceOf(RegistryException.Stale.class)
        .hasMessageContaining("他の処理で更新されました")
        .hasMessageContaining("version 0 is stale");
    assertThatThrownBy(
            () -> repository.updateContract(id, read.version(), LocalDate.of(2027, 3, 1)))
        .isInstanceOf(RegistryException.Stale.class);
    RegistryEntry now = entry(id);
    assertThat(now.status()).isEqualTo(RegistryStatus.SUSPENDED);
    assertThat(now.endDate()).isNull();
    assertThat(now.contractDate()).isNull();
    assertThat(now.version()).isEqualTo(1);
    // With the current version the update goes through.
    repository.updateStatus(id, now.version(), RegistryStatus.TERMINATED, Instant.now(), END);
    assertThat(entry(id).version()).isEqualTo(2);
  }

  @Test
  @DisplayName("更改（ruling R-17）: 新しい台帳は元の台帳番号を参照し、元の台帳は「更改により終了」にできる")
  void renewal() {
    String old = register(service("kintone " + marker, "サイボウズ株式会社", Route.PAID));
    String renewal =
        register(renewing(service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT), old));
    registry.changeStatus(
        old, RegistryStatus.RENEWED, LocalDate.of(2028, 3, 31), "tanaka", "pi-renewal", null);

    assertThat(entry(renewal).renewsEntryId()).isEqualTo(old);
    assertThat(entry(renewal).events().get(0).note()).contains(old + " の更改");
    assertThat(entry(old).status()).isEqualTo(RegistryStatus.RENEWED);
    assertThat(entry(old).status().label()).isEqualTo("更改により終了");
  }

  @Test
  @DisplayName("登録内容の誤りは項目をすべて日英で示して拒否され、何も保存されない")
  void invalidEntryNamesEveryField() {
    int before = registry.search(RegistryQuery.all()).size();
    NewRegistryEntry bad =
        new NewRegistryEntry(
            EntryType.SERVICE,
            "  ",
            null,
            null,
            ServiceCategory.BUSINESS_APPLICATION,
            "kumin",
            "区民課",
            null,
            Outcome.FORBIDDEN,
            null,
            "not json",
            "[\"UNKNOWN\"]",
            null,
            "田中 誠",
            "sato",
            null,
            LocalDate.of(2027, 4, 1),
            LocalDate.of(2027, 3, 31),
            "REG-1999-0001");

    InputValidationException e =
        assertThrows(InputValidationException.class, () -> registry.register(bad, null, " "));
    assertThat(fields(e))
        .containsExactly(
            "serviceName",
            "serviceKind",
            "route",
            "outcome",
            "reasonsJson",
            "conditionsJson",
            "serviceAdministrator",
            "serviceManagerName",
            "periodEnd",
            "renewsEntryId",
            "approvedBy",
            "processInstanceId");
    assertThat(e.getErrors())
        .allSatisfy(
            error -> {
              assertThat(error.message()).isNotBlank();
              assertThat(error.messageEn()).isNotBlank();
            });
    assertThat(e.getMessage()).contains("serviceKind", "必須項目です", "is required");
    assertThat(registry.search(RegistryQuery.all())).hasSize(before);
  }

  @Test
  @DisplayName("種別が未指定・SNS にルートがある・SNS の判定が違う・期間開始日がないときも項目を示す")
  void invalidTypeAndSnsFields() {
    NewRegistryEntry noType =
        new NewRegistryEntry(
            null,
            "kintone",
            "サイボウズ株式会社",
            ServiceKind.CLOUD_INTERNET,
            ServiceCategory.BUSINESS_APPLICATION,
            "kumin",
            "区民課",
            Route.PAID,
            Outcome.APPLICATION_REQUIRED,
            null,
            null,
            null,
            "tanaka",
            "田中 誠",
            null,
            null,
            null,
            null,
            null);
    InputValidationException e =
        assertThrows(InputValidationException.class, () -> register(noType));
    assertThat(fields(e)).containsExactly("entryType", "periodStart");

    NewRegistryEntry snsWithRoute =
        new NewRegistryEntry(
            EntryType.SNS,
            "区公式 X",
            "X Corp.",
            ServiceKind.WEB_SERVICE,
            ServiceCategory.SNS,
            "kumin",
            "区民課",
            Route.FREE,
            Outcome.APPLICATION_REQUIRED,
            null,
            null,
            null,
            "tanaka",
            "田中 誠",
            null,
            null,
            LocalDate.of(2027, 4, 1),
            null,
            null);
    InputValidationException sns =
        assertThrows(InputValidationException.class, () -> register(snsWithRoute));
    assertThat(fields(sns)).containsExactly("route", "outcome");
    assertThat(sns.getMessage())
        .contains("SNS アカウントにはルートはありません", "must be empty for an SNS account");

    assertThat(
            fields(
                assertThrows(
                    InputValidationException.class,
                    () -> registry.register(null, "kobayashi", "pi"))))
        .contains("entryType", "serviceName", "periodStart");
  }
}
