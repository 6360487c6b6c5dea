package jp.lg.externalservice.registry;

import static jp.lg.externalservice.registry.RegistryEntries.service;
import static jp.lg.externalservice.registry.RegistryEntries.sns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The rules {@link RegistryService} applies to what it is asked to record, without a database: the
 * repository is a stand-in that knows one entry ({@value #KNOWN}) and records what it is asked to
 * store. The same rules through the real database: {@link RegistryServiceTest}.
 */
class RegistryValidationTest {

  private static final String KNOWN = "REG-2027-0001";

  /** As Spring Boot configures Jackson: dates as ISO text. */
  private final ObjectMapper objectMapper =
      Jackson2ObjectMapperBuilder.json()
          .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final RegistryRepository repository = mock(RegistryRepository.class);
  private final RegistryService registry = new RegistryService(repository, objectMapper);

  RegistryValidationTest() {
    when(repository.find(anyString())).thenReturn(Optional.empty());
    when(repository.find(KNOWN))
        .thenReturn(
            Optional.of(
                RegistryEntries.stored(
                    KNOWN, EntryType.SERVICE, Route.PAID, RegistryStatus.ACTIVE)));
    when(repository.nextNumber()).thenReturn(42L);
  }

  @Nested
  @DisplayName("承認時の登録（register）")
  class Register {

    @Test
    @DisplayName("正しい登録は前後の空白を除いて保存され、台帳番号と登録の記録が付く")
    void aValidEntryIsStoredTrimmed() {
      String id =
          registry.register(
              with(service("kintone", "サイボウズ株式会社", Route.IMPORTANT), "serviceName", "  kintone  "),
              " kobayashi ",
              " pi-1 ");

      assertThat(id).matches("REG-\\d{4}-0042");
      ArgumentCaptor<NewRegistryEntry> stored = ArgumentCaptor.forClass(NewRegistryEntry.class);
      verify(repository).insert(eq(id), stored.capture(), any(), eq("kobayashi"), eq("pi-1"));
      assertThat(stored.getValue().serviceName()).isEqualTo("kintone");
      assertThat(stored.getValue().route()).isEqualTo(Route.IMPORTANT);
      verify(repository)
          .insertEvent(
              eq(id),
              any(),
              eq(RegistryEvent.REGISTERED),
              eq("pi-1"),
              eq("kobayashi"),
              eq("承認により登録（重要情報の取扱いあり）"));
    }

    @Test
    @DisplayName("SNS アカウントはルートなしで登録され、更改なら更改元を記録する（ruling R-10, R-17）")
    void anSnsAccountRenewingAnEntry() {
      String id =
          registry.register(with(sns("区公式 X"), "renewsEntryId", KNOWN), "kobayashi", "pi-2");

      verify(repository)
          .insertEvent(
              eq(id),
              any(),
              eq(RegistryEvent.REGISTERED),
              eq("pi-2"),
              eq("kobayashi"),
              eq("承認により登録（SNS アカウント）。" + KNOWN + " の更改"));
    }

    @ParameterizedTest(name = "reasonsJson = {0}")
    @CsvSource(
        nullValues = "NULL",
        value = {"NULL", "null", "'[]'"})
    @DisplayName("根拠がない（または JSON の null）なら空の配列として保存する")
    void missingReasonsAreAnEmptyList(String reasons) {
      registry.register(
          with(service("kintone", null, Route.PAID), "reasonsJson", reasons), "kobayashi", "pi-3");

      ArgumentCaptor<NewRegistryEntry> stored = ArgumentCaptor.forClass(NewRegistryEntry.class);
      verify(repository).insert(anyString(), stored.capture(), any(), anyString(), anyString());
      assertThat(stored.getValue().reasonsJson()).isEqualTo("[]");
    }

    /**
     * One field of a valid service entry (PAID, with サービス管理担当者 sato) changed to the value given.
     * The kind, category, route and outcome are typed, so a name outside their enums cannot reach
     * the service: it is refused where it is read, at the HTTP or form edge ({@code InputReader}).
     */
    @ParameterizedTest(name = "{0} = {1}")
    @DisplayName("項目ごとの誤りは、その項目を日英で示して拒否され、何も保存されない")
    @CsvSource(
        delimiter = '|',
        nullValues = "NULL",
        textBlock =
            """
        serviceName              | '   '                       | 必須項目です | is required
        serviceKind              | NULL                        | 必須項目です | is required
        serviceCategory          | NULL                        | 必須項目です | is required
        departmentCode           | NULL                        | 必須項目です | is required
        departmentName           | ''                          | 必須項目です | is required
        # a service is approved on a route (rulings.md §2, items 6 and 7)
        route                    | NULL                        | 必須項目です | is required
        outcome                  | NULL                        | 必須項目です | is required
        outcome                  | FORBIDDEN                   | 承認できる判定は APPLICATION_REQUIRED または DISCOURAGED です | must be APPLICATION_REQUIRED or DISCOURAGED for a service
        outcome                  | NO_APPLICATION              | 承認できる判定は APPLICATION_REQUIRED または DISCOURAGED です | must be APPLICATION_REQUIRED or DISCOURAGED for a service
        outcome                  | SNS_PROCEDURE               | 承認できる判定は APPLICATION_REQUIRED または DISCOURAGED です | must be APPLICATION_REQUIRED or DISCOURAGED for a service
        # the reasons and conditions as the classification wrote them (rulings.md §3)
        reasonsJson              | not json                    | 根拠は {"rule", "message"} の JSON 配列で指定してください | must be a JSON array of {"rule", "message"} objects
        reasonsJson              | {"rule":"004 §3","message":"×"} | 根拠は {"rule", "message"} の JSON 配列で指定してください | must be a JSON array of {"rule", "message"} objects
        reasonsJson              | [{"rule":"004 §3"}]         | 根拠は {"rule", "message"} の JSON 配列で指定してください | must be a JSON array of {"rule", "message"} objects
        conditionsJson           | ["UNKNOWN"]                 | 条件は JSON 配列で指定してください（許可される値: PRIOR_CONSULTATION, SPECIFIC_COMMUNICATION, CAREFUL_JUDGMENT, GOVERNMENT_CLOUD_RULES） | must be a JSON array of: PRIOR_CONSULTATION, SPECIFIC_COMMUNICATION, CAREFUL_JUDGMENT, GOVERNMENT_CLOUD_RULES
        conditionsJson           | [1]                         | 条件は JSON 配列で指定してください（許可される値: PRIOR_CONSULTATION, SPECIFIC_COMMUNICATION, CAREFUL_JUDGMENT, GOVERNMENT_CLOUD_RULES） | must be a JSON array of: PRIOR_CONSULTATION, SPECIFIC_COMMUNICATION, CAREFUL_JUDGMENT, GOVERNMENT_CLOUD_RULES
        # the 外部サービス管理者 is recorded with the approval (001 8.2(4)③, 003 第10 2(4)②)
        serviceAdministrator     | NULL                        | 必須項目です | is required
        serviceAdministratorName | ' '                         | 必須項目です | is required
        serviceManagerName       | NULL                        | サービス管理担当者の氏名を入力してください | is required when serviceManager is given
        # a renewal names an entry of the registry (ruling R-17)
        renewsEntryId            | REG-1999-0001               | 承認済み外部サービス台帳にない台帳番号です | is not a registry entry
        """)
    void eachFieldIsChecked(String field, String value, String message, String messageEn) {
      InputValidationException refused =
          refused(with(service("kintone", "サイボウズ株式会社", Route.PAID), field, value));

      assertThat(refused.getErrors())
          .extracting(FieldError::field, FieldError::message, FieldError::messageEn)
          .containsExactly(tuple(field, message, messageEn));
      verify(repository, never()).insert(anyString(), any(), any(), anyString(), anyString());
    }

    @ParameterizedTest(name = "{0}: at most {1}")
    @DisplayName("文字数の上限を超える項目は拒否される")
    @CsvSource(
        textBlock =
            """
        serviceName,              200
        providerName,             200
        departmentCode,           64
        departmentName,           100
        serviceAdministrator,     64
        serviceAdministratorName, 200
        serviceManager,           64
        serviceManagerName,       200
        renewsEntryId,            32
        classificationSummary,    100000
        """)
    void textsHaveLimits(String field, int limit) {
      assertThat(
              refused(with(service("kintone", null, Route.PAID), field, "あ".repeat(limit + 1)))
                  .getErrors())
          .extracting(FieldError::field, FieldError::message, FieldError::messageEn)
          .containsExactly(
              tuple(field, limit + " 文字以内で入力してください", "must be at most " + limit + " characters"));
    }

    @Test
    @DisplayName("上限ちょうどの文字数は受け付ける")
    void aTextAtTheLimitIsAccepted() {
      registry.register(
          with(service("x", null, Route.PAID), "serviceName", "あ".repeat(200)),
          "kobayashi",
          "pi-4");

      verify(repository).insert(anyString(), any(), any(), anyString(), anyString());
    }

    @Test
    @DisplayName("SNS アカウントにはルートがなく、判定は SNS 登録手続だけ（ruling R-10）")
    void anSnsAccountHasNoRoute() {
      NewRegistryEntry snsWithRoute =
          with(with(sns("区公式 X"), "route", "FREE"), "outcome", "APPLICATION_REQUIRED");

      assertThat(refused(snsWithRoute).getErrors())
          .extracting(FieldError::field, FieldError::message, FieldError::messageEn)
          .containsExactly(
              tuple("route", "SNS アカウントにはルートはありません", "must be empty for an SNS account"),
              tuple(
                  "outcome",
                  "SNS アカウントの判定は SNS_PROCEDURE です",
                  "must be SNS_PROCEDURE for an SNS account"));
    }

    @Test
    @DisplayName("種別がなければ種別だけを示し、ルートと判定の組合せは問わない")
    void withoutTypeOnlyTheTypeIsNamed() {
      assertThat(fields(refused(with(service("kintone", null, Route.PAID), "entryType", null))))
          .containsExactly("entryType");
    }

    @Test
    @DisplayName("利用期間: 開始日は必須、終了日は開始日より前にできない")
    void thePeriodOfUse() {
      assertThat(fields(refused(with(service("kintone", null, Route.PAID), "periodStart", null))))
          .containsExactly("periodStart");
      assertThat(
              refused(with(service("kintone", null, Route.PAID), "periodEnd", "2027-03-31"))
                  .getErrors())
          .extracting(FieldError::field, FieldError::message, FieldError::messageEn)
          .containsExactly(
              tuple("periodEnd", "利用開始日以降の日付を入力してください", "must not be before periodStart"));
    }

    @Test
    @DisplayName("承認者と申請のプロセスがなければ登録できず、空の登録はすべての必須項目を示す")
    void whoApprovedWhereAndAnEmptyEntry() {
      NewRegistryEntry valid = service("kintone", null, Route.PAID);
      assertThat(
              fields(
                  catchThrowableOfType(
                      () -> registry.register(valid, " ", null), InputValidationException.class)))
          .containsExactly("approvedBy", "processInstanceId");
      assertThat(
              fields(
                  catchThrowableOfType(
                      () -> registry.register(null, "kobayashi", "pi"),
                      InputValidationException.class)))
          .containsExactly(
              "entryType",
              "serviceName",
              "serviceKind",
              "serviceCategory",
              "departmentCode",
              "departmentName",
              "outcome",
              "serviceAdministrator",
              "serviceAdministratorName",
              "periodStart");
      verify(repository, never()).insert(anyString(), any(), any(), anyString(), anyString());
    }
  }

  @Nested
  @DisplayName("状態の変更（changeStatus）")
  class ChangeStatus {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @DisplayName("利用中 ⇄ 利用停止、どちらからも利用終了、利用中から更改; 終了した登録は変わらない（ruling R-16, R-17）")
    @CsvSource(
        textBlock =
            """
        ACTIVE,     SUSPENDED,  true
        ACTIVE,     TERMINATED, true
        ACTIVE,     RENEWED,    true
        ACTIVE,     ACTIVE,     false
        SUSPENDED,  ACTIVE,     true
        SUSPENDED,  TERMINATED, true
        SUSPENDED,  RENEWED,    false
        SUSPENDED,  SUSPENDED,  false
        TERMINATED, ACTIVE,     false
        TERMINATED, SUSPENDED,  false
        TERMINATED, RENEWED,    false
        RENEWED,    ACTIVE,     false
        RENEWED,    TERMINATED, false
        """)
    void transitions(RegistryStatus from, RegistryStatus to, boolean allowed) {
      when(repository.find("REG-2027-0002"))
          .thenReturn(
              Optional.of(
                  RegistryEntries.stored("REG-2027-0002", EntryType.SERVICE, Route.PAID, from)));
      LocalDate endDate = to.ended() ? LocalDate.of(2028, 3, 31) : null;

      if (allowed) {
        registry.changeStatus("REG-2027-0002", to, endDate, "tanaka", "pi-5", null);
        verify(repository).updateStatus(eq("REG-2027-0002"), eq(3), eq(to), any(), eq(endDate));
      } else {
        assertThatThrownBy(
                () -> registry.changeStatus("REG-2027-0002", to, endDate, "tanaka", "pi-5", null))
            .isInstanceOfSatisfying(
                RegistryException.Conflict.class,
                conflict -> {
                  assertThat(conflict.messageJa())
                      .isEqualTo(
                          "REG-2027-0002 は「" + from.label() + "」から「" + to.label() + "」に変更できません");
                  assertThat(conflict.messageEn())
                      .isEqualTo("cannot change REG-2027-0002 from " + from + " to " + to);
                });
        verify(repository, never()).updateStatus(anyString(), anyInt(), any(), any(), any());
      }
    }

    @Test
    @DisplayName("利用終了・更改には終了日が要り、それ以外には終了日を付けられない; 状態と実施者は必須")
    void endDatesStatusAndActor() {
      assertThat(refusedChange(RegistryStatus.TERMINATED, null, "tanaka", null))
          .extracting(FieldError::field, FieldError::message, FieldError::messageEn)
          .containsExactly(
              tuple("endDate", "利用終了・更改には終了日が必要です", "is required for TERMINATED and RENEWED"));
      assertThat(refusedChange(RegistryStatus.RENEWED, null, "tanaka", null))
          .extracting(FieldError::field)
          .containsExactly("endDate");
      assertThat(refusedChange(RegistryStatus.SUSPENDED, LocalDate.of(2028, 3, 31), "tanaka", null))
          .extracting(FieldError::field, FieldError::message, FieldError::messageEn)
          .containsExactly(
              tuple(
                  "endDate",
                  "終了日は利用終了・更改のときだけ指定します",
                  "may only be given for TERMINATED and RENEWED"));
      assertThat(refusedChange(null, null, " ", null))
          .extracting(FieldError::field)
          .containsExactly("status", "actor");
      assertThat(refusedChange(RegistryStatus.SUSPENDED, null, "tanaka", "あ".repeat(1001)))
          .extracting(FieldError::field, FieldError::message, FieldError::messageEn)
          .containsExactly(tuple("note", "1000 文字以内で入力してください", "must be at most 1000 characters"));
    }

    @Test
    @DisplayName("台帳にない番号は変更できない")
    void unknownEntry() {
      assertThatThrownBy(
              () ->
                  registry.changeStatus(
                      "REG-1999-0001", RegistryStatus.SUSPENDED, null, "tanaka", null, null))
          .isInstanceOfSatisfying(
              RegistryException.NotFound.class,
              notFound ->
                  assertThat(notFound.messageJa()).isEqualTo("承認済み外部サービス台帳に REG-1999-0001 はありません"));
    }

    private List<FieldError> refusedChange(
        RegistryStatus status, LocalDate endDate, String actor, String note) {
      InputValidationException refused =
          catchThrowableOfType(
              () -> registry.changeStatus(KNOWN, status, endDate, actor, "pi-6", note),
              InputValidationException.class);
      assertThat(refused).as("refused").isNotNull();
      verify(repository, never()).updateStatus(anyString(), anyInt(), any(), any(), any());
      return refused.getErrors();
    }
  }

  @Nested
  @DisplayName("契約日の記録（recordContract）")
  class RecordContract {

    @Test
    @DisplayName("有料のルートの契約日を記録する")
    void aPaidServicesContract() {
      registry.recordContract(KNOWN, LocalDate.of(2027, 4, 10), "sato", "pi-7");

      verify(repository).updateContract(KNOWN, 3, LocalDate.of(2027, 4, 10));
      verify(repository)
          .insertEvent(
              eq(KNOWN),
              any(),
              eq(RegistryEvent.CONTRACT_RECORDED),
              eq("pi-7"),
              eq("sato"),
              eq("契約日 2027-04-10"));
    }

    @Test
    @DisplayName("契約日と実施者は必須")
    void dateAndActorAreRequired() {
      assertThat(
              fields(
                  catchThrowableOfType(
                      () -> registry.recordContract(KNOWN, null, null, "pi-7"),
                      InputValidationException.class)))
          .containsExactly("contractDate", "actor");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @DisplayName("無料のルート・SNS アカウント・終了した登録には契約を記録できない（ruling R-5, R-10）")
    @CsvSource(
        delimiter = '|',
        nullValues = "NULL",
        textBlock =
            """
        SERVICE | FREE | ACTIVE     | REG-2027-0003 は無料ルートのため契約の記録はありません
        SNS     | NULL | ACTIVE     | REG-2027-0003 は SNS アカウントのため契約の記録はありません
        SERVICE | PAID | TERMINATED | REG-2027-0003 は「利用終了」のため契約を記録できません
        """)
    void noContract(EntryType type, Route route, RegistryStatus status, String message) {
      when(repository.find("REG-2027-0003"))
          .thenReturn(Optional.of(RegistryEntries.stored("REG-2027-0003", type, route, status)));

      assertThatThrownBy(
              () ->
                  registry.recordContract(
                      "REG-2027-0003", LocalDate.of(2027, 4, 10), "sato", "pi-8"))
          .isInstanceOfSatisfying(
              RegistryException.Conflict.class,
              conflict -> assertThat(conflict.messageJa()).isEqualTo(message));
      verify(repository, never()).updateContract(anyString(), anyInt(), any());
    }
  }

  private InputValidationException refused(NewRegistryEntry entry) {
    InputValidationException refused =
        catchThrowableOfType(
            () -> registry.register(entry, "kobayashi", "pi-9"), InputValidationException.class);
    assertThat(refused).as("refused").isNotNull();
    return refused;
  }

  private static List<String> fields(InputValidationException e) {
    return e.getErrors().stream().map(FieldError::field).toList();
  }

  /** {@code entry} with one field set to {@code value} (a String, or null; dates as YYYY-MM-DD). */
  private NewRegistryEntry with(NewRegistryEntry entry, String field, String value) {
    ObjectNode node = objectMapper.valueToTree(entry);
    node.put(field, value);
    return objectMapper.convertValue(node, NewRegistryEntry.class);
  }
}
