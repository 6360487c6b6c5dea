package jp.lg.externalservice.application;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.application.ApplicationProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.classification.ClassificationService;
import jp.lg.externalservice.classification.DmnRuleTables;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;
import jp.lg.externalservice.registry.EntryType;
import jp.lg.externalservice.registry.NewRegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every outcome and route of rulings.md §2, every cell of the network-zone matrix and the routing
 * scenarios of domain-spec.md §10, each started as an application by a demo applicant through the
 * real engine; the pre-check on the same answers must agree.
 */
class ApplicationRoutingTest extends EngineTest {

  private static final String P1 = "004 §3 注記1";
  private static final String P2 = "004 §3 注記2";
  private static final String P3 = "004 §9(3) 選定 ※";
  private static final String ZONE = "004 §3";
  private static final String ZONE_CONDITION = "004 §3 / ruling R-8";
  private static final String EXEMPT = "004 §9(1) / ruling R-2";
  private static final String EXEMPT_FORBIDDEN = "004 §9(1)（※） / ruling R-2";
  private static final String ROUTE_IMPORTANT = "004 §9(2)";
  private static final String ROUTE_PAID = "004 §9(3)(a) / ruling R-5";
  private static final String ROUTE_FREE = "004 §9(3)(b) / ruling R-5";
  private static final String GOVERNMENT_CLOUD = "004 §15 / ruling R-9";

  @Autowired ClassificationService classificationService;
  @Autowired DmnRuleTables ruleTables;
  @Autowired RegistryService registry;

  /** An entry of 区民課 in use, as an earlier approval would have recorded it. */
  private String registeredService(String name, Route route) {
    return registry.register(
        new NewRegistryEntry(
            EntryType.SERVICE,
            name,
            "サイボウズ株式会社",
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
            LocalDate.of(2024, 4, 1),
            LocalDate.of(2027, 3, 31),
            null),
        "kobayashi",
        "earlier-application");
  }

  private RoutingResult apply(ApplicationAnswers answers) {
    ProcessInstance instance = submitApplication("sato", answers.variables());
    return RoutingResult.of(
            instance, answers, runtimeService, taskService, classificationService, ruleTables)
        .agreesWithPrecheck();
  }

  private static ApplicationAnswers googleMaps() {
    return kintone()
        .service("Google マップ", "WEB_SERVICE", "MAP_SEARCH_TRANSLATE")
        .paid(false)
        .exemption("FREE_MAP_SEARCH_TRANSLATE")
        .informationTypes("PUBLIC");
  }

  private static ApplicationAnswers logoChat() {
    return kintone()
        .service("LoGo チャット", "LGWAN_ASP_INTERNET", "BUSINESS_APPLICATION")
        .paid(false)
        .exemption("LOGO_CHAT")
        .connectionZones("LGWAN");
  }

  private static ApplicationAnswers zoom() {
    return kintone().service("Zoom", "CLOUD_INTERNET", "WEB_CONFERENCE");
  }

  // ---- domain-spec §10.1: exemptions and the important-information rule

  @Test
  @DisplayName("TS-01 Google マップで経路検索（重要情報なし）→ 申請不要")
  void ts01_googleMapsRouteSearch() {
    RoutingResult result = apply(googleMaps());
    assertThat(result.outcome()).isEqualTo("NO_APPLICATION");
    assertThat(result.zoneVerdicts()).containsExactly(Map.entry("INTERNET", "ALLOWED"));
    assertThat(result.reasonRules()).containsExactly(EXEMPT);
    assertThat(result.waitingAt()).isEqualTo(ACKNOWLEDGE_NO_APPLICATION);
    assertThat(result.taskAssignee()).isEqualTo("sato");
  }

  @Test
  @DisplayName("TS-02 Google マップに要支援者の住所を表示 → 利用不可")
  void ts02_googleMapsWithResidentAddresses() {
    RoutingResult result = apply(googleMaps().informationTypes("PERSONAL"));
    assertThat(result.outcome()).isEqualTo("FORBIDDEN");
    assertThat(result.route()).isNull();
    assertThat(result.reasonRules()).containsExactly(P1, EXEMPT_FORBIDDEN);
    assertThat(result.waitingAt()).isEqualTo(ACKNOWLEDGE_FORBIDDEN);
  }

