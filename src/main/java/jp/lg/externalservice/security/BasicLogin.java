package jp.lg.externalservice.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.lg.externalservice.system.Privileged;
import org.apache.commons.codec.binary.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic login of {@code /engine-rest} ({@link BasicAuthenticationFilter}) and {@code /api}
 * ({@link ApiAuthenticationFilter}), with the caller's groups and tenants. The header is read
 * exactly as Camunda's {@link HttpBasicAuthenticationProvider} reads it; the password is checked by
 * the engine ({@link ThrottledIdentityProvider}, so {@link LoginThrottle} counts every check), and
 * a right one is remembered briefly by {@link VerifiedCredentials}: the same user id and password
 * then pass without the engine, unless the throttle makes the user id or the address wait.
 */
public class BasicLogin extends HttpBasicAuthenticationProvider {

  private final VerifiedCredentials verified;
  private final LoginThrottle throttle;
  private final Privileged privileged;

  public BasicLogin(VerifiedCredentials verified, LoginThrottle throttle, Privileged privileged) {
    this.verified = verified;
    this.throttle = throttle;
    this.privileged = privileged;
  }

  /**
   * The caller of an HTTP Basic request: successful with the user's groups and tenants, or
   * unsuccessful (no or malformed header, wrong password, a login that must wait).
   */
  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith(BASIC_AUTH_HEADER_PREFIX)) {
      return AuthenticationResult.unsuccessful();
    }
    // as Camunda's provider: lenient Base64, the platform's charset, the user id up to the first
    // colon
    String decoded =
        new String(Base64.decodeBase64(header.substring(BASIC_AUTH_HEADER_PREFIX.length())));
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return AuthenticationResult.unsuccessful();
    }
    String userId = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    if (!verified.enabled()) {
      return checked(engine, userId, password, null);
    }
    byte[] digest = verified.digest(userId, password);
    VerifiedCredentials.Login login = verified.find(userId, digest);
    if (login != null) {
      // the throttle decides as it would before a password check: a login that waits is refused
      if (!throttle.admitRemembered(userId, LoginThrottle.clientAddress(request))) {
        return AuthenticationResult.unsuccessful(userId);
      }
      return result(login.userId(), login.groupIds(), login.tenantIds());
    }
    return checked(engine, userId, password, digest);
  }

  /** The engine checks the password; a right one is remembered when {@code digest} is given. */
  private AuthenticationResult checked(
      ProcessEngine engine, String userId, String password, byte[] digest) {
    long generation = verified.generation();
    IdentityService identity = engine.getIdentityService();
    if (!identity.checkPassword(userId, password)) {
      return AuthenticationResult.unsuccessful(userId);
    }
    List<String> groups =
        privileged.call(
            () ->
                identity.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId)
                    .toList());
    List<String> tenants =
        privileged.call(
            () ->
                identity
                    .createTenantQuery()
                    .userMember(userId)
                    .includingGroupsOfUser(true)
                    .list()
                    .stream()
                    .map(Tenant::getId)
                    .toList());
    if (digest != null) {
      verified.remember(userId, digest, groups, tenants, generation);
    }
    return result(userId, groups, tenants);
  }

  private static AuthenticationResult result(
      String userId, List<String> groups, List<String> tenants) {
    AuthenticationResult result = AuthenticationResult.successful(userId);
    result.setGroups(groups);
    result.setTenants(tenants);
    return result;
  }
}
