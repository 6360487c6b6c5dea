package jp.lg.externalservice.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Classifies an intended use of an external service. The one rule implementation behind both the
 * application process (via {@code ClassifyApplication}) and {@code POST /api/precheck}: the rule
 * tables come from the deployed DMN decisions, the precedence of rulings.md §2 lives here.
 */
@Service
public class ClassificationService {

  private static final String MATRIX = "004 §3";

  public Classification classify(ClassificationInput input, RuleTables tables) {
    boolean important = input.importantInformation();
    Map<ConnectionZone, ZoneVerdict> zoneVerdicts = new LinkedHashMap<>();
    for (ConnectionZone zone : input.connectionZones()) {
      zoneVerdicts.put(
          zone, tables.zone(input.serviceKind(), zone, input.sensitivePersonalInformation()));
    }
    // ruling R-9: the government cloud is not exemption E4 (requested by a public body); it is
    // routed normally
    boolean governmentCloudNotExempt =
        input.serviceKind() == ServiceKind.GOVERNMENT_CLOUD
            && input.exemption() == Exemption.PUBLIC_BODY_REQUESTED;
    ExemptionVerdict exemption =
        tables.exemption(governmentCloudNotExempt ? Exemption.NONE : input.exemption(), important);

    // 1. SNS publicity accounts leave the 004 flow (ruling R-10).
    if (input.serviceCategory() == ServiceCategory.SNS) {
      List<Reason> reasons = new ArrayList<>();
      reasons.add(
          new Reason(
              "ruling R-10 / 003 第7 5",
              "SNS の広報用アカウントは 004 の利用申請の対象外です。SNS 登録手続（サービスごとの責任者、運用手順ア–オ、"
                  + "公式アカウント、機密性2以上の情報の投稿禁止）で扱います"));
      return withConditions(Outcome.SNS_PROCEDURE, null, important, input, zoneVerdicts, reasons);
    }

    // 2.–4. Hard stops. Every rule that forbids the use is cited, in precedence order.
    List<Reason> forbidding = new ArrayList<>();
    zoneVerdicts.forEach(
        (zone, verdict) -> {
          if (verdict == ZoneVerdict.FORBIDDEN) {
            forbidding.add(
                new Reason(
                    MATRIX,
                    input.serviceKind().label()
                        + "は"
                        + zone.label()
                        + "からは利用できません（ネットワークの分離による利用可否の表で×）"));
          }
        });
    if (important && !input.effectivelyPaid() && !input.streamingConsentException()) {
      forbidding.add(
          new Reason(
              MATRIX + " 注記1",
              "無料の外部サービスで個人情報等の重要情報を取り扱うことは認められません" + "（YouTube 等の配信サービスで本人の同意がある場合を除く）"));
      if (exemption.verdict() == ExemptionVerdict.Verdict.NO_APPLICATION) {
        forbidding.add(
            new Reason(
                "ruling R-3",
                exemptionName(input.exemption()) + "は申請不要のサービスですが、禁止事項は申請不要の扱いに優先します"));
      }
    }
    if (exemption.verdict() == ExemptionVerdict.Verdict.FORBIDDEN) {
      forbidding.add(
          new Reason(
              exemption.rule(),
              exemptionName(input.exemption()) + "は利用申請は不要ですが、個人情報等の重要情報を取り扱うことは不可です（利用不可※）"));
    }
    if (!forbidding.isEmpty()) {
      return new Classification(
          Outcome.FORBIDDEN,
          null,
          important,
          null,
          false,
          List.of(),
          zoneVerdicts,
          List.of(),
          forbidding);
    }

    // 5. Exemptions remove only the application; the matrix still applies (ruling R-1).
    if (exemption.verdict() == ExemptionVerdict.Verdict.NO_APPLICATION) {
      List<Reason> reasons = new ArrayList<>();
      reasons.add(
          new Reason(exemption.rule(), exemptionName(input.exemption()) + "に該当するため、利用申請は不要です"));
      return withConditions(Outcome.NO_APPLICATION, null, important, input, zoneVerdicts, reasons);
    }

    Route route = important ? Route.IMPORTANT : input.effectivelyPaid() ? Route.PAID : Route.FREE;
    List<Reason> reasons = new ArrayList<>();
    if (governmentCloudNotExempt) {
      reasons.add(
          new Reason(
              "ruling R-9",
              "ガバメントクラウドは" + exemptionName(input.exemption()) + "に当たらないため、通常どおり利用申請が必要です"));
    }

    // 6. "原則" prohibitions: a warning that defaults to rejection (ruling R-7).
    boolean discouraged =
        input.serviceCategory().isMailOrStorage() && !input.providedByInformationPolicyDivision();
    if (discouraged) {
      reasons.add(new Reason(MATRIX + " 注記2", "職員のメール、ストレージサービスは、情報政策課が整備したもの以外は原則認められません"));
      if (!input.effectivelyPaid()) {
        reasons.add(new Reason("004 §9(3) 選定 ※", "無料の Web メールサービス、オンラインストレージサービスは原則として利用を認められません"));
      }
      reasons.add(new Reason("ruling R-7", "申請は可能ですが、審査では警告が表示され、既定の判断は却下です。承認には正当な理由の記録が必要です"));
    }
    reasons.add(routeReason(route));
    if (route == Route.IMPORTANT && !input.effectivelyPaid()) {
      reasons.add(
          new Reason(MATRIX + " 注記1 / ruling R-4", "配信サービスで本人の同意があるため、無料でも重要情報の取扱いは禁止されません"));
    }
    Outcome outcome = discouraged ? Outcome.DISCOURAGED : Outcome.APPLICATION_REQUIRED;
    return withConditions(outcome, route, important, input, zoneVerdicts, reasons);
  }

