package jp.lg.externalservice.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.FormFields;

/**
 * Checks the {@code variables} of a form submission sent to the engine REST API against the fields
 * of the form that the task or start event really has: a task writes only its own form's fields,
 * with the value types the forms use (string, yes/no, number, date, JSON). Anything else — a fact
 * such as {@code applicant} or {@code route}, a serialized Java object, an oversized list — is
 * named in the error; nothing is stored.
 */
public final class SubmittedVariables {

  /**
   * Types a Camunda Form submits (plus Null and Date from the REST API); Object, Bytes, File and
   * Xml never.
   */
  static final Set<String> TYPES =
      Set.of("string", "boolean", "integer", "short", "long", "double", "date", "json", "null");

  static final int MAX_TEXT = 10_000;
  static final int MAX_LIST = 100;

  private static final Set<String> NUMBER_TYPES = Set.of("integer", "short", "long", "double");
  private static final Pattern NUMBER_TEXT = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,6})?");

  /**
   * A JSON field's text must be one JSON value and nothing after it (the engine would read only the
   * first).
   */
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private SubmittedVariables() {}

  /**
   * Every problem of {@code variables} (a JSON object name → {value, type, valueInfo}); empty when
   * all is well.
   */
  public static List<FieldError> check(JsonNode variables, FormFields form) {
    List<FieldError> errors = new ArrayList<>();
    if (variables == null || variables.isNull()) {
      return errors;
    }
    if (!variables.isObject()) {
      errors.add(new FieldError("variables", "変数はオブジェクトで指定してください", "variables must be an object"));
      return errors;
    }
    Iterator<Map.Entry<String, JsonNode>> entries = variables.fields();
    while (entries
        .hasNext()) { // the body is bounded; ErrorResponse names a bounded number of errors
      Map.Entry<String, JsonNode> entry = entries.next();
      String name = entry.getKey();
      FormFields.Field field = form.get(name);
      if (field == null) {
        errors.add(
            new FieldError(
                name,
                "このタスクのフォームにない項目は送信できません",
                "not a field of this task's form: the server writes it, or no one does"));
        continue;
      }
      String problem = problemOf(entry.getValue(), field);
      if (problem != null) {
        errors.add(
            new FieldError(
                name,
                "値の形式が正しくありません（" + problem + "）",
                "the value does not fit the form field (" + problem + ")"));
      }
    }
    return errors;
  }

  /**
   * The type of a variable in a REST body, or null when it carries none (the engine then infers
   * it).
   */
  static String typeOf(JsonNode variable) {
    JsonNode type = variable.get("type");
    return type == null || type.isNull() ? null : type.asText().toLowerCase(Locale.ROOT);
  }

  private static String problemOf(JsonNode variable, FormFields.Field field) {
    if (!variable.isObject()) {
      return "value/type";
    }
    String type = typeOf(variable);
    if (type != null && !TYPES.contains(type)) {
      return "type " + variable.get("type").asText();
    }
    JsonNode value = variable.path("value");
    if ("null".equals(type) || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return switch (field.kind()) {
      case TEXT ->
          value.isTextual() && (type == null || "string".equals(type))
              ? length(value.asText())
              : "text";
      case DATE ->
          value.isTextual() && (type == null || "string".equals(type) || "date".equals(type))
              ? length(value.asText())
              : "date";
      case BOOLEAN ->
          value.isBoolean() && (type == null || "boolean".equals(type)) ? null : "boolean";
      case NUMBER -> number(value, type);
      case LIST -> list(json(value, type));
      case GROUP -> group(json(value, type), field.members());
    };
  }

  /**
   * A JSON number, or a short numeric text declared as a number type; nothing else (not a Json
   * text).
   */
  private static String number(JsonNode value, String type) {
    boolean numberType = type == null || NUMBER_TYPES.contains(type);
    if (numberType && value.isNumber()) {
      return null;
    }
    return numberType
            && type != null
            && value.isTextual()
            && NUMBER_TEXT.matcher(value.asText()).matches()
        ? null
        : "number";
  }

  private static String length(String text) {
    return text.length() <= MAX_TEXT ? null : "at most " + MAX_TEXT + " characters";
  }

  /** A JSON field arrives as a Json variable whose value is the JSON text. */
  private static JsonNode json(JsonNode value, String type) {
    if (!"json".equals(type) || !value.isTextual() || value.asText().length() > MAX_TEXT * 4) {
      return null;
    }
    try {
      return MAPPER.readTree(value.asText());
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String list(JsonNode list) {
    if (list == null || !list.isArray()) {
      return "JSON array";
    }
    if (list.size() > MAX_LIST) {
      return "at most " + MAX_LIST + " entries";
    }
    for (JsonNode entry : list) {
      if (!entry.isTextual() || entry.asText().length() > 200) {
        return "list of short texts";
      }
    }
    return null;
  }

  private static String group(JsonNode group, Set<String> members) {
    if (group == null || !group.isObject()) {
      return "JSON object";
    }
    Iterator<Map.Entry<String, JsonNode>> entries = group.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (!members.contains(entry.getKey())) {
        return "no field " + entry.getKey();
      }
      if (!entry.getValue().isValueNode() || entry.getValue().asText().length() > MAX_TEXT) {
        return entry.getKey() + ": text";
      }
    }
    return null;
  }
}
