package jp.lg.externalservice.classification;

import static jp.lg.externalservice.classification.ConnectionZone.INTERNET;
import static jp.lg.externalservice.classification.ConnectionZone.LGWAN;
import static jp.lg.externalservice.classification.ConnectionZone.MY_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The precedence of rulings.md §2 in {@link ClassificationService}, with rule tables that answer
 * what each test chooses (the tables themselves: {@link NetworkZoneMatrixTableTest}, {@link
 * ExemptionTableTest}). Each step is shown against the step after it: when two rules apply, the
 * earlier decides, and the reasons cite what decided.
 */
class ClassificationServiceTest {

  private static final String EXEMPT = "004 §9(1) / ruling R-2";
  private static final String EXEMPT_BUT_NOT_IMPORTANT = "004 §9(1)（※） / ruling R-2";

  private final ClassificationService service = new ClassificationService();
  private final FakeRuleTables tables = new FakeRuleTables();

  private Classification classify(Use use) {
    return service.classify(use.input(), tables);
  }

  @Nested
  @DisplayName("1. SNS の広報用アカウント（ruling R-10）")
  class Sns {

    @Test
    @DisplayName("ネットワークの表で × でも、無料で重要情報を取り扱っても、SNS 登録手続になる")
    void snsBeatsEveryHardStop() {
      tables.zone(LGWAN, ZoneVerdict.FORBIDDEN);

      Classification result =
          classify(
              use()
                  .category(ServiceCategory.SNS)
                  .free()
                  .handles(InformationType.PERSONAL)
                  .from(LGWAN));

      assertThat(result.outcome()).isEqualTo(Outcome.SNS_PROCEDURE);
      assertThat(result.route()).isNull();
      assertThat(result.applicationForm()).isNull();
      assertThat(result.reasons())
          .extracting(Reason::rule)
          .containsExactly("ruling R-10 / 003 第7 5");
      assertThat(result.reasons().get(0).message()).startsWith("SNS の広報用アカウントは 004 の利用申請の対象外です");
    }

    @Test
    @DisplayName("配信サービス（YouTube Live 等）は SNS ではなく通常の判定に従う")
    void streamingIsNotSns() {
      Classification result = classify(use().category(ServiceCategory.STREAMING));

      assertThat(result.outcome()).isEqualTo(Outcome.APPLICATION_REQUIRED);
    }
  }

  @Nested
  @DisplayName("2. ネットワークの分離による利用可否の表で ×（004 §3）")
  class ForbiddenZone {

    @Test
    @DisplayName("申請不要のサービスでも、× の接続元からは利用不可（ruling R-1: LGWAN 端末からの Google 翻訳）")
    void aForbiddenZoneBeatsAnExemption() {
      tables.zone(LGWAN, ZoneVerdict.FORBIDDEN).exemption(ExemptionVerdict.Verdict.NO_APPLICATION);

      Classification result =
          classify(
              use()
                  .kind(ServiceKind.WEB_SERVICE)
                  .category(ServiceCategory.MAP_SEARCH_TRANSLATE)
                  .free()
                  .handles(InformationType.PUBLIC)
                  .from(LGWAN)
                  .exempt(Exemption.FREE_MAP_SEARCH_TRANSLATE));

      assertThat(result.outcome()).isEqualTo(Outcome.FORBIDDEN);
      assertThat(result.zoneVerdicts()).containsExactly(Map.entry(LGWAN, ZoneVerdict.FORBIDDEN));
      assertThat(result.reasons())
          .extracting(Reason::rule, Reason::message)
          .containsExactly(
              tuple(
                  "004 §3",
                  "クラウドサービス以外の Web サービスはLGWAN 接続系（庁内情報系）からは利用できません（ネットワークの分離による利用可否の表で×）"));
      assertThat(result.route()).isNull();
      assertThat(result.checklists()).isEmpty();
    }

