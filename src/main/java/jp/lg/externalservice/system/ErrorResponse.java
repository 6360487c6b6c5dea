package jp.lg.externalservice.system;

import java.util.List;

/** The JSON body of every 4xx answer of the {@code /api} endpoints: Japanese and English, field by field. */
public record ErrorResponse(String error, String errorEn, List<FieldError> errors) {

  /** However many errors there are, an answer names a bounded number of them. */
  public ErrorResponse {
    errors = errors == null ? List.of() : InputValidationException.capped(errors);
  }

  public static ErrorResponse invalidInput(List<FieldError> errors) {
    return new ErrorResponse("入力内容に誤りがあります", "Invalid input", errors);
  }
}
