package jp.lg.externalservice;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A valid application as the Camunda Form submits it (arrays as {@code Json} variables), with
 * fluent changes. The default is kintone, paid, internal information only, from the internet
 * segment.
 */
public final class ApplicationAnswers {

  private final Map<String, Object> values = new LinkedHashMap<>();

  private ApplicationAnswers() {
    values.put("serviceName", "kintone");
    values.put("providerName", "サイボウズ株式会社");
    values.put("serviceDescription", "区民相談の記録を管理する業務アプリケーション");
    values.put("serviceKind", "CLOUD_INTERNET");
    values.put("serviceCategory", "BUSINESS_APPLICATION");
    values.put("paid", true);
    values.put("streamingWithConsent", false);
    values.put("providedByInformationPolicyDivision", false);
    values.put("exemption", "NONE");
    values.put("purpose", "相談記録の共有");
    values.put("businessScope", "区民相談窓口の記録業務");
    values.put("users", "区民課 相談係 全員");
    values.put("userCount", 12);
    values.put("periodStart", "2027-04-01");
    values.put("periodEnd", "2028-03-31");
    values.put("serviceManager", "sato");
    informationTypes("INTERNAL");
    connectionZones("INTERNET");
  }

  public static ApplicationAnswers kintone() {
    return new ApplicationAnswers();
  }

  public ApplicationAnswers service(String name, String kind, String category) {
    values.put("serviceName", name);
    values.put("serviceKind", kind);
    values.put("serviceCategory", category);
    return this;
  }

  public ApplicationAnswers paid(boolean paid) {
    values.put("paid", paid);
    return this;
  }

  public ApplicationAnswers exemption(String exemption) {
    values.put("exemption", exemption);
    return this;
  }

  public ApplicationAnswers informationTypes(String... types) {
    values.put("informationTypes", jsonArray(types));
    return this;
  }

  public ApplicationAnswers connectionZones(String... zones) {
    values.put("connectionZones", jsonArray(zones));
    return this;
  }

  public ApplicationAnswers with(String name, Object value) {
    values.put(name, value);
    return this;
  }

  public ApplicationAnswers without(String name) {
    values.remove(name);
    return this;
  }

  /** Process variables, as Tasklist submits them. */
  public Map<String, Object> variables() {
    return new LinkedHashMap<>(values);
  }

  /** The pre-check request body with the same answers. */
  public Map<String, Object> precheckRequest() {
    Map<String, Object> request = new LinkedHashMap<>();
    for (String field :
        List.of(
            "serviceName",
            "providerName",
            "serviceKind",
            "serviceCategory",
            "paid",
            "exemption",
            "streamingWithConsent",
            "providedByInformationPolicyDivision")) {
      request.put(field, values.get(field));
    }
    request.put("informationTypes", parse(values.get("informationTypes")));
    request.put("connectionZones", parse(values.get("connectionZones")));
    return request;
  }

  private static Object jsonArray(String... items) {
    return SpinValues.jsonValue(
            Arrays.stream(items)
                .map(item -> "\"" + item + "\"")
                .collect(Collectors.joining(",", "[", "]")))
        .create();
  }

  private static List<String> parse(Object json) {
    String text = json.toString();
    if (json instanceof org.camunda.spin.plugin.variable.value.JsonValue value) {
      text = value.getValueSerialized();
    }
    String inner = text.substring(text.indexOf('[') + 1, text.lastIndexOf(']')).trim();
    return inner.isEmpty()
        ? List.of()
        : Arrays.stream(inner.split(",")).map(s -> s.trim().replace("\"", "")).toList();
  }
}
