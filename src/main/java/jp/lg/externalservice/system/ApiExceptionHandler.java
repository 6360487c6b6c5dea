package jp.lg.externalservice.system;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Bad input to the {@code /api} endpoints: 400 with a bilingual body naming every offending field
 * (for a refused deployment: every file and its problem); 403 when the caller may not do it.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private final String maxAttachment;

  public ApiExceptionHandler(
      @Value("${external-service.attachments.max-size:10MB}") String maxAttachment) {
    this.maxAttachment = maxAttachment;
  }

  @ExceptionHandler(InputValidationException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public ErrorResponse invalidInput(InputValidationException e) {
    return ErrorResponse.invalidInput(e.getErrors());
  }

  @ExceptionHandler(DeploymentRefusedException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public ErrorResponse deploymentRefused(DeploymentRefusedException e) {
    return new ErrorResponse(
        "デプロイを中止しました。これまでのバージョンがそのまま使われます",
        "Deployment refused; the versions deployed before stay active",
        e.getErrors());
  }

  @ExceptionHandler(AccessDeniedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  public ErrorResponse accessDenied(AccessDeniedException e) {
    return new ErrorResponse(e.getMessageJa(), e.getMessageEn(), List.of());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public ErrorResponse unreadable(HttpMessageNotReadableException e) {
    return ErrorResponse.invalidInput(
        List.of(new FieldError("(body)", "JSON として解釈できません", "the body is not valid JSON")));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
  public ErrorResponse tooLarge(MaxUploadSizeExceededException e) {
    return ErrorResponse.invalidInput(
        List.of(
            new FieldError(
                "file",
                "ファイルが大きすぎます（上限 " + maxAttachment + "）",
                "the file is larger than " + maxAttachment)));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  @ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
  public ErrorResponse unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return ErrorResponse.invalidInput(
        List.of(
            new FieldError(
                "Content-Type",
                "application/json で送信してください",
                "send the body as application/json")));
  }
}
