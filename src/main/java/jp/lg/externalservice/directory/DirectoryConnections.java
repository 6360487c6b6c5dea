package jp.lg.externalservice.directory;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import javax.net.SocketFactory;

/**
 * Connections to the directory's servers (failover in the configured order). {@code ldaps://}
 * trusts what the JVM trusts (its cacerts, or {@code -Djavax.net.ssl.trustStore}) and checks the
 * host name.
 */
final class DirectoryConnections {

  private final ServerSet servers;
  private final DirectorySettings settings;

  DirectoryConnections(DirectorySettings settings) {
    this.settings = settings;
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis((int) settings.timeout().toMillis());
    options.setResponseTimeoutMillis(settings.timeout().toMillis());
    options.setUseSynchronousMode(true);
    String[] hosts = new String[settings.urls().size()];
    int[] ports = new int[hosts.length];
    Boolean secure = null;
    for (int i = 0; i < hosts.length; i++) {
      try {
        LDAPURL url = new LDAPURL(settings.urls().get(i));
        hosts[i] = url.getHost();
        ports[i] = url.getPort();
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        if (secure != null && secure != ldaps) {
          throw new IllegalArgumentException(
              DirectorySettings.PREFIX + "urls: all ldap:// or all ldaps://");
        }
        secure = ldaps;
      } catch (LDAPException e) {
        throw new IllegalArgumentException(DirectorySettings.PREFIX + "urls: " + e.getMessage(), e);
      }
    }
    SocketFactory sockets = SocketFactory.getDefault();
    if (Boolean.TRUE.equals(secure)) {
      try {
        options.setSSLSocketVerifier(new com.unboundid.util.ssl.HostNameSSLSocketVerifier(true));
        sockets = new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("no TLS for the directory: " + e.getMessage(), e);
      }
    }
    this.servers = new FailoverServerSet(hosts, ports, sockets, options);
  }

  /** A connection bound as the service account; the caller closes it. */
  LDAPConnection service() throws LDAPException {
    LDAPConnection connection = servers.getConnection();
    try {
      connection.bind(settings.bindDn(), settings.bindPassword());
      return connection;
    } catch (LDAPException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Whether {@code password} is the password of {@code dn}: a simple bind on a connection of its
   * own. An empty password is refused here: LDAP treats a bind with a DN and no password as an
   * anonymous bind, which "succeeds" (RFC 4513 5.1.2).
   */
  boolean passwordMatches(String dn, String password) throws LDAPException {
    if (dn == null || dn.isEmpty() || password == null || password.isEmpty()) {
      return false;
    }
    try (LDAPConnection connection = servers.getConnection()) {
      connection.bind(dn, password);
      return true;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
        return false;
      }
      throw e;
    }
  }
}
