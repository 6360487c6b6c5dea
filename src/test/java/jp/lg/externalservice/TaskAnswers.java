package jp.lg.externalservice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.checklist.SecurityMeasure;
import jp.lg.externalservice.checklist.SelectionCriterion;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * What people submit in the task forms, as Tasklist submits it (groups and lists as {@code Json}
 * variables).
 */
public final class TaskAnswers {

  public static final String TERMS_RISKS =
      "[\"C1\",\"C2\",\"C3\",\"C4\",\"C5\",\"Y1\",\"Y2\",\"Y3\",\"Y4\",\"Y5\",\"Y6\",\"Y7\"]";
  public static final String CONTRACT_RISKS = "[\"C1\",\"C2\",\"C3\",\"C4\",\"C5\",\"K1\"]";

  private TaskAnswers() {}

  public static Map<String, Object> allCriteriaMet() {
    return criteria(Map.of());
  }

  /** Every 別表 item ○ except the given answers; an answer of null leaves the item out. */
  public static Map<String, Object> criteria(Map<String, String> exceptions) {
    StringBuilder json = new StringBuilder("{");
    for (SelectionCriterion criterion : SelectionCriterion.values()) {
      String answer =
          exceptions.containsKey(criterion.key()) ? exceptions.get(criterion.key()) : "YES";
      if (answer != null) {
        json.append(json.length() > 1 ? "," : "")
            .append('"')
            .append(criterion.key())
            .append("\":\"")
            .append(answer)
            .append('"');
      }
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("selectionCriteria", SpinValues.jsonValue(json.append('}').toString()).create());
    variables.put("preparationDecision", "PROCEED");
    return variables;
  }

  public static Map<String, Object> risksAccepted(String contractType, String risks) {
    return Map.of(
        "contractType",
        contractType,
        "acceptedRisks",
        SpinValues.jsonValue(risks).create(),
        "preparationDecision",
        "PROCEED");
  }

  /** The eight items: item 3 and item 5 as given, item 8 ×, the rest ○. */
  public static Map<String, Object> measures(String item3, String item5, String note) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(
        "measuresSelfCheck",
        SpinValues.jsonValue(
                "{\"item1\":\"YES\",\"item2\":\"YES\",\"item3\":\""
                    + item3
                    + "\",\"item4\":\"YES\",\"item5\":\""
                    + item5
                    + "\",\"item6\":\"YES\",\"item7\":\"YES\",\"item8\":\"NO\"}")
            .create());
    variables.put("selfCheckNote", note);
    return variables;
  }

  /** The eight items all ○. */
  public static Map<String, Object> measuresAllMet() {
    return Map.of("measuresSelfCheck", allYes());
  }

  /** The 利用責任者's double check: every item ○ except the items answered ×. */
  public static Map<String, Object> doubleCheck(
      String decision, String comment, String... crossedItems) {
    Map<String, Object> variables = new HashMap<>();
    StringBuilder json = new StringBuilder("{");
    for (SecurityMeasure measure : SecurityMeasure.values()) {
      boolean crossed = java.util.Arrays.asList(crossedItems).contains(measure.key());
      json.append(json.length() > 1 ? "," : "")
          .append('"')
          .append(measure.key())
          .append("\":\"")
          .append(crossed ? "NO" : "YES")
          .append('"');
    }
    variables.put("doubleCheck", SpinValues.jsonValue(json.append('}').toString()).create());
    variables.put("doubleCheckDecision", decision);
    variables.put("doubleCheckComment", comment);
    return variables;
  }

  public static Map<String, Object> review(String recommendation, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("reviewRecommendation", recommendation);
    variables.put("reviewComment", comment);
    return variables;
  }

  public static Map<String, Object> decision(String choice, String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("decisionChoice", choice);
    variables.put("decisionReason", reason);
    variables.put("decisionConfirmed", true);
    return variables;
  }

  public static Map<String, Object> usageRisksAcknowledged() {
    return Map.of(
        "acknowledgedRisks", SpinValues.jsonValue("[\"RV1\",\"RV2\",\"RV3\",\"RV4\"]").create());
  }

  /** The SNS registration form (003 第7 5), complete. */
  public static Map<String, Object> snsRegistration() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("snsAccountName", "@nerima_kumin");
    variables.put("snsAccountUrl", "https://x.com/nerima_kumin");
    variables.put("snsResponsiblePerson", "sato");
    variables.put(
        "snsProcedureItems",
        SpinValues.jsonValue(
                "[\"A_POSTABLE_INFORMATION\",\"B_ACCOUNT_LIST_PAGE\","
                    + "\"C_WEBSITE_URL_IN_PROFILE\",\"D_OFFICIAL_ACCOUNT\",\"E_CREDENTIAL_MANAGEMENT\"]")
            .create());
    variables.put("snsOfficialAccount", "USED");
    variables.put("snsNoConfidentialPosts", true);
    return variables;
  }

  /** A checklist group {@code prefix1 … prefixN}: every item ○ except the crossed ones ×. */
  public static Object checklist(String prefix, int count, String... crossed) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 1; i <= count; i++) {
      String key = prefix + i;
      json.append(i > 1 ? "," : "")
          .append('"')
          .append(key)
          .append("\":\"")
          .append(List.of(crossed).contains(key) ? "NO" : "YES")
          .append('"');
    }
    return SpinValues.jsonValue(json.append('}').toString()).create();
  }

  /**
   * The 終了確認書 with 様式6 (002 §7), complete, for the registry entry; {@code crossed} items of t1–t4
   * answered ×.
   */
  public static Map<String, Object> terminationRequest(
      String entryId, String channel, String... crossed) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("registryEntryId", entryId);
    variables.put("terminationReason", "後継システムへ移行するため");
    variables.put("informationHandled", "区民の相談記録");
    variables.put("endDate", "2027-03-31");
    variables.put("agreedAtTermination", "解約申込書の控え（2027-03-01）");
    variables.put("disposalProof", "データ消去証明書 No.2027-0331");
    variables.put("terminationCheck", checklist("t", 4, crossed));
    variables.put("disposalChecklist", checklist("d", 6));
    variables.put("reportChannel", channel);
    return variables;
  }

  private static Object allYes() {
    StringBuilder json = new StringBuilder("{");
    for (SecurityMeasure measure : SecurityMeasure.values()) {
      json.append(json.length() > 1 ? "," : "")
          .append('"')
          .append(measure.key())
          .append("\":\"YES\"");
    }
    return SpinValues.jsonValue(json.append('}').toString()).create();
  }
}
