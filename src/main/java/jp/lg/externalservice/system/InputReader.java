package jp.lg.externalservice.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads typed fields from a JSON object (a REST body, or process variables converted by {@link
 * JsonInput}) and collects one {@link FieldError} per offending field, so that a caller can report
 * every problem at once.
 */
public final class InputReader {

  /**
   * The longest array any form field takes: every list of the forms is a choice of enum values, so
   * a longer one is hostile, and is refused before its elements are looked at (issue #12, "Size").
   */
  public static final int MAX_ARRAY_LENGTH = 100;

  /** The longest free text (a note, a comment, a reason) any form field takes. */
  public static final int MAX_TEXT = 2000;

  private final JsonNode input;
  private final String prefix;
  private final Errors errors;

  public InputReader(JsonNode input) {
    this(input, "", new Errors());
  }

  private InputReader(JsonNode input, String prefix, Errors errors) {
    this.input = input;
    this.prefix = prefix;
    this.errors = errors;
  }

  /**
   * A reader for a nested object (a group of a Camunda Form); its errors name the field as {@code
   * group.field} and are collected here. Null, with the error recorded, when the object is missing.
   */
  public InputReader object(String field) {
    JsonNode node = input.get(field);
    if (absent(node)) {
      missing(field);
      return null;
    }
    if (!node.isObject()) {
      reject(field, "オブジェクトで指定してください", "must be an object");
      return null;
    }
    return new InputReader(node, prefix + field + ".", errors);
  }

  public String requiredText(String field, int maxLength) {
    String value = optionalText(field, maxLength);
    if (value == null && !hasError(field)) {
      missing(field);
    }
    return value;
  }