    @Test
    @DisplayName("× の接続元だけが理由に挙がり、ほかの接続元の条件は付かない（利用不可に条件はない）")
    void onlyForbiddenZonesAreCitedAndNoConditionsRemain() {
      tables.zone(MY_NUMBER, ZoneVerdict.FORBIDDEN).zone(LGWAN, ZoneVerdict.CAREFUL_JUDGMENT);

      Classification result =
          classify(
              use()
                  .kind(ServiceKind.LGWAN_ASP_INTERNET)
                  .handles(InformationType.SENSITIVE_PERSONAL)
                  .from(MY_NUMBER, LGWAN));

      assertThat(result.outcome()).isEqualTo(Outcome.FORBIDDEN);
      assertThat(result.zoneVerdicts())
          .containsExactly(
              Map.entry(MY_NUMBER, ZoneVerdict.FORBIDDEN),
              Map.entry(LGWAN, ZoneVerdict.CAREFUL_JUDGMENT));
      assertThat(result.reasons())
          .singleElement()
          .satisfies(
              reason -> {
                assertThat(reason.rule()).isEqualTo("004 §3");
                assertThat(reason.message())
                    .startsWith("LGWAN-ASP（インターネット接続あり）はマイナンバー利用事務系（住民情報系）からは利用できません");
              });
      assertThat(result.conditions()).isEmpty();
    }

    @Test
    @DisplayName("× の接続元と無料・重要情報が重なると、両方が優先順に理由に挙がる")
    void everyForbiddingRuleIsCitedInPrecedenceOrder() {
      tables.zone(LGWAN, ZoneVerdict.FORBIDDEN);

      Classification result = classify(use().free().handles(InformationType.PERSONAL).from(LGWAN));

      assertThat(result.outcome()).isEqualTo(Outcome.FORBIDDEN);
      assertThat(result.reasons()).extracting(Reason::rule).containsExactly("004 §3", "004 §3 注記1");
    }
  }

  @Nested
  @DisplayName("3. 無料のサービスで重要情報（004 §3 注記1, ruling R-3, R-4）")
  class FreeWithImportantInformation {

    @Test
    @DisplayName("申請不要（E4）のサービスでも利用不可になり、理由は禁止事項と ruling R-3 の両方を挙げる")
    void theProhibitionBeatsAnExemption() {
      tables.exemption(ExemptionVerdict.Verdict.NO_APPLICATION);

      Classification result =
          classify(
              use()
                  .free()
                  .handles(InformationType.PERSONAL)
                  .exempt(Exemption.PUBLIC_BODY_REQUESTED));

      assertThat(result.outcome()).isEqualTo(Outcome.FORBIDDEN);
      assertThat(result.reasons())
          .extracting(Reason::rule, Reason::message)
          .containsExactly(
              tuple(
                  "004 §3 注記1",
                  "無料の外部サービスで個人情報等の重要情報を取り扱うことは認められません（YouTube 等の配信サービスで本人の同意がある場合を除く）"),
              tuple("ruling R-3", "E4「国等の公的機関により利用が求められているサービス」は申請不要のサービスですが、禁止事項は申請不要の扱いに優先します"));
    }

    @Test
    @DisplayName("本人の同意がある配信サービスは禁止されず、重要情報のルート（様式1、情報化企画）になる（ruling R-4）")
    void streamingWithConsentIsTheException() {
      Classification result =
          classify(
              use()
                  .category(ServiceCategory.STREAMING)
                  .free()
                  .handles(InformationType.PERSONAL)
                  .streamingWithConsent());

      assertThat(result.outcome()).isEqualTo(Outcome.APPLICATION_REQUIRED);
      assertThat(result.route()).isEqualTo(Route.IMPORTANT);
      assertThat(result.applicationForm()).isEqualTo("様式1");
      assertThat(result.itPlanningRequired()).isTrue();
      assertThat(result.reasons())
          .extracting(Reason::rule)
          .containsExactly("004 §9(2)", "004 §3 注記1 / ruling R-4");
    }

    @Test
    @DisplayName("同意があっても配信サービスでなければ例外にならない")
    void consentOutsideStreamingIsNoException() {
      Classification result =
          classify(
              use()
                  .category(ServiceCategory.WEB_CONFERENCE)
                  .free()
                  .handles(InformationType.PERSONAL)
                  .streamingWithConsent());

      assertThat(result.outcome()).isEqualTo(Outcome.FORBIDDEN);
      assertThat(result.reasons()).extracting(Reason::rule).containsExactly("004 §3 注記1");
    }