  @Test
  @DisplayName("TS-04 LoGo チャットで庁内調整（重要情報なし）→ 申請不要")
  void ts04_logoChatInternal() {
    RoutingResult result = apply(logoChat());
    assertThat(result.outcome()).isEqualTo("NO_APPLICATION");
    assertThat(result.zoneVerdicts()).containsExactly(Map.entry("LGWAN", "ALLOWED"));
  }

  @Test
  @DisplayName("TS-05 LoGo チャットで住民の相談内容を送る → 利用不可（申請で解除できない）")
  void ts05_logoChatWithPersonalInformation() {
    RoutingResult result = apply(logoChat().informationTypes("PERSONAL"));
    assertThat(result.outcome()).isEqualTo("FORBIDDEN");
    // E7 is contracted by 情報政策課, so it counts as paid (ruling R-6): only the exemption rule forbids
    // it.
    assertThat(result.reasonRules()).containsExactly(EXEMPT_FORBIDDEN);
    assertThat(result.waitingAt()).isEqualTo(ACKNOWLEDGE_FORBIDDEN);
  }

  @Test
  @DisplayName("TS-06 Microsoft 365 で個人情報を含まない文書 → 申請不要")
  void ts06_microsoft365() {
    RoutingResult result =
        apply(
            kintone()
                .service("Microsoft 365", "CLOUD_INTERNET", "BUSINESS_APPLICATION")
                .paid(false)
                .exemption("MICROSOFT_365"));
    assertThat(result.outcome()).isEqualTo("NO_APPLICATION");
    assertThat(result.zoneVerdicts()).containsExactly(Map.entry("INTERNET", "ALLOWED"));
  }

  @Test
  @DisplayName("TS-08 LoGo フォームで住民の申請データを収集 → 申請不要")
  void ts08_logoFormWithPersonalInformation() {
    RoutingResult result =
        apply(
            kintone()
                .service("LoGo フォーム", "LGWAN_ASP_INTERNET", "SURVEY")
                .paid(false)
                .exemption("LOGO_FORM")
                .informationTypes("PERSONAL")
                .connectionZones("LGWAN"));
    assertThat(result.outcome()).isEqualTo("NO_APPLICATION");
    assertThat(result.reasonRules()).containsExactly(EXEMPT);
  }

  @Test
  @DisplayName("TS-09 無料の Web メール（Gmail）→ 原則不可・無料ルート")
  void ts09_freeWebMail() {
    RoutingResult result =
        apply(kintone().service("Gmail", "CLOUD_INTERNET", "WEB_MAIL").paid(false));
    assertThat(result.outcome()).isEqualTo("DISCOURAGED");
    assertThat(result.route()).isEqualTo("FREE");
    assertThat(result.reasonRules()).containsExactly(P2, P3, "ruling R-7", ROUTE_FREE);
    assertThat(result.waitingAt()).isEqualTo(ACCEPT_RISKS);
  }

  @Test
  @DisplayName("TS-11 所属で契約する有料のオンラインストレージ（Box）→ 原則不可・有料ルート")
  void ts11_paidOnlineStorage() {
    RoutingResult result = apply(kintone().service("Box", "CLOUD_INTERNET", "ONLINE_STORAGE"));
    assertThat(result.outcome()).isEqualTo("DISCOURAGED");
    assertThat(result.route()).isEqualTo("PAID");
    assertThat(result.reasonRules()).containsExactly(P2, "ruling R-7", ROUTE_PAID);
  }

  // ---- domain-spec §10.2: routes R1 / R2 / R3

