package jp.lg.externalservice.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine's user store, with every password check of an HTTP request going through {@link
 * LoginThrottle}: HTTP Basic on {@code /engine-rest} and {@code /api}, the webapps' login form,
 * {@code /engine-rest/identity/verify}. A login that must wait is refused without looking at the
 * password; {@link LoginThrottleFilter} answers it 429 where it can tell the user id beforehand.
 *
 * <p>When the ward's directory is connected ({@code external-service.directory.enabled}), the
 * passwords of all but its local users are the directory's ({@link DirectoryPasswords}); the
 * throttling stays the same.
 *
 * <p>The engine's own lock is switched off here (issue 12, item 8): the engine locks a user after
 * {@code loginMaxAttempts} wrong passwords for good (ENGINE-27002), so anyone could lock out the
 * administrator without credentials. Locks stored by an earlier version are ignored and cleared at
 * the user's next login.
 *
 * <p>Every change of a user, of memberships or of tenants goes through here, whoever makes it (the
 * admin webapp, the directory synchronisation, the engine REST API): each makes {@link
 * VerifiedCredentials} forget the logins concerned, at once and again after the commit — the second
 * time because a login checked in between still read the old password or groups. A wrong password
 * makes it forget the user id's login as well.
 */
public class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final LoginThrottle throttle;
  private final DirectoryPasswords directory;
  private final VerifiedCredentials verified;

  /**
   * @param directory the ward's directory when it is connected (issue 16): it judges the passwords
   *     of everyone but its local users; null = the engine's stored passwords
   */
  ThrottledIdentityProvider(
      LoginThrottle throttle, DirectoryPasswords directory, VerifiedCredentials verified) {
    this.throttle = throttle;
    this.directory = directory;
    this.verified = verified;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    HttpServletRequest request = currentRequest();
    if (request == null) {
      return passwordMatches(
          userId, password); // the application's own check, not a caller guessing
    }
    String address = LoginThrottle.clientAddress(request);
    if (!throttle.waitFor(userId, address).isZero()) {
      return false;
    }
    boolean valid = passwordMatches(userId, password);
    if (valid) {
      throttle.succeeded(userId, address);
    } else {
      verified.forget(userId);
      throttle.failed(userId, userId != null && findUserById(userId) != null, address);
    }
    return valid;
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    forget(user.getId()); // a new password, name or mail
    return super.saveUser(user);
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    forget(userId);
    return super.deleteUser(userId);
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    forget(userId);
    return super.unlockUser(userId);
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    forget(userId);
    return super.createMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    forget(userId);
    return super.deleteMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    forgetAll(); // its members lose it
    return super.deleteGroup(groupId);
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    forgetAll();
    return super.deleteTenant(tenantId);
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    forget(userId);
    return super.createTenantUserMembership(tenantId, userId);
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    forget(userId);
    return super.deleteTenantUserMembership(tenantId, userId);
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    forgetAll();
    return super.createTenantGroupMembership(tenantId, groupId);
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    forgetAll();
    return super.deleteTenantGroupMembership(tenantId, groupId);
  }

  /** Forgets the user's remembered login now and once more when the change is committed. */
  private void forget(String userId) {
    verified.forget(userId);
    afterCommit(() -> verified.forget(userId));
  }

  private void forgetAll() {
    verified.forgetAll();
    afterCommit(verified::forgetAll);
  }

  private static void afterCommit(Runnable action) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context
          .getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> action.run());
    }
  }

  private boolean passwordMatches(String userId, String password) {
    if (directory != null && userId != null && directory.decides(userId)) {
      return directory.check(userId, password);
    }
    return super.checkPassword(userId, password);
  }

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false;
  }

  @Override
  protected void lockUser(UserEntity user) {
    // the engine counts no attempts and locks nobody; LoginThrottle slows guessing down instead
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes()
            instanceof ServletRequestAttributes attributes
        ? attributes.getRequest()
        : null;
  }

  /** Installs the provider in the engine. */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {

    private final LoginThrottle throttle;
    private final ObjectProvider<DirectoryPasswords> directory;
    private final VerifiedCredentials verified;

    Plugin(
        LoginThrottle throttle,
        ObjectProvider<DirectoryPasswords> directory,
        VerifiedCredentials verified) {
      this.throttle = throttle;
      this.directory = directory;
      this.verified = verified;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setIdentityProviderSessionFactory(
          new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
              return ThrottledIdentityProvider.class;
            }

            @Override
            public Session openSession() {
              return new ThrottledIdentityProvider(throttle, directory.getIfAvailable(), verified);
            }
          });
    }
  }
}
