package jp.lg.externalservice.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import jp.lg.externalservice.system.ErrorResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic authentication against the engine's users for {@code /engine-rest} and {@code /api}.
 * Unlike Camunda's filter, no path is let through unauthenticated (Camunda lets {@code
 * /engine-rest/engine} pass). While a request runs, the engine knows the caller and their groups,
 * so authorizations apply.
 */
public class BasicAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }

  /** Adds a bilingual JSON body to the 401 challenge. */
  public static class ChallengeWithBody extends HttpBasicAuthenticationProvider {
    @Override
    public void augmentResponseByAuthenticationChallenge(
        HttpServletResponse response, ProcessEngine engine) {
      super.augmentResponseByAuthenticationChallenge(response, engine);
      try {
        new ErrorResponse(
                "ログインが必要です（HTTP Basic 認証）", "Authentication required (HTTP Basic)", List.of())
            .writeTo(response, HttpServletResponse.SC_UNAUTHORIZED);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
