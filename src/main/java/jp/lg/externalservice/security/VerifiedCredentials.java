package jp.lg.externalservice.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic logins verified a moment ago (issue 17, "a cheap login"): every request of an API
 * client carries the password, and checking it (engine command, user row, hash) and loading the
 * user's groups and tenants cost about three times the work of a small request. After a right
 * password, {@link BasicLogin} keeps the user id, a keyed hash of the password and the groups and
 * tenants for {@code external-service.security.credential-cache-ttl} (0 = off); the same user id
 * with the same password is then let in without asking the engine.
 *
 * <p>What it holds: never the password, only HMAC-SHA-256 of it under a random key made at start
 * and never stored, so neither a heap dump nor another node can turn an entry into a password
 * without guessing. One entry per user id, at most {@code max-entries}: only right passwords create
 * entries, so no caller without an account can fill it; beyond the bound nothing more is kept
 * (those logins are checked as before).
 *
 * <p>When it forgets: at once on this node whenever the engine changes the user, their groups or
 * their tenants ({@link ThrottledIdentityProvider} — a password change, a deletion, a membership,
 * the directory synchronisation, which writes through the engine, and {@link DirectoryChanged}),
 * and on every wrong password for the user id. A login that {@link LoginThrottle} makes wait is
 * refused even while its entry lives. Other nodes of a cluster learn a change only when their entry
 * expires: the TTL bounds that delay (docs/operations.md). A change in the directory itself (an
 * LDAP password) likewise counts from the next sync or after the TTL.
 */
@Component
public class VerifiedCredentials {

  private final long ttlNanos;
  private final int maxEntries;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * Counts every forgetting. A login of a user that started before the user was forgotten (and so
   * may have read the old password or groups) is not kept: otherwise a check running while an
   * administrator changes the password could store the old password for a whole TTL. Per user, so
   * that wrong passwords for one user id (anyone can send them) do not keep everybody else's logins
   * from being remembered.
   */
  private final AtomicLong generation = new AtomicLong();

  /** When each user id was last forgotten (a value of {@link #generation}); bounded, see forget. */
  private final ConcurrentHashMap<String, Long> forgottenAt = new ConcurrentHashMap<>();

  /** When everybody was last forgotten (also when {@link #forgottenAt} was full). */
  private volatile long allForgottenAt;

  private final SecretKeySpec key;

  public VerifiedCredentials(
      @Value("${external-service.security.credential-cache-ttl:PT30S}") Duration ttl,
      @Value("${external-service.security.credential-cache-max-entries:10000}") int maxEntries) {
    this.ttlNanos = ttl.isNegative() ? 0 : ttl.toNanos();
    this.maxEntries = maxEntries;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** What a remembered login gives the request: the engine's groups and tenants of the user. */
  public record Login(String userId, List<String> groupIds, List<String> tenantIds) {}

  private record Entry(
      String userId,
      byte[] digest,
      long expiresNanos,
      List<String> groupIds,
      List<String> tenantIds) {}

  boolean enabled() {
    return ttlNanos > 0;
  }

  /**
   * The keyed hash of this user id and password, to be given to {@link #find} and {@link
   * #remember}. Computed for every login, found or not, so that an entry's presence does not change
   * the time a wrong password takes.
   */
  byte[] digest(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** The remembered login of exactly this user id and password, or null. */
  Login find(String userId, byte[] digest) {
    Entry entry = entries.get(key(userId));
    if (entry == null) {
      return null;
    }
    // compared in constant time, so that the answer's time tells nothing about the stored hash
    boolean same = MessageDigest.isEqual(entry.digest(), digest) && entry.userId().equals(userId);
    if (!same) {
      return null;
    }
    if (System.nanoTime() - entry.expiresNanos() >= 0) {
      entries.remove(key(userId), entry);
      return null;
    }
    return new Login(entry.userId(), entry.groupIds(), entry.tenantIds());
  }

  /** The current {@link #generation}: take it before checking the password. */
  long generation() {
    return generation.get();
  }

  /**
   * Remembers a login whose password the engine has just found right, unless the user (or
   * everybody) was forgotten since {@code generation} was taken.
   */
  void remember(
      String userId,
      byte[] digest,
      List<String> groupIds,
      List<String> tenantIds,
      long generation) {
    if (!enabled() || forgottenSince(userId, generation)) {
      return;
    }
    if (entries.size() >= maxEntries) {
      long now = System.nanoTime();
      entries.values().removeIf(entry -> now - entry.expiresNanos() >= 0);
      if (entries.size() >= maxEntries) {
        return;
      }
    }
    String key = key(userId);
    Entry entry =
        new Entry(
            userId,
            digest,
            System.nanoTime() + ttlNanos,
            List.copyOf(groupIds),
            tenantIds == null ? null : List.copyOf(tenantIds));
    entries.put(key, entry);
    if (forgottenSince(userId, generation)) {
      entries.remove(key, entry); // forgotten while it was being stored
    }
  }

  private boolean forgottenSince(String userId, long generation) {
    return allForgottenAt > generation
        || forgottenAt.getOrDefault(key(userId), Long.MIN_VALUE) > generation;
  }

  /** Forgets the user's login on this node: their password, groups or tenants changed. */
  public void forget(String userId) {
    long now = generation.incrementAndGet();
    if (userId == null) {
      return;
    }
    if (forgottenAt.size() >= maxEntries) {
      // wrong passwords for ever new user ids must not fill the memory: forgetting everybody's
      // logins in flight is the safe side (the remembered ones stay)
      allForgottenAt = now;
      forgottenAt.clear();
    }
    forgottenAt.put(key(userId), now);
    entries.remove(key(userId));
  }

  /** Forgets every login on this node: a change that may concern anyone (a group deleted). */
  public void forgetAll() {
    allForgottenAt = generation.incrementAndGet();
    entries.clear();
  }

  /** The directory synchronisation changed these people (departments, roles, leaving). */
  @EventListener
  public void directoryChanged(DirectoryChanged changed) {
    changed.userIds().forEach(this::forget);
  }

  int size() {
    return entries.size();
  }

  /** As {@link LoginThrottle}: user ids without case, since some databases find users so. */
  private static String key(String userId) {
    return userId.toLowerCase(Locale.ROOT);
  }
}
