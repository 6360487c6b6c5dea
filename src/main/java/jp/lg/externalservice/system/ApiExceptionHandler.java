package jp.lg.externalservice.system;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input to the {@code /api} endpoints: 400 with a bilingual body naming every offending field. */
@RestControllerAdvice
public class ApiExceptionHandler {

  @ExceptionHandler(InputValidationException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public ErrorResponse invalidInput(InputValidationException e) {
    return ErrorResponse.invalidInput(e.getErrors());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public ErrorResponse unreadable(HttpMessageNotReadableException e) {
    return ErrorResponse.invalidInput(List.of(new FieldError("(body)",
        "JSON として解釈できません", "the body is not valid JSON")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  @ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
  public ErrorResponse unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return ErrorResponse.invalidInput(List.of(new FieldError("Content-Type",
        "application/json で送信してください", "send the body as application/json")));
  }
}