  private static Reason routeReason(Route route) {
    return switch (route) {
      case IMPORTANT ->
          new Reason("004 §9(2)", "個人情報等の重要情報を取り扱うため、別表の選定基準を確認のうえ様式1で情報政策課に申請し、情報化企画を併せて申請します");
      case PAID ->
          new Reason(
              "004 §9(3)(a) / ruling R-5",
              "重要情報を取り扱わない有料のサービスのため、リスクの許容を確認のうえ様式2で申請し、情報化企画を併せて申請します");
      case FREE ->
          new Reason(
              "004 §9(3)(b) / ruling R-5",
              "重要情報を取り扱わない無料のサービスのため、リスクの許容を確認のうえ様式2で情報政策課に申請します（情報化企画は不要）");
    };
  }

  /** Adds the conditions of rulings R-8 and R-9 (any outcome but FORBIDDEN). */
  private static Classification withConditions(
      Outcome outcome,
      Route route,
      boolean important,
      ClassificationInput input,
      Map<ConnectionZone, ZoneVerdict> zoneVerdicts,
      List<Reason> reasons) {
    Set<Condition> conditions = new LinkedHashSet<>();
    List<Reason> all = new ArrayList<>(reasons);
    zoneVerdicts.forEach(
        (zone, verdict) -> {
          Condition condition = verdict.condition();
          if (condition != null && conditions.add(condition)) {
            all.add(
                new Reason(
                    MATRIX + " / ruling R-8",
                    conditionMessage(condition, input.serviceKind(), zone)));
          }
        });
    if (input.serviceKind() == ServiceKind.GOVERNMENT_CLOUD) {
      conditions.add(Condition.GOVERNMENT_CLOUD_RULES);
      all.add(new Reason("004 §15 / ruling R-9", "ガバメントクラウドを利用するため、導入時に特則①–⑲のチェックリストを確認します"));
    }
    return new Classification(
        outcome,
        route,
        important,
        route == null ? null : route.applicationForm(),
        route != null && route.itPlanningRequired(),
        List.copyOf(conditions),
        zoneVerdicts,
        route == null ? List.of() : route.checklists(),
        all);
  }

  private static String conditionMessage(
      Condition condition, ServiceKind kind, ConnectionZone zone) {
    String use = kind.label() + "を" + zone.label() + "から利用するには、";
    return switch (condition) {
      case PRIOR_CONSULTATION -> use + "情報政策課への事前相談が必要です";
      case SPECIFIC_COMMUNICATION -> use + "通信を特定通信にする必要があります";
      case CAREFUL_JUDGMENT ->
          "要配慮個人情報を" + kind.label() + "で" + zone.label() + "から取り扱うため、慎重な判断が必要です";
      case GOVERNMENT_CLOUD_RULES -> throw new IllegalArgumentException("not a matrix condition");
    };
  }

  private static String exemptionName(Exemption exemption) {
    return exemption.code() + "「" + exemption.label() + "」";
  }
}
