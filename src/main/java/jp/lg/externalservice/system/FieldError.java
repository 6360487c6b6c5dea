package jp.lg.externalservice.system;

/**
 * One offending input field, explained in Japanese and English. The Japanese message is what staff
 * read: its citations are in staff words ({@link StaffWording}); the English one keeps the codes.
 */
public record FieldError(String field, String message, String messageEn) {

  public FieldError {
    message = StaffWording.citations(message);
  }

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
