package jp.lg.externalservice.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic authentication against the engine's users for {@code /engine-rest} and {@code /api}. Unlike
 * Camunda's filter, no path is let through unauthenticated (Camunda lets {@code /engine-rest/engine} pass).
 * While a request runs, the engine knows the caller and their groups, so authorizations apply.
 */
public class BasicAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }

  /** Adds a bilingual JSON body to the 401 challenge. */
  public static class ChallengeWithBody extends HttpBasicAuthenticationProvider {
    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      super.augmentResponseByAuthenticationChallenge(response, engine);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      try {
        response.getWriter().write("{\"error\":\"ログインが必要です（HTTP Basic 認証）\","
            + "\"errorEn\":\"Authentication required (HTTP Basic)\",\"errors\":[]}");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