    @Test
    @DisplayName("情報政策課が全庁で契約するサービスは、申請者が無料と答えても有料として扱う（ruling R-6）")
    void wardWideServicesCountAsPaid() {
      Classification result =
          classify(
              use().free().handles(InformationType.PERSONAL).providedByInformationPolicyDivision());

      assertThat(result.outcome()).isEqualTo(Outcome.APPLICATION_REQUIRED);
      assertThat(result.route()).isEqualTo(Route.IMPORTANT);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("重要情報は個人情報・特定個人情報・要配慮個人情報・区政運営に重大な影響を及ぼす情報（ruling R-11）")
    @CsvSource(
        textBlock =
            """
        PERSONAL,                FORBIDDEN
        MY_NUMBER,               FORBIDDEN
        SENSITIVE_PERSONAL,      FORBIDDEN
        CRITICAL_ADMINISTRATIVE, FORBIDDEN
        INTERNAL,                APPLICATION_REQUIRED
        PUBLIC,                  APPLICATION_REQUIRED
        """)
    void importantInformationIsWhatRulingR11Says(InformationType type, Outcome freeOutcome) {
      Classification result = classify(use().free().handles(type));

      assertThat(result.outcome()).isEqualTo(freeOutcome);
      assertThat(result.importantInformation()).isEqualTo(freeOutcome == Outcome.FORBIDDEN);
    }
  }

  @Nested
  @DisplayName("4. 申請不要だが重要情報は取扱い不可（E7–E12、ruling R-2）")
  class ExemptButNotForImportantInformation {

    @Test
    @DisplayName("Microsoft 365 で重要情報を取り扱うと、ストレージの原則不可より先に利用不可になる")
    void theExemptionsFootnoteBeatsTheMailAndStorageProhibition() {
      tables.exemption(ExemptionVerdict.Verdict.NO_APPLICATION, ExemptionVerdict.Verdict.FORBIDDEN);

      Classification result =
          classify(
              use()
                  .category(ServiceCategory.ONLINE_STORAGE)
                  .free()
                  .handles(InformationType.PERSONAL)
                  .exempt(Exemption.MICROSOFT_365));

      // Microsoft 365 counts as paid (ruling R-6), so only the exemption's footnote forbids it, not
      // 004 §3 注記1.
      assertThat(result.outcome()).isEqualTo(Outcome.FORBIDDEN);
      assertThat(result.reasons())
          .extracting(Reason::rule, Reason::message)
          .containsExactly(
              tuple(
                  EXEMPT_BUT_NOT_IMPORTANT,
                  "E8「Microsoft 365（情報政策課が全庁導入）」は利用申請は不要ですが、個人情報等の重要情報を取り扱うことは不可です（利用不可※）"));
    }

    @Test
    @DisplayName("無料の翻訳サービス（E9）で重要情報: 注記1 と表の（※）の両方を挙げ、ruling R-3 は挙げない")
    void aFreeExemptServiceIsForbiddenTwice() {
      tables.exemption(ExemptionVerdict.Verdict.NO_APPLICATION, ExemptionVerdict.Verdict.FORBIDDEN);

      Classification result =
          classify(
              use()
                  .category(ServiceCategory.MAP_SEARCH_TRANSLATE)
                  .free()
                  .handles(InformationType.PERSONAL)
                  .exempt(Exemption.FREE_MAP_SEARCH_TRANSLATE));

      assertThat(result.outcome()).isEqualTo(Outcome.FORBIDDEN);
      assertThat(result.reasons())
          .extracting(Reason::rule)
          .containsExactly("004 §3 注記1", EXEMPT_BUT_NOT_IMPORTANT);
    }
  }

  @Nested
  @DisplayName("5. 申請不要（E1–E12、ruling R-1）")
  class Exempt {

