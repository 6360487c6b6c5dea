package jp.lg.externalservice.classification;

import java.util.List;
import java.util.Map;

/**
 * The result of classifying an intended use; serialised as the pre-check response (rulings.md §3).
 */
public record Classification(
    Outcome outcome,
    Route route,
    boolean importantInformation,
    String applicationForm,
    boolean itPlanningRequired,
    List<Condition> conditions,
    Map<ConnectionZone, ZoneVerdict> zoneVerdicts,
    List<String> checklists,
    List<Reason> reasons) {

  public Classification {
    conditions = List.copyOf(conditions);
    zoneVerdicts =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(zoneVerdicts));
    checklists = List.copyOf(checklists);
    reasons = List.copyOf(reasons);
  }

  /** A Japanese, multi-line summary for people reading the case in Tasklist or Cockpit. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append("判定: ").append(outcome.label());
    if (route != null) {
      text.append(" / ルート: ").append(route.label()).append("（").append(applicationForm).append("）");
      text.append(itPlanningRequired ? " / 情報化企画: 要" : " / 情報化企画: 不要");
    }
    if (!conditions.isEmpty()) {
      text.append("\n条件: ");
      text.append(String.join("、", conditions.stream().map(Condition::label).toList()));
    }
    if (!checklists.isEmpty()) {
      text.append("\n今後のチェックリスト: ").append(String.join("、", checklists));
    }
    text.append("\n理由:");
    for (Reason reason : reasons) {
      text.append("\n・")
          .append(reason.message())
          .append("（根拠: ")
          .append(reason.source())
          .append("）");
    }
    return text.toString();
  }
}
