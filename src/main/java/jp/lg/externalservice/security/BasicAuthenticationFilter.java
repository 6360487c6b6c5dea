package jp.lg.externalservice.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import jp.lg.externalservice.system.ErrorResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic authentication against the engine's users for {@code /engine-rest} and {@code /api}.
 * Unlike Camunda's filter, no path is let through unauthenticated (Camunda lets {@code
 * /engine-rest/engine} pass). While a request runs, the engine knows the caller and their groups,
 * so authorizations apply. The login itself is {@link BasicLogin}'s, which remembers verified
 * credentials briefly (issue 17).
 */
public class BasicAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final ProcessEngine engine;
  private final BasicLogin login;

  public BasicAuthenticationFilter(ProcessEngine engine, BasicLogin login) {
    this.engine = engine;
    this.login = login;
  }

  /**
   * This application's engine without asking Camunda's {@code EngineUtil}, which loads the engine
   * provider through a {@link java.util.ServiceLoader} on every request: it reads the provider's
   * {@code META-INF/services} file from its jar each time and was the most contended lock of an
   * authenticated request in the profile (issue 17). Other engine names are looked up as before.
   */
  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    return engine.getName().equals(engineName) ? engine : super.getAddressedEngine(engineName);
  }

  /** Camunda's initialisation, with {@link BasicLogin} as the provider and the bilingual 401. */
  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider =
        new ChallengeWithBody() {
          @Override
          public AuthenticationResult extractAuthenticatedUser(
              HttpServletRequest request, ProcessEngine engine) {
            return login.extractAuthenticatedUser(request, engine);
          }
        };
  }

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
