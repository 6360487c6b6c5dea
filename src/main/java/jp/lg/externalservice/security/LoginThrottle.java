package jp.lg.externalservice.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.lg.externalservice.system.JapanClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever locking an account (issue 12, item 8). Wrong passwords
 * are counted per user id and per client address; after a number of free failures each further one
 * makes the key wait, starting at {@code first-delay} and doubling up to {@code max-delay}. While a
 * key waits, its logins are answered 429 without checking the password, so an attacker gets one
 * guess per wait. A successful login clears the user id's count.
 *
 * <p>The owner cannot be shut out for good: the wait is capped, nothing is stored in the database,
 * and an address the user logged in from before (within {@code remember-address}) is not slowed by
 * failures for the user id sent from elsewhere, only by its own address's count. Everything is held
 * in memory, each map bounded by {@code max-entries} and dropping the least recent entry first. Ids
 * of no user are counted like real ones, so that a 429 does not tell whether a user exists, but in
 * a map of their own, so that a flood of invented ids cannot push out a real user's count. IPv6
 * addresses count by their /64.
 *
 * <p>Settings: {@code external-service.login.*} (docs/operations.md, "Logins: throttling, never
 * locking").
 */
@Component
public class LoginThrottle {

  /** How many known addresses are remembered per user (their PC, the office, home…). */
  private static final int KNOWN_ADDRESSES_PER_USER = 8;

  private final int userFreeFailures;
  private final int addressFreeFailures;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final Duration forgetAfter;
  private final Duration rememberAddress;
  private final Map<String, Failures> users;
  private final Map<String, Failures> unknownUsers;
  private final Map<String, Failures> addresses;
  private final Map<String, Map<String, Instant>> knownAddresses;

  public LoginThrottle(
      @Value("${external-service.login.user-free-failures:5}") int userFreeFailures,
      @Value("${external-service.login.address-free-failures:30}") int addressFreeFailures,
      @Value("${external-service.login.first-delay:1s}") Duration firstDelay,
      @Value("${external-service.login.max-delay:5m}") Duration maxDelay,
      @Value("${external-service.login.forget-after:1h}") Duration forgetAfter,
      @Value("${external-service.login.remember-address:30d}") Duration rememberAddress,
      @Value("${external-service.login.max-entries:100000}") int maxEntries) {
    this.userFreeFailures = userFreeFailures;
    this.addressFreeFailures = addressFreeFailures;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.forgetAfter = forgetAfter;
    this.rememberAddress = rememberAddress;
    this.users = bounded(maxEntries);
    this.unknownUsers = bounded(maxEntries);
    this.addresses = bounded(maxEntries);
    this.knownAddresses = bounded(maxEntries);
  }

  /**
   * How long a login of this user from this address must wait; zero when it may check the password
   * now.
   *
   * @param userId the user id sent, null when none
   * @param address the client address ({@link #clientAddress}), null outside a request
   */
  public synchronized Duration waitFor(String userId, String address) {
    Instant now = now();
    Duration wait = remaining(addresses, addressKey(address), now);
    String user = userKey(userId);
    if (!isKnown(user, addressKey(address), now)) {
      Duration userWait = max(remaining(users, user, now), remaining(unknownUsers, user, now));
      wait = max(wait, userWait);
    }
    return wait;
  }

  /** A wrong password: counts for the address and for the user id. */
  public synchronized void failed(String userId, boolean userExists, String address) {
    Instant now = now();
    count(addresses, addressKey(address), addressFreeFailures, now);
    count(userExists ? users : unknownUsers, userKey(userId), userFreeFailures, now);
  }

  /**
   * A right password: the user id starts afresh and the address becomes one of the user's known
   * addresses. The address's own count stays: a caller with one valid account could otherwise clear
   * it between guesses.
   */
  public synchronized void succeeded(String userId, String address) {
    String user = userKey(userId);
    if (user == null) {
      return;
    }
    users.remove(user);
    unknownUsers.remove(user); // created since
    String key = addressKey(address);
    if (key != null) {
      Map<String, Instant> known =
          knownAddresses.computeIfAbsent(user, u -> bounded(KNOWN_ADDRESSES_PER_USER));
      known.remove(key);
      known.put(key, now());
    }
  }

  /**
   * A password that {@link VerifiedCredentials} remembers as right: refused (false) while the user
   * id or the address waits, as a checked one would be; otherwise counted as a success. One lock
   * for both, since every request of an API client passes here (issue 17).
   */
  public synchronized boolean admitRemembered(String userId, String address) {
    if (!waitFor(userId, address).isZero()) {
      return false;
    }
    succeeded(userId, address);
    return true;
  }

  /**
   * The address that sent the request, as the servlet container itself reports it: wrappers are
   * looked through, so Spring's {@code ForwardedHeaderFilter} ({@code
   * server.forward-headers-strategy: framework}) cannot make the client choose its own address with
   * {@code X-Forwarded-For}. Behind a reverse proxy, let the container take the client from the
   * proxy's header, trusted only from the proxy's address ({@code server.forward-headers-strategy:
   * native} with {@code server.tomcat.remoteip.internal-proxies}, docs/operations.md).
   */
  public static String clientAddress(ServletRequest request) {
    ServletRequest container = request;
    while (container instanceof ServletRequestWrapper wrapper) {
      container = wrapper.getRequest();
    }
    return container.getRemoteAddr();
  }

  private Duration remaining(Map<String, Failures> keys, String key, Instant now) {
    Failures failures = key == null ? null : current(keys, key, now);
    if (failures == null || failures.blockedUntil == null || !failures.blockedUntil.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, failures.blockedUntil);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private void count(Map<String, Failures> keys, String key, int free, Instant now) {
    if (key == null) {
      return;
    }
    Failures failures = current(keys, key, now);
    if (failures == null) {
      failures = new Failures();
      keys.put(key, failures);
    }
    failures.count++;
    failures.last = now;
    if (failures.count > free) {
      failures.blockedUntil = now.plus(delay(failures.count - free));
    }
  }

  /** The n-th delayed failure waits first-delay × 2^(n-1), at most max-delay. */
  private Duration delay(int delayedFailures) {
    int doublings = delayedFailures - 1;
    if (doublings >= 40) {
      return maxDelay;
    }
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** The entry, or null when it has expired (no failure for forget-after, and no wait left). */
  private Failures current(Map<String, Failures> keys, String key, Instant now) {
    Failures failures = keys.get(key);
    if (failures != null
        && now.isAfter(failures.last.plus(forgetAfter))
        && (failures.blockedUntil == null || !failures.blockedUntil.isAfter(now))) {
      keys.remove(key);
      return null;
    }
    return failures;
  }

  private boolean isKnown(String user, String address, Instant now) {
    Map<String, Instant> known = user == null || address == null ? null : knownAddresses.get(user);
    Instant since = known == null ? null : known.get(address);
    return since != null && !now.isAfter(since.plus(rememberAddress));
  }

  /** User ids are compared without case: some databases find users regardless of case. */
  private static String userKey(String userId) {
    return userId == null || userId.isEmpty() ? null : userId.toLowerCase(Locale.ROOT);
  }

  /** IPv6 clients usually hold a whole /64, so they count as one address. */
  static String addressKey(String address) {
    if (address == null || address.isEmpty()) {
      return null;
    }
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      byte[] bytes =
          InetAddress.getByName(address)
              .getAddress(); // a literal from the container: no name lookup
      return bytes.length == 16
          ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64"
          : InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }

  private static Instant now() {
    return JapanClock.now();
  }

  /**
   * A map that drops its least recently used entry beyond the bound, so no caller can exhaust the
   * memory.
   */
  private static <V> Map<String, V> bounded(int maxEntries) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > maxEntries;
      }
    };
  }

  private static final class Failures {
    int count;
    Instant last;
    Instant blockedUntil;
  }
}