    @Test
    @DisplayName("申請不要はストレージの原則不可より優先し、ネットワークの表の条件は残る")
    void anExemptionBeatsTheProhibitionInPrincipleButKeepsTheMatrixConditions() {
      tables
          .exemption(ExemptionVerdict.Verdict.NO_APPLICATION, ExemptionVerdict.Verdict.FORBIDDEN)
          .zone(LGWAN, ZoneVerdict.PRIOR_CONSULTATION);

      Classification result =
          classify(
              use()
                  .kind(ServiceKind.GOVERNMENT_CLOUD)
                  .category(ServiceCategory.ONLINE_STORAGE)
                  .handles(InformationType.INTERNAL)
                  .from(LGWAN)
                  .exempt(Exemption.MICROSOFT_365));

      assertThat(result.outcome()).isEqualTo(Outcome.NO_APPLICATION);
      assertThat(result.route()).isNull();
      assertThat(result.applicationForm()).isNull();
      assertThat(result.itPlanningRequired()).isFalse();
      assertThat(result.checklists()).isEmpty();
      assertThat(result.conditions())
          .containsExactly(Condition.PRIOR_CONSULTATION, Condition.GOVERNMENT_CLOUD_RULES);
      assertThat(result.reasons())
          .extracting(Reason::rule, Reason::message)
          .containsExactly(
              tuple(EXEMPT, "E8「Microsoft 365（情報政策課が全庁導入）」に該当するため、利用申請は不要です"),
              tuple("004 §3 / ruling R-8", "ガバメントクラウドをLGWAN 接続系（庁内情報系）から利用するには、情報政策課への事前相談が必要です"),
              tuple("004 §15 / ruling R-9", "ガバメントクラウドを利用するため、導入時に特則①–⑲のチェックリストを確認します"));
    }

    @Test
    @DisplayName("ガバメントクラウドは E4（国等が求めるサービス）に当たらず、通常どおり申請する（ruling R-9）")
    void theGovernmentCloudIsNotExemptionE4() {
      tables
          .exemption(
              ExemptionVerdict.Verdict.NO_APPLICATION, ExemptionVerdict.Verdict.NO_APPLICATION)
          .zone(LGWAN, ZoneVerdict.PRIOR_CONSULTATION);

      Classification result =
          classify(
              use()
                  .kind(ServiceKind.GOVERNMENT_CLOUD)
                  .category(ServiceCategory.BUSINESS_APPLICATION)
                  .handles(InformationType.PERSONAL)
                  .from(LGWAN)
                  .exempt(Exemption.PUBLIC_BODY_REQUESTED));

      assertThat(result.outcome()).isEqualTo(Outcome.APPLICATION_REQUIRED);
      assertThat(result.route()).isEqualTo(Route.IMPORTANT);
      assertThat(result.reasons())
          .extracting(Reason::rule)
          .startsWith("ruling R-9")
          .contains("004 §15 / ruling R-9");
    }
  }

  @Nested
  @DisplayName("6. 原則不可: 職員のメール・ストレージ（004 §3 注記2）、無料の Web メール・ストレージ（004 §9(3) 選定 ※）")
  class Discouraged {

    @Test
    @DisplayName("無料の Web メールは原則不可で、無料のルートのまま申請でき、両方の出典と ruling R-7 を挙げる")
    void freeWebMailIsDiscouragedOnTheFreeRoute() {
      Classification result =
          classify(use().category(ServiceCategory.WEB_MAIL).free().handles(InformationType.PUBLIC));

      assertThat(result.outcome()).isEqualTo(Outcome.DISCOURAGED);
      assertThat(result.route()).isEqualTo(Route.FREE);
      assertThat(result.applicationForm()).isEqualTo("様式2");
      assertThat(result.reasons())
          .extracting(Reason::rule)
          .containsExactly(
              "004 §3 注記2", "004 §9(3) 選定 ※", "ruling R-7", "004 §9(3)(b) / ruling R-5");
      assertThat(result.reasons().get(2).message()).contains("既定の判断は却下", "正当な理由の記録");
    }

    @Test
    @DisplayName("有料のストレージで重要情報: 原則不可で、ルートは重要情報（無料の場合の 004 §9(3) は挙げない）")
    void paidStorageWithImportantInformationIsDiscouragedOnTheImportantRoute() {
      Classification result =
          classify(
              use().category(ServiceCategory.ONLINE_STORAGE).handles(InformationType.PERSONAL));

      assertThat(result.outcome()).isEqualTo(Outcome.DISCOURAGED);
      assertThat(result.route()).isEqualTo(Route.IMPORTANT);
      assertThat(result.reasons())
          .extracting(Reason::rule)
          .containsExactly("004 §3 注記2", "ruling R-7", "004 §9(2)");
    }

