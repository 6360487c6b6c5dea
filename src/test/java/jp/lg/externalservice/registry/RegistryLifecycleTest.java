package jp.lg.externalservice.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Optional;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Retention;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The steps of an approved service's life that the flows' delegates call (rulings,
 * R-18), without a database or an engine: the registry and the retention are stand-ins. Which
 * transitions the registry allows is pinned by {@link RegistryValidationTest}; the steps through
 * the real flows by the operation, review and termination process tests.
 */
class RegistryLifecycleTest {

  private static final String ENTRY = "REG-2027-0001";

  private final RegistryService registry = mock(RegistryService.class);
  private final Retention retention = mock(Retention.class);
  private final RegistryLifecycle lifecycle = new RegistryLifecycle(registry, retention);

  @Test
  @DisplayName("更改: 承認された更改は元の台帳を今日付けで「更改により終了」にし、その台帳を返す（ruling R-17）")
  void aRenewalEndsTheEntryItRenews() {
    assertThat(lifecycle.renew(ENTRY, "REG-2027-0002", "kobayashi", "pi-1")).contains(ENTRY);

    verify(registry)
        .changeStatus(
            ENTRY,
            RegistryStatus.RENEWED,
            JapanClock.today(),
            "kobayashi",
            "pi-1",
            "更改: REG-2027-0002 に引き継ぎ");
  }

  @ParameterizedTest(name = "renews \"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = " ")
  @DisplayName("更改でない承認は台帳を変えない")
  void aNewServiceRenewsNothing(String renews) {
    assertThat(lifecycle.renew(renews, "REG-2027-0002", "kobayashi", "pi-1")).isEmpty();

    verifyNoInteractions(registry);
  }

  @Test
  @DisplayName("利用停止: 利用中の台帳は利用停止になり、停止した職員と理由が記録される（002 §6(2), ruling R-16）")
  void anEntryInUseIsSuspendedByWhoeverStoppedIt() {
    RegistryEntry entry = known(RegistryStatus.ACTIVE);

    assertThat(lifecycle.suspend(ENTRY, "kobayashi", "pi-2", "海外サーバを経由するため")).isEqualTo(entry);

    verify(registry)
        .changeStatus(
            ENTRY, RegistryStatus.SUSPENDED, null, "kobayashi", "pi-2", "利用停止: 海外サーバを経由するため");
  }

  @Test
  @DisplayName("利用停止: サインインした職員がいなければ、サービス管理担当者が記録される")
  void withoutACallerTheServiceManagerIsRecorded() {
    known(RegistryStatus.ACTIVE);

    lifecycle.suspend(ENTRY, null, "pi-3", "利用の停止が決定されたため");

    verify(registry)
        .changeStatus(ENTRY, RegistryStatus.SUSPENDED, null, "sato", "pi-3", "利用停止: 利用の停止が決定されたため");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = RegistryStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
  @DisplayName("利用停止: 利用中でない台帳はそのまま（続く終了手続が閉じる）")
  void anEntryNotInUseStaysAsItIs(RegistryStatus status) {
    RegistryEntry entry = known(status);

    assertThat(lifecycle.suspend(ENTRY, "kobayashi", "pi-4", "理由")).isEqualTo(entry);

    verify(registry, never()).changeStatus(anyString(), any(), any(), any(), any(), any());
  }

  @Test
  @DisplayName("利用停止: 台帳にない番号は停止できない")
  void anUnknownEntryCannotBeSuspended() {
    when(registry.find(ENTRY)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> lifecycle.suspend(ENTRY, "kobayashi", "pi-5", "理由"))
        .isInstanceOf(RegistryException.NotFound.class);
  }

  @Test
  @DisplayName("利用終了: 台帳は終了日で利用終了になり、申請の記録は終了日から保存期間だけ残る（ruling R-18）")
  void terminationKeepsTheRecordsAfterTheEndDate() {
    known(RegistryStatus.ACTIVE);
    LocalDate endDate = LocalDate.of(2028, 3, 31);

    lifecycle.terminate(ENTRY, endDate, "sato", "pi-6", "契約満了");

    verify(registry)
        .changeStatus(ENTRY, RegistryStatus.TERMINATED, endDate, "sato", "pi-6", "利用終了: 契約満了");
    verify(retention).keepCaseUntil("pi-" + ENTRY, endDate);
  }

  @Test
  @DisplayName("年次確認: 利用中は申請の記録を次の年次確認から保存期間だけ残す（ruling R-18）")
  void theYearlyCheckExtendsTheRetention() {
    known(RegistryStatus.ACTIVE);

    lifecycle.extendRetention(ENTRY);

    verify(retention).keepCaseUntil("pi-" + ENTRY, JapanClock.today().plusYears(1));
  }

  @Test
  @DisplayName("年次確認: 台帳にない番号では何もしない")
  void noRetentionWithoutAnEntry() {
    when(registry.find(ENTRY)).thenReturn(Optional.empty());

    lifecycle.extendRetention(ENTRY);

    verifyNoInteractions(retention);
  }

  private RegistryEntry known(RegistryStatus status) {
    RegistryEntry entry = RegistryEntries.stored(ENTRY, EntryType.SERVICE, Route.PAID, status);
    when(registry.find(ENTRY)).thenReturn(Optional.of(entry));
    return entry;
  }
}
