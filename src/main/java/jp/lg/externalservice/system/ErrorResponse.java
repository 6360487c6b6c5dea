package jp.lg.externalservice.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of every 4xx answer of the {@code /api} endpoints: Japanese and English, field by
 * field.
 */
public record ErrorResponse(String error, String errorEn, List<FieldError> errors) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** However many errors there are, an answer names a bounded number of them. */
  public ErrorResponse {
    errors = errors == null ? List.of() : InputValidationException.capped(errors);
  }

  public static ErrorResponse invalidInput(List<FieldError> errors) {
    return new ErrorResponse("入力内容に誤りがあります", "Invalid input", errors);
  }

  /**
   * Answers a request from a servlet filter (before any controller): this body plus Camunda's
   * {@code type} and {@code message}, which Tasklist and Cockpit show, so one body serves the
   * webapps, the engine REST API and /api.
   */
  public void writeTo(HttpServletResponse response, int status) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "type",
        status == HttpServletResponse.SC_BAD_REQUEST
            ? InputValidationException.class.getSimpleName()
            : "HTTP " + status);
    body.put("message", error + "（" + errorEn + "）");
    body.put("error", error);
    body.put("errorEn", errorEn);
    body.put("errors", errors);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }
}