  /** A string, trimmed; null when absent or blank. */
  public String optionalText(String field, int maxLength) {
    JsonNode node = input.get(field);
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      reject(field, "文字列で指定してください", "must be a string");
      return null;
    }
    String value = node.asText().strip();
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > maxLength) {
      add(FieldError.tooLong(field, maxLength));
      return null;
    }
    return value;
  }

  public Boolean requiredBoolean(String field) {
    JsonNode node = input.get(field);
    if (absent(node)) {
      missing(field);
      return null;
    }
    return bool(field, node);
  }

  public boolean optionalBoolean(String field, boolean defaultValue) {
    JsonNode node = input.get(field);
    if (absent(node)) {
      return defaultValue;
    }
    Boolean value = bool(field, node);
    return value == null ? defaultValue : value;
  }

  public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
    JsonNode node = input.get(field);
    if (absent(node) || (node.isTextual() && node.asText().isBlank())) {
      missing(field);
      return null;
    }
    return enumValue(field, node, type);
  }

  /** A required array of enum values; duplicates are dropped, order is kept. */
  public <E extends Enum<E>> List<E> enumList(String field, Class<E> type, boolean nonEmpty) {
    JsonNode node = input.get(field);
    if (absent(node)) {
      missing(field);
      return List.of();
    }
    if (!node.isArray()) {
      reject(
          field,
          "配列で指定してください（許可される値: " + allowed(type) + "）",
          "must be an array of: " + allowed(type));
      return List.of();
    }
    if (!withinLength(field, node, MAX_ARRAY_LENGTH)) {
      return List.of();
    }
    Set<E> values = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      E value = enumValue(field + "[" + i + "]", node.get(i), type);
      if (value != null) {
        values.add(value);
      }
    }
    if (nonEmpty && node.isEmpty()) {
      reject(
          field,
          "1 つ以上選択してください（許可される値: " + allowed(type) + "）",
          "must contain at least one of: " + allowed(type));
    }
    return List.copyOf(values);
  }

  public LocalDate requiredDate(String field) {
    JsonNode node = input.get(field);
    if (absent(node) || (node.isTextual() && node.asText().isBlank())) {
      missing(field);
      return null;
    }
    if (node.isTextual()) {
      String text = node.asText().strip();
      try {
        return isoDate(text);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    reject(field, "日付（YYYY-MM-DD）で入力してください", "must be a date (YYYY-MM-DD)");
    return null;
  }

  public Integer requiredInteger(String field, int min, int max) {
    JsonNode node = input.get(field);
    if (absent(node)) {
      missing(field);
      return null;
    }
    if (!node.isIntegralNumber()
        && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
      reject(field, "整数で入力してください", "must be a whole number");
      return null;
    }
    long value = node.asLong();
    if (value < min || value > max) {
      reject(field, min + " 以上 " + max + " 以下で入力してください", "must be between " + min + " and " + max);
      return null;
    }
    return (int) value;
  }

  /**
   * False, with the error recorded, when the array {@code node} has more than {@code max} elements;
   * for readers of arrays other than {@link #enumList}.
   */
  public boolean withinLength(String field, JsonNode node, int max) {
    if (node.size() <= max) {
      return true;
    }
    reject(
        field,
        max + " 件以内で指定してください（" + node.size() + " 件あります）",
        "must have at most " + max + " items (has " + node.size() + ")");
    return false;
  }

  public void reject(String field, String message, String messageEn) {
    errors.add(new FieldError(prefix + field, message, messageEn));
  }

  public boolean hasError(String field) {
    String name = prefix + field;
    return errors.list.stream()
        .anyMatch(e -> e.field().equals(name) || e.field().startsWith(name + "["));
  }

  /**
   * The errors, at most {@link InputValidationException#MAX_REPORTED_ERRORS} of them and then one
   * that counts the rest.
   */
  // The same reads by a declared variable (a form field's key): {@code
  // reader.requiredEnum(DOUBLE_CHECK_DECISION)}.

  public InputReader object(Var<?> field) {
    return object(field.name());
  }

  public String requiredText(Var<String> field, int maxLength) {
    return requiredText(field.name(), maxLength);
  }

  public String optionalText(Var<String> field, int maxLength) {
    return optionalText(field.name(), maxLength);
  }

  public Boolean requiredBoolean(Var<Boolean> field) {
    return requiredBoolean(field.name());
  }

  public boolean optionalBoolean(Var<Boolean> field, boolean defaultValue) {
    return optionalBoolean(field.name(), defaultValue);
  }

  /** The enum constant the form sent for {@code field}, of the variable's declared type. */
  public <E extends Enum<E>> E requiredEnum(Var<E> field) {
    return requiredEnum(field.name(), field.type());
  }

  public <E extends Enum<E>> List<E> enumList(Var<?> field, Class<E> type, boolean nonEmpty) {
    return enumList(field.name(), type, nonEmpty);
  }

  public LocalDate requiredDate(Var<String> field) {
    return requiredDate(field.name());
  }

  public Integer requiredInteger(Var<Integer> field, int min, int max) {
    return requiredInteger(field.name(), min, max);
  }

  public void reject(Var<?> field, String message, String messageEn) {
    reject(field.name(), message, messageEn);
  }

  public boolean hasError(Var<?> field) {
    return hasError(field.name());
  }

  public List<FieldError> errors() {
    return errors.reported();
  }

  /**
   * Throws {@link InputValidationException} naming every offending field (up to the limit), if any.
   */
  public void throwIfInvalid() {
    if (!errors.list.isEmpty()) {
      throw new InputValidationException(errors.reported());
    }
  }

  private Boolean bool(String field, JsonNode node) {
    if (!node.isBoolean()) {
      reject(field, "true または false で指定してください", "must be true or false");
      return null;
    }
    return node.booleanValue();
  }

  private <E extends Enum<E>> E enumValue(String field, JsonNode node, Class<E> type) {
    if (node != null && node.isTextual()) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(node.asText())) {
          return constant;
        }
      }
    }
    reject(field, "次のいずれかを指定してください: " + allowed(type), "must be one of: " + allowed(type));
    return null;
  }

  private void missing(String field) {
    add(FieldError.missing(field));
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /**
   * The errors of a reader and its nested readers; beyond the reporting limit only counted, so that
   * hostile input cannot make the error list (and the answer) as large as itself.
   */
  private static final class Errors {
    private final List<FieldError> list = new ArrayList<>();
    private int omitted;

    void add(FieldError error) {
      if (list.size() < InputValidationException.MAX_REPORTED_ERRORS) {
        list.add(error);
      } else {
        omitted++;
      }
    }

    List<FieldError> reported() {
      if (omitted == 0) {
        return List.copyOf(list);
      }
      List<FieldError> reported = new ArrayList<>(list);
      reported.add(InputValidationException.omitted(omitted));
      return List.copyOf(reported);
    }
  }

  private static String allowed(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /**
   * The date of an ISO date ({@code 2027-04-01}) or of the date-time a Camunda Form's date field
   * may send ({@code 2027-04-01T00:00:00…}); null for null.
   */
  public static LocalDate isoDate(String text) {
    return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }

  private void add(FieldError error) {
    reject(error.field(), error.message(), error.messageEn());
  }
}
