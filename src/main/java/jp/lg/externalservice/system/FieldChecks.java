package jp.lg.externalservice.system;

import java.util.ArrayList;
import java.util.List;

/**
 * Guard clauses for Java callers that already hold typed values (a record, an enum, a date): each
 * check records a {@link FieldError} instead of throwing, so that one {@link
 * InputValidationException} names every offending field, with the same field names and messages as
 * {@link InputReader} gives at the HTTP and form edge.
 */
public final class FieldChecks {

  private final List<FieldError> errors = new ArrayList<>();

  /** {@code value}, or null with "必須項目です" recorded when it is null. */
  public <T> T required(String field, T value) {
    if (value == null) {
      missing(field);
    }
    return value;
  }

  /**
   * The text trimmed, or null with the error recorded when it is blank or longer than {@code
   * maxLength}.
   */
  public String requiredText(String field, String value, int maxLength) {
    String text = optionalText(field, value, maxLength);
    if (text == null && !hasError(field)) {
      missing(field);
    }
    return text;
  }

  /**
   * The text trimmed; null when null or blank, or (with the error recorded) longer than {@code
   * maxLength}.
   */
  public String optionalText(String field, String value, int maxLength) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > maxLength) {
      add(FieldError.tooLong(field, maxLength));
      return null;
    }
    return text;
  }

  public void reject(String field, String message, String messageEn) {
    errors.add(new FieldError(field, message, messageEn));
  }

  public boolean hasError(String field) {
    return errors.stream().anyMatch(error -> error.field().equals(field));
  }

  /**
   * Throws {@link InputValidationException} naming every offending field (up to its limit), if any.
   */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InputValidationException(errors);
    }
  }

  private void missing(String field) {
    add(FieldError.missing(field));
  }

  private void add(FieldError error) {
    reject(error.field(), error.message(), error.messageEn());
  }
}