  @Test
  @DisplayName("TS-12 kintone（有料 SaaS）で区民相談データベース → 重要情報ルート（様式1・別表・情報化企画）")
  void ts12_kintoneWithPersonalInformation() {
    ProcessInstance instance =
        submitApplication("sato", kintone().informationTypes("PERSONAL").variables());
    Map<String, Object> variables = runtimeService.getVariables(instance.getId());
    assertThat(variables)
        .containsEntry("outcome", "APPLICATION_REQUIRED")
        .containsEntry("route", "IMPORTANT")
        .containsEntry("applicationForm", "様式1")
        .containsEntry("itPlanningRequired", true)
        .containsEntry("importantInformation", true)
        .containsEntry("departmentName", "区民課")
        .containsEntry("applicantName", "佐藤 花子");
    assertThat(variables.get("checklists").toString())
        .isEqualTo("[\"様式4\",\"様式5\",\"様式6\",\"様式3\"]");
    assertThat((String) variables.get("classificationSummary"))
        .contains("利用申請が必要", "様式1", "練馬区ガイドライン §9(2)")
        .doesNotContain("ruling", "004 §");
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(CHECK_SELECTION_CRITERIA);
    assertThat(task(instance).getName()).isEqualTo("kintone：別表の選定基準を確認する");
  }

  @Test
  @DisplayName("TS-13 kintone で健康情報（要配慮個人情報）→ 重要情報ルート＋慎重な判断")
  void ts13_kintoneWithSensitiveInformation() {
    RoutingResult result = apply(kintone().informationTypes("PERSONAL", "SENSITIVE_PERSONAL"));
    assertThat(result.route()).isEqualTo("IMPORTANT");
    assertThat(result.conditions()).containsExactly("CAREFUL_JUDGMENT");
    assertThat(result.zoneVerdicts()).containsExactly(Map.entry("INTERNET", "CAREFUL_JUDGMENT"));
    assertThat(result.reasonRules()).containsExactly(ROUTE_IMPORTANT, ZONE_CONDITION);
  }

  @Test
  @DisplayName("TS-15 Zoom 有料ライセンス（重要情報なし）→ 有料ルート（様式2・情報化企画）")
  void ts15_zoomPaid() {
    RoutingResult result = apply(zoom());
    assertThat(result.outcome()).isEqualTo("APPLICATION_REQUIRED");
    assertThat(result.route()).isEqualTo("PAID");
    assertThat(result.precheck().itPlanningRequired()).isTrue();
    assertThat(result.precheck().checklists()).containsExactly("様式7", "様式3");
    assertThat(result.waitingAt()).isEqualTo(ACCEPT_RISKS);
  }

  @Test
  @DisplayName("TS-16 Zoom 無料プラン（重要情報なし）→ 無料ルート（情報化企画なし）")
  void ts16_zoomFree() {
    RoutingResult result = apply(zoom().paid(false));
    assertThat(result.route()).isEqualTo("FREE");
    assertThat(result.precheck().itPlanningRequired()).isFalse();
    assertThat(result.precheck().applicationForm()).isEqualTo("様式2");
    assertThat(result.reasonRules()).containsExactly(ROUTE_FREE);
  }

  @Test
  @DisplayName("TS-18 YouTube でイベントを配信（本人の同意あり）→ 重要情報ルート（ruling R-4）")
  void ts18_youtubeStreamingWithConsent() {
    ApplicationAnswers youtube =
        kintone()
            .service("YouTube", "WEB_SERVICE", "STREAMING")
            .paid(false)
            .informationTypes("PERSONAL");
    RoutingResult result = apply(youtube.with("streamingWithConsent", true));
    assertThat(result.outcome()).isEqualTo("APPLICATION_REQUIRED");
    assertThat(result.route()).isEqualTo("IMPORTANT");
    assertThat(result.reasonRules()).containsExactly(ROUTE_IMPORTANT, "004 §3 注記1 / ruling R-4");

    RoutingResult withoutConsent = apply(youtube.with("streamingWithConsent", false));
    assertThat(withoutConsent.outcome()).isEqualTo("FORBIDDEN");
    assertThat(withoutConsent.reasonRules()).containsExactly(P1);
  }

