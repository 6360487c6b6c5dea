package jp.lg.externalservice.system;

/** One offending input field, explained in Japanese and English. */
public record FieldError(String field, String message, String messageEn) {

  /** A required field left empty (every edge says it the same way). */
  public static FieldError missing(String field) {
    return new FieldError(field, "必須項目です", "is required");
  }

  /** A text longer than its field takes. */
  public static FieldError tooLong(String field, int maxLength) {
    return new FieldError(
        field, maxLength + " 文字以内で入力してください", "must be at most " + maxLength + " characters");
  }
}
