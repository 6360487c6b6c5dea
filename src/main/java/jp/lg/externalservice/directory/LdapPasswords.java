package jp.lg.externalservice.directory;

import com.unboundid.ldap.sdk.LDAPException;
import java.util.Optional;
import jp.lg.externalservice.security.DirectoryPasswords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a password by a bind as the user: the service account finds her DN under the user base and
 * filter (so someone who left or is disabled is not found), then a connection of its own binds as
 * that DN with the password. Any LDAP failure refuses the login and is logged; it never becomes an
 * error page.
 */
class LdapPasswords implements DirectoryPasswords {

  private static final Logger LOG = LoggerFactory.getLogger(LdapPasswords.class);

  private final DirectorySettings settings;
  private final DirectoryReader reader;
  private final DirectoryConnections connections;

  LdapPasswords(
      DirectorySettings settings, DirectoryReader reader, DirectoryConnections connections) {
    this.settings = settings;
    this.reader = reader;
    this.connections = connections;
  }

  @Override
  public boolean decides(String userId) {
    return !settings.isLocal(userId);
  }

  @Override
  public boolean check(String userId, String password) {
    if (userId == null || userId.isBlank() || password == null || password.isEmpty()) {
      return false; // an empty password would be an anonymous bind, which LDAP lets "succeed"
    }
    try {
      Optional<String> dn = reader.userDn(userId);
      return dn.isPresent() && connections.passwordMatches(dn.get(), password);
    } catch (LDAPException e) {
      LOG.error(
          "login of {} refused: the directory could not check the password ({})",
          userId,
          e.getMessage());
      return false;
    }
  }
}