    @Test
    @DisplayName("情報政策課が整備したメール・ストレージは原則不可ではない")
    void mailProvidedByTheInformationPolicyDivisionIsNotDiscouraged() {
      Classification result =
          classify(
              use()
                  .category(ServiceCategory.WEB_MAIL)
                  .free()
                  .providedByInformationPolicyDivision());

      assertThat(result.outcome()).isEqualTo(Outcome.APPLICATION_REQUIRED);
      assertThat(result.route()).isEqualTo(Route.PAID);
    }
  }

  @Nested
  @DisplayName("7. 利用申請とルート（004 §9(2)(3), ruling R-5）")
  class Routes {

    @ParameterizedTest(name = "{0}: paid={1}, {2}")
    @DisplayName("重要情報 → IMPORTANT、なければ有料 → PAID、無料 → FREE: 様式、情報化企画、チェックリスト、根拠")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
        # route   | paid  | information | form  | 情報化企画 | checklists that follow   | cited
        # 004 §9(2), domain-spec §3.5 R1 (important information decides, paid or not; 参考 table: 情報化企画 要)
        IMPORTANT | true  | PERSONAL    | 様式1 | true      | 様式4 様式5 様式6 様式3 | 004 §9(2)
        # 004 §9(3)(a), domain-spec §3.5 R2, ruling R-5 (参考 table: 情報化企画 要)
        PAID      | true  | INTERNAL    | 様式2 | true      | 様式7 様式3             | 004 §9(3)(a) / ruling R-5
        # 004 §9(3)(b), domain-spec §3.5 R3, ruling R-5 (参考 table: 情報化企画 不要)
        FREE      | false | PUBLIC      | 様式2 | false     | 様式7 様式3             | 004 §9(3)(b) / ruling R-5
        """)
    void theRouteDecidesFormItPlanningAndChecklists(
        Route route,
        boolean paid,
        InformationType information,
        String form,
        boolean itPlanning,
        String checklists,
        String cited) {
      Use use = use().handles(information);
      Classification result = classify(paid ? use : use.free());

      assertThat(result.outcome()).isEqualTo(Outcome.APPLICATION_REQUIRED);
      assertThat(result.route()).isEqualTo(route);
      assertThat(result.applicationForm()).isEqualTo(form);
      assertThat(result.itPlanningRequired()).isEqualTo(itPlanning);
      assertThat(result.checklists()).containsExactly(checklists.split(" "));
      assertThat(result.conditions()).isEmpty();
      assertThat(result.reasons()).extracting(Reason::rule).containsExactly(cited);
    }
  }

  @Nested
  @DisplayName("条件（ruling R-8, R-9）")
  class Conditions {

    @Test
    @DisplayName("要配慮個人情報の慎重な判断は、要配慮個人情報を取り扱うときだけ付く")
    void carefulJudgmentOnlyWithSensitivePersonalInformation() {
      tables.zoneIfSensitive(INTERNET, ZoneVerdict.CAREFUL_JUDGMENT);

      Classification sensitive = classify(use().handles(InformationType.SENSITIVE_PERSONAL));
      Classification personal = classify(use().handles(InformationType.PERSONAL));

      assertThat(sensitive.conditions()).containsExactly(Condition.CAREFUL_JUDGMENT);
      assertThat(sensitive.reasons())
          .extracting(Reason::rule, Reason::message)
          .contains(
              tuple(
                  "004 §3 / ruling R-8",
                  "要配慮個人情報をクラウドサービス（インターネット）でインターネット接続系から取り扱うため、慎重な判断が必要です"));
      assertThat(personal.conditions()).isEmpty();
    }

    @Test
    @DisplayName("特定通信の条件は SNS 登録手続にも付く（利用不可以外のすべての判定）")
    void conditionsApplyToEveryOutcomeButForbidden() {
      tables.zone(MY_NUMBER, ZoneVerdict.SPECIFIC_COMMUNICATION);

      Classification result =
          classify(
              use()
                  .kind(ServiceKind.LGWAN_ASP_CLOSED)
                  .category(ServiceCategory.SNS)
                  .from(MY_NUMBER));

      assertThat(result.outcome()).isEqualTo(Outcome.SNS_PROCEDURE);
      assertThat(result.conditions()).containsExactly(Condition.SPECIFIC_COMMUNICATION);
      assertThat(result.reasons())
          .extracting(Reason::message)
          .contains("LGWAN-ASP（インターネット接続なし）をマイナンバー利用事務系（住民情報系）から利用するには、通信を特定通信にする必要があります");
    }
  }

  /**
   * An intended use; by default a paid cloud business application for internal information, from
   * the internet.
   */
  private static Use use() {
    return new Use();
  }

  private static final class Use {
    private ServiceKind kind = ServiceKind.CLOUD_INTERNET;
    private ServiceCategory category = ServiceCategory.BUSINESS_APPLICATION;
    private boolean paid = true;
    private Set<InformationType> information = Set.of(InformationType.INTERNAL);
    private List<ConnectionZone> zones = List.of(INTERNET);
    private Exemption exemption = Exemption.NONE;
    private boolean streamingWithConsent;
    private boolean providedByInformationPolicyDivision;

    Use kind(ServiceKind kind) {
      this.kind = kind;
      return this;
    }

    Use category(ServiceCategory category) {
      this.category = category;
      return this;
    }

    Use free() {
      this.paid = false;
      return this;
    }

    Use handles(InformationType... types) {
      this.information = Set.of(types);
      return this;
    }

    Use from(ConnectionZone... zones) {
      this.zones = List.of(zones);
      return this;
    }

    Use exempt(Exemption exemption) {
      this.exemption = exemption;
      return this;
    }

    Use streamingWithConsent() {
      this.streamingWithConsent = true;
      return this;
    }

    Use providedByInformationPolicyDivision() {
      this.providedByInformationPolicyDivision = true;
      return this;
    }

    ClassificationInput input() {
      return new ClassificationInput(
          "テストサービス",
          "テスト株式会社",
          kind,
          category,
          paid,
          information,
          zones,
          exemption,
          streamingWithConsent,
          providedByInformationPolicyDivision);
    }
  }

  /**
   * Rule tables that answer what the test chose: every zone ALLOWED and no exemption unless set.
   * The exemption's answer may depend on important information, as rows E7–E12 do.
   */
  private static final class FakeRuleTables implements RuleTables {
    private final Map<ConnectionZone, ZoneVerdict> zones = new EnumMap<>(ConnectionZone.class);
    private final Map<ConnectionZone, ZoneVerdict> zonesIfSensitive =
        new EnumMap<>(ConnectionZone.class);
    private ExemptionVerdict.Verdict withoutImportant = ExemptionVerdict.Verdict.NOT_EXEMPT;
    private ExemptionVerdict.Verdict withImportant = ExemptionVerdict.Verdict.NOT_EXEMPT;

    FakeRuleTables zone(ConnectionZone zone, ZoneVerdict verdict) {
      zones.put(zone, verdict);
      return this;
    }

    FakeRuleTables zoneIfSensitive(ConnectionZone zone, ZoneVerdict verdict) {
      zonesIfSensitive.put(zone, verdict);
      return this;
    }

    FakeRuleTables exemption(ExemptionVerdict.Verdict either) {
      return exemption(either, either);
    }

    FakeRuleTables exemption(
        ExemptionVerdict.Verdict withoutImportant, ExemptionVerdict.Verdict withImportant) {
      this.withoutImportant = withoutImportant;
      this.withImportant = withImportant;
      return this;
    }

    @Override
    public ExemptionVerdict exemption(Exemption exemption, boolean importantInformation) {
      ExemptionVerdict.Verdict verdict =
          exemption == Exemption.NONE
              ? ExemptionVerdict.Verdict.NOT_EXEMPT
              : importantInformation ? withImportant : withoutImportant;
      return new ExemptionVerdict(
          verdict,
          switch (verdict) {
            case NOT_EXEMPT -> "-";
            case NO_APPLICATION -> EXEMPT;
            case FORBIDDEN -> EXEMPT_BUT_NOT_IMPORTANT;
          });
    }

    @Override
    public ZoneVerdict zone(
        ServiceKind serviceKind, ConnectionZone zone, boolean sensitivePersonalInformation) {
      if (sensitivePersonalInformation && zonesIfSensitive.containsKey(zone)) {
        return zonesIfSensitive.get(zone);
      }
      return zones.getOrDefault(zone, ZoneVerdict.ALLOWED);
    }
  }
}
