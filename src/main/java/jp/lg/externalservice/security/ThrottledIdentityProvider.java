package jp.lg.externalservice.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
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
 */
public class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final LoginThrottle throttle;
  private final DirectoryPasswords directory;

  /**
   * @param directory the ward's directory when it is connected (issue 16): it judges the passwords
   *     of everyone but its local users; null = the engine's stored passwords
   */
  ThrottledIdentityProvider(LoginThrottle throttle, DirectoryPasswords directory) {
    this.throttle = throttle;
    this.directory = directory;
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
      throttle.failed(userId, userId != null && findUserById(userId) != null, address);
    }
    return valid;
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

    Plugin(LoginThrottle throttle, ObjectProvider<DirectoryPasswords> directory) {
      this.throttle = throttle;
      this.directory = directory;
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
              return new ThrottledIdentityProvider(throttle, directory.getIfAvailable());
            }
          });
    }
  }
}
