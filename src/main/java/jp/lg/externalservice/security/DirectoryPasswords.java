package jp.lg.externalservice.security;

/**
 * The ward's directory as the judge of passwords (issue 16, item 1), when it is connected: {@link
 * ThrottledIdentityProvider} asks it instead of the engine's stored hash for every user it {@link
 * #decides decides}. Implemented by the {@code directory} package, which lies above this one.
 */
public interface DirectoryPasswords {

  /** Whether this user's password is the directory's (false for the configured local users). */
  boolean decides(String userId);

  /**
   * Whether {@code password} is the directory's password of the user, who must still be staff
   * there. False for an empty password and when the directory cannot be reached (logged).
   */
  boolean check(String userId, String password);
}
