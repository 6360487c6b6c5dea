package jp.lg.externalservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import jp.lg.externalservice.system.ErrorResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login for {@code /api}: HTTP Basic against the engine's users ({@link BasicLogin}), or the
 * session of someone logged in to the webapps (so that a Tasklist plugin can call the API). A
 * session request that changes something must carry the webapps' CSRF token. While the request
 * runs, the engine knows the caller and their groups, so authorizations apply.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final ProcessEngine engine;
  private final BasicLogin basic;

  public ApiAuthenticationFilter(ProcessEngine engine, BasicLogin basic) {
    this.engine = engine;
    this.basic = basic;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the API answers data, never pages: a browser must not guess HTML from a stored value
    response.setHeader("X-Content-Type-Options", "nosniff");
    Authentication caller = fromSession(request, engine);
    if (caller != null
        && !SAFE_METHODS.contains(request.getMethod())
        && !csrfTokenMatches(request)) {
      reject(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "CSRF トークンがありません",
          "missing or wrong CSRF token");
      return;
    }
    if (caller == null) {
      AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
      if (!result.isAuthenticated()) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
        reject(
            response,
            HttpServletResponse.SC_UNAUTHORIZED,
            "ログインが必要です（HTTP Basic 認証）",
            "Authentication required (HTTP Basic)");
        return;
      }
      // groups only, as ever on /api: the application uses no tenants
      caller = new Authentication(result.getAuthenticatedUser(), result.getGroups());
    }
    IdentityService identityService = engine.getIdentityService();
    identityService.setAuthentication(
        caller.getUserId(), caller.getGroupIds(), caller.getTenantIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The user logged in to the webapps in this request's session (Tasklist, Cockpit), or null. */
  static Authentication fromSession(HttpServletRequest request, ProcessEngine engine) {
    HttpSession session = request.getSession(false);
    Authentications authentications =
        session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    Object found = authentications.getAuthenticationForProcessEngine(engine.getName());
    if (found instanceof UserAuthentication user) {
      return new Authentication(user.getName(), user.getGroupIds(), user.getTenantIds());
    }
    return null;
  }

  private static boolean csrfTokenMatches(HttpServletRequest request) {
    Object expected =
        request.getSession(false).getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return expected != null
        && expected.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
  }

  private static void reject(
      HttpServletResponse response, int status, String message, String messageEn)
      throws IOException {
    new ErrorResponse(message, messageEn, List.of()).writeTo(response, status);
  }
}
