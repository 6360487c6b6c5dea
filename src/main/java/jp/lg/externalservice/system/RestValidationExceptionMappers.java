package jp.lg.externalservice.system;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine REST API answers 500 when a process start or a task completion fails in a listener.
 * These mappers replace Camunda's own two so that our {@link InputValidationException} becomes a
 * 400 naming every field, on every path; anything else is answered exactly as Camunda would.
 */
public final class RestValidationExceptionMappers {

  private RestValidationExceptionMappers() {}

  static Response badRequestOrNull(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InputValidationException invalid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", InputValidationException.class.getSimpleName());
        body.put("message", invalid.getMessage());
        body.put("errors", invalid.getErrors());
        return Response.status(Response.Status.BAD_REQUEST)
            .entity(body)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .build();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  @Provider
  public static class ForRestException implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Response response = badRequestOrNull(exception);
      return response != null ? response : camunda.toResponse(exception);
    }
  }

  @Provider
  public static class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response response = badRequestOrNull(exception);
      return response != null ? response : camunda.toResponse(exception);
    }
  }
}
