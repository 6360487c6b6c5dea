package jp.lg.externalservice.system;

import java.util.Set;

/**
 * A decider's choice and the reason written beside it. Every decider of the flows (double checks,
 * review, 情報化企画, decision, SNS approval) must say why when they refuse or send back; approving or
 * forwarding needs no reason.
 *
 * @param choice the choice, or null when the field was missing or invalid (then {@code reader}
 *     holds the error)
 * @param reason the reason, or null when none was written
 */
public record ReasonedChoice<E extends Enum<E>>(E choice, String reason) {

  /**
   * Reads {@code choiceField} and {@code reasonField}; the reason is required for each choice in
   * {@code needReason}. Problems are recorded in {@code reader}.
   */
  public static <E extends Enum<E>> ReasonedChoice<E> read(
      InputReader reader,
      String choiceField,
      Class<E> type,
      String reasonField,
      Set<E> needReason) {
    E choice = reader.requiredEnum(choiceField, type);
    String reason = reader.optionalText(reasonField, InputReader.MAX_TEXT);
    if (choice != null
        && needReason.contains(choice)
        && reason == null
        && !reader.hasError(reasonField)) {
      reader.reject(
          reasonField,
          "この判断には理由の記入が必要です",
          "give the reason: it is required for this choice (" + choice.name() + ")");
    }
    return new ReasonedChoice<>(choice, reason);
  }

  /** The same for declared variables; the choice's type is the variable's. */
  public static <E extends Enum<E>> ReasonedChoice<E> read(
      InputReader reader, Var<E> choiceField, Var<String> reasonField, Set<E> needReason) {
    return read(reader, choiceField.name(), choiceField.type(), reasonField.name(), needReason);
  }

  public boolean is(E value) {
    return choice == value;
  }
}