  @Test
  @DisplayName("TS-20 デジタル庁から要請された Slack（重要情報なし）→ 申請不要")
  void ts20_slackRequestedByDigitalAgency() {
    RoutingResult result =
        apply(
            kintone()
                .service("Slack", "CLOUD_INTERNET", "BUSINESS_APPLICATION")
                .exemption("PUBLIC_BODY_REQUESTED")
                .paid(false));
    assertThat(result.outcome()).isEqualTo("NO_APPLICATION");
  }

  @Test
  @DisplayName("TS-22 ChatGPT 無料（重要情報なし）→ 無料ルート、重要情報ありなら利用不可")
  void ts22_chatGpt() {
    ApplicationAnswers chatGpt =
        kintone().service("ChatGPT", "CLOUD_INTERNET", "GENERATIVE_AI").paid(false);
    assertThat(apply(chatGpt).route()).isEqualTo("FREE");
    RoutingResult withPersonal = apply(chatGpt.informationTypes("PERSONAL"));
    assertThat(withPersonal.outcome()).isEqualTo("FORBIDDEN");
    assertThat(withPersonal.reasonRules()).containsExactly(P1);
  }

  @ParameterizedTest(name = "TS-24{0} {1}（重要情報 {3}）→ {4}")
  @MethodSource("otherExemptions")
  void ts24_otherExemptions(
      String subCase,
      String exemption,
      boolean paid,
      String information,
      String outcome,
      List<String> rules) {
    RoutingResult result =
        apply(
            kintone()
                .service("TS-24" + subCase, "WEB_SERVICE", "OTHER")
                .paid(paid)
                .exemption(exemption)
                .informationTypes(information));
    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.reasonRules()).isEqualTo(rules);
  }

  static Stream<Arguments> otherExemptions() {
    return Stream.of(
        Arguments.of("a", "TELECOM", true, "PERSONAL", "NO_APPLICATION", List.of(EXEMPT)),
        Arguments.of("a", "TELECOM", true, "PUBLIC", "NO_APPLICATION", List.of(EXEMPT)),
        Arguments.of("b", "POSTAL_TRANSPORT", true, "PERSONAL", "NO_APPLICATION", List.of(EXEMPT)),
        Arguments.of("c", "FINANCIAL", true, "PERSONAL", "NO_APPLICATION", List.of(EXEMPT)),
        Arguments.of(
            "d", "CONTRACTOR_INTRODUCED", true, "PERSONAL", "NO_APPLICATION", List.of(EXEMPT)),
        Arguments.of(
            "e", "FREE_INFORMATION_GATHERING", false, "PUBLIC", "NO_APPLICATION", List.of(EXEMPT)),
        Arguments.of("f", "DOWNLOAD_ONLY", false, "PUBLIC", "NO_APPLICATION", List.of(EXEMPT)),
        Arguments.of(
            "g", "REQUIRED_FOR_TRAINING", false, "INTERNAL", "NO_APPLICATION", List.of(EXEMPT)),
        Arguments.of(
            "h",
            "REQUIRED_FOR_TRAINING",
            false,
            "PERSONAL",
            "FORBIDDEN",
            List.of(P1, EXEMPT_FORBIDDEN)),
        Arguments.of(
            "h",
            "REQUIRED_FOR_TRAINING",
            true,
            "PERSONAL",
            "FORBIDDEN",
            List.of(EXEMPT_FORBIDDEN)));
  }

  // ---- domain-spec §10.3: network zones and the government cloud

  @Test
  @DisplayName("TS-25 ガバメントクラウドの標準準拠システムをマイナンバー利用事務系から → 重要情報ルート＋特則")
  void ts25_governmentCloudFromMyNumberSegment() {
    RoutingResult result =
        apply(
            kintone()
                .service("住民記録システム", "GOVERNMENT_CLOUD", "BUSINESS_APPLICATION")
                .informationTypes("PERSONAL", "MY_NUMBER")
                .connectionZones("MY_NUMBER"));
    assertThat(result.route()).isEqualTo("IMPORTANT");
    assertThat(result.zoneVerdicts()).containsExactly(Map.entry("MY_NUMBER", "ALLOWED"));
    assertThat(result.conditions()).containsExactly("GOVERNMENT_CLOUD_RULES");
    assertThat(result.reasonRules()).containsExactly(ROUTE_IMPORTANT, GOVERNMENT_CLOUD);
  }

  @Test
  @DisplayName("TS-27 ガバメントクラウドをインターネット接続系から → 利用不可")
  void ts27_governmentCloudFromInternet() {
    RoutingResult result =
        apply(kintone().service("ガバメントクラウド", "GOVERNMENT_CLOUD", "BUSINESS_APPLICATION"));
    assertThat(result.outcome()).isEqualTo("FORBIDDEN");
    assertThat(result.conditions()).isEmpty();
    assertThat(result.reasonRules()).containsExactly(ZONE);
  }

  @Test
  @DisplayName("TS-29 インターネット接続なしの LGWAN-ASP をマイナンバー利用事務系から → 特定通信が条件")
  void ts29_closedLgwanAspFromMyNumberSegment() {
    RoutingResult result =
        apply(
            kintone()
                .service("LGWAN-ASP 業務システム", "LGWAN_ASP_CLOSED", "BUSINESS_APPLICATION")
                .connectionZones("MY_NUMBER"));
    assertThat(result.outcome()).isEqualTo("APPLICATION_REQUIRED");
    assertThat(result.conditions()).containsExactly("SPECIFIC_COMMUNICATION");
  }

  @Test
  @DisplayName("TS-31 国等が整備した LGWAN-ASP: マイナンバー系・LGWAN 系は可、インターネット系は不可")
  void ts31_nationalLgwanAsp() {
    ApplicationAnswers asp =
        kintone().service("国の LGWAN-ASP", "LGWAN_ASP_NATIONAL", "BUSINESS_APPLICATION");
    RoutingResult allowed = apply(asp.connectionZones("MY_NUMBER", "LGWAN"));
    assertThat(allowed.zoneVerdicts())
        .containsExactly(Map.entry("MY_NUMBER", "ALLOWED"), Map.entry("LGWAN", "ALLOWED"));
    assertThat(allowed.outcome()).isEqualTo("APPLICATION_REQUIRED");
    RoutingResult all = apply(asp.connectionZones("MY_NUMBER", "LGWAN", "INTERNET"));
    assertThat(all.zoneVerdicts()).containsEntry("INTERNET", "FORBIDDEN");
    assertThat(all.outcome()).isEqualTo("FORBIDDEN");
  }

  // ---- domain-spec §10.4: renewal

  @Test
  @DisplayName("TS-32 kintone の更改（重要情報あり）→ 新しい申請が重要情報ルートを通る")
  void ts32_renewalOfImportantService() {
    String previous = registeredService("kintone", Route.IMPORTANT);
    ProcessInstance instance =
        submitApplication(
            "sato",
            kintone()
                .informationTypes("PERSONAL")
                .with("renewsRegistryEntryId", previous)
                .variables());
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("route", "IMPORTANT")
        .containsEntry("renewsRegistryEntryId", previous);
  }

  @Test
  @DisplayName("TS-33 無料・重要情報なしのサービスの更改 → 新しい申請が無料ルートを通る")
  void ts33_renewalOfFreeService() {
    RoutingResult result =
        apply(
            zoom()
                .paid(false)
                .with("renewsRegistryEntryId", registeredService("Zoom", Route.FREE)));
    assertThat(result.route()).isEqualTo("FREE");
  }

  @Test
  @DisplayName("R-17 更改は利用中で自部署の台帳だけを参照できる")
  void renewalMustReferenceAnEntryInUse() {
    String unknown = "REG-1999-9999";
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                submitApplication(
                    "sato", zoom().with("renewsRegistryEntryId", unknown).variables()));
    assertThat(thrown)
        .isInstanceOf(jp.lg.externalservice.system.InputValidationException.class)
        .hasMessageContaining("renewsRegistryEntryId")
        .hasMessageContaining(unknown);
    String fukushi =
        registry.register(
            new NewRegistryEntry(
                EntryType.SERVICE,
                "福祉の Zoom",
                "Zoom",
                ServiceKind.CLOUD_INTERNET,
                ServiceCategory.WEB_CONFERENCE,
                "fukushi",
                "福祉課",
                Route.PAID,
                Outcome.APPLICATION_REQUIRED,
                "利用申請が必要",
                "[]",
                "[]",
                "watanabe",
                "渡辺 直子",
                "suzuki",
                "鈴木 一郎",
                LocalDate.of(2024, 4, 1),
                LocalDate.of(2027, 3, 31),
                null),
            "kobayashi",
            "earlier-application");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    submitApplication(
                        "sato", zoom().with("renewsRegistryEntryId", fukushi).variables())))
        .hasMessageContaining("他の部署");
  }

  // ---- rulings.md §2: outcomes not covered by a scenario

  @Test
  @DisplayName("TS-52 / R-10 Instagram の広報用アカウント → SNS 登録手続（ネットワークの表より優先）")
  void snsPublicityAccount() {
    RoutingResult result =
        apply(
            kintone()
                .service("Instagram", "CLOUD_INTERNET", "SNS")
                .paid(false)
                .informationTypes("PUBLIC")
                .connectionZones("LGWAN"));
    assertThat(result.outcome()).isEqualTo("SNS_PROCEDURE");
    assertThat(result.route()).isNull();
    assertThat(result.zoneVerdicts()).containsExactly(Map.entry("LGWAN", "FORBIDDEN"));
    assertThat(result.reasonRules()).containsExactly("ruling R-10 / 003 第7 5");
    assertThat(result.waitingAt()).as("the SNS registration is a called process").isNull();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseProcesses.SNS_REGISTRATION)
                .count())
        .isPositive();
  }

  @Test
  @DisplayName("R-1 Google 翻訳を LGWAN 接続系から → 申請不要の区分でも利用不可")
  void exemptServiceForbiddenByZone() {
    RoutingResult result =
        apply(
            googleMaps()
                .service("Google 翻訳", "WEB_SERVICE", "MAP_SEARCH_TRANSLATE")
                .connectionZones("LGWAN"));
    assertThat(result.outcome()).isEqualTo("FORBIDDEN");
    assertThat(result.reasonRules()).containsExactly(ZONE);
  }

  @Test
  @DisplayName("R-3 国から要請された無料サービスで個人情報 → 利用不可（禁止事項が申請不要に優先）")
  void prohibitionBeatsExemption() {
    RoutingResult result =
        apply(
            kintone()
                .service("国の調査サイト", "WEB_SERVICE", "SURVEY")
                .paid(false)
                .exemption("PUBLIC_BODY_REQUESTED")
                .informationTypes("PERSONAL"));
    assertThat(result.outcome()).isEqualTo("FORBIDDEN");
    assertThat(result.reasonRules()).containsExactly(P1, "ruling R-3");
  }

  @Test
  @DisplayName("R-7 有料のオンラインストレージで個人情報 → 原則不可・重要情報ルート")
  void discouragedImportantRoute() {
    RoutingResult result =
        apply(
            kintone()
                .service("Box", "CLOUD_INTERNET", "ONLINE_STORAGE")
                .informationTypes("PERSONAL"));
    assertThat(result.outcome()).isEqualTo("DISCOURAGED");
    assertThat(result.route()).isEqualTo("IMPORTANT");
    assertThat(result.waitingAt()).isEqualTo(CHECK_SELECTION_CRITERIA);
  }

  @Test
  @DisplayName("R-6 情報政策課が整備したストレージ → 原則不可ではなく有料ルート")
  void storageProvidedByInformationPolicyDivision() {
    RoutingResult result =
        apply(
            kintone()
                .service("全庁ファイル共有", "CLOUD_INTERNET", "ONLINE_STORAGE")
                .paid(false)
                .with("providedByInformationPolicyDivision", true));
    assertThat(result.outcome()).isEqualTo("APPLICATION_REQUIRED");
    assertThat(result.route()).isEqualTo("PAID");
  }

  @Test
  @DisplayName("R-8 ガバメントクラウドを LGWAN 接続系から → 情報政策課への事前相談が条件")
  void governmentCloudFromLgwanNeedsPriorConsultation() {
    RoutingResult result =
        apply(
            kintone()
                .service("ガバメントクラウド", "GOVERNMENT_CLOUD", "BUSINESS_APPLICATION")
                .connectionZones("LGWAN"));
    assertThat(result.conditions()).containsExactly("PRIOR_CONSULTATION", "GOVERNMENT_CLOUD_RULES");
    assertThat(result.reasonRules()).containsExactly(ROUTE_PAID, ZONE_CONDITION, GOVERNMENT_CLOUD);
  }

  // ---- 004 §3: every cell of the matrix (6 kinds × 3 zones), and the notes that need 要配慮個人情報

  @ParameterizedTest(name = "{0} × {1} → {2}")
  @MethodSource("matrixCells")
  void zoneMatrixCell(String kind, String zone, String verdict, String informationType) {
    RoutingResult result =
        apply(
            kintone()
                .service("matrix " + kind, kind, "BUSINESS_APPLICATION")
                .connectionZones(zone)
                .informationTypes(informationType));
    assertThat(result.zoneVerdicts()).containsExactly(Map.entry(zone, verdict));
    if (verdict.equals("FORBIDDEN")) {
      assertThat(result.outcome()).isEqualTo("FORBIDDEN");
      assertThat(result.waitingAt()).isEqualTo(ACKNOWLEDGE_FORBIDDEN);
    } else {
      assertThat(result.outcome()).isEqualTo("APPLICATION_REQUIRED");
      String condition =
          switch (verdict) {
            case "PRIOR_CONSULTATION", "SPECIFIC_COMMUNICATION", "CAREFUL_JUDGMENT" -> verdict;
            default -> null;
          };
      if (condition != null) {
        assertThat(result.conditions()).contains(condition);
      } else {
        assertThat(result.conditions())
            .doesNotContain("PRIOR_CONSULTATION", "SPECIFIC_COMMUNICATION", "CAREFUL_JUDGMENT");
      }
    }
  }

  static Stream<Arguments> matrixCells() {
    String[][] cells = {
      {"GOVERNMENT_CLOUD", "ALLOWED", "PRIOR_CONSULTATION", "FORBIDDEN"},
      {"LGWAN_ASP_NATIONAL", "ALLOWED", "ALLOWED", "FORBIDDEN"},
      {"LGWAN_ASP_CLOSED", "SPECIFIC_COMMUNICATION", "ALLOWED", "FORBIDDEN"},
      {"LGWAN_ASP_INTERNET", "FORBIDDEN", "ALLOWED", "FORBIDDEN"},
      {"CLOUD_INTERNET", "FORBIDDEN", "FORBIDDEN", "ALLOWED"},
      {"WEB_SERVICE", "FORBIDDEN", "FORBIDDEN", "ALLOWED"}
    };
    String[] zones = {"MY_NUMBER", "LGWAN", "INTERNET"};
    Stream.Builder<Arguments> arguments = Stream.builder();
    for (String[] row : cells) {
      for (int column = 0; column < zones.length; column++) {
        arguments.add(Arguments.of(row[0], zones[column], row[column + 1], "INTERNAL"));
      }
    }
    // ※要配慮個人情報は慎重に判断: the note applies only when 要配慮個人情報 is handled (ruling R-8).
    arguments.add(
        Arguments.of("LGWAN_ASP_INTERNET", "LGWAN", "CAREFUL_JUDGMENT", "SENSITIVE_PERSONAL"));
    arguments.add(
        Arguments.of("CLOUD_INTERNET", "INTERNET", "CAREFUL_JUDGMENT", "SENSITIVE_PERSONAL"));
    arguments.add(
        Arguments.of("WEB_SERVICE", "INTERNET", "CAREFUL_JUDGMENT", "SENSITIVE_PERSONAL"));
    arguments.add(Arguments.of("LGWAN_ASP_NATIONAL", "LGWAN", "ALLOWED", "SENSITIVE_PERSONAL"));
    return arguments.build();
  }
}
