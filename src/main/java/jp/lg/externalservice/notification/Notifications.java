package jp.lg.externalservice.notification;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way to tell people something by mail (issue 15, part 1). A notification is written to the
 * outbox in the current transaction — inside an engine command, the engine's — so it exists if and
 * only if the event that caused it was committed; {@link OutboxSender} sends it later. A user is
 * skipped when she caused the event herself, has switched the kind off, or has no e-mail address.
 */
@Component
public class Notifications {

  private static final Object TOLD = new Object();

  private final NotificationOutbox outbox;
  private final NotificationPreferences preferences;
  private final IdentityService identityService;
  private final Privileged privileged;
  private final String baseUrl;

  Notifications(
      NotificationOutbox outbox,
      NotificationPreferences preferences,
      IdentityService identityService,
      Privileged privileged,
      @Value("${external-service.base-url:http://localhost:8080}") String baseUrl) {
    this.outbox = outbox;
    this.preferences = preferences;
    this.identityService = identityService;
    this.privileged = privileged;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Tells {@code userId}, unless the signed-in user (who caused the event) is that user. Returns
   * the number of mails written (0 or 1).
   */
  public int notifyUser(String userId, Notice notice) {
    return notifyUser(userId, currentUser(), notice);
  }

  /** Tells {@code userId}, unless {@code causedBy} is that user. */
  public int notifyUser(String userId, String causedBy, Notice notice) {
    if (userId == null || userId.equals(causedBy)) {
      return 0;
    }
    User user =
        privileged.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null ? 0 : write(user, notice);
  }

  /** Tells every member of {@code groupId} but the signed-in user. */
  public int notifyGroup(String groupId, Notice notice) {
    return notifyGroup(groupId, currentUser(), notice);
  }

  /** Tells every member of {@code groupId} but {@code causedBy}. */
  public int notifyGroup(String groupId, String causedBy, Notice notice) {
    return notifyGroup(groupId, causedBy, notice, new HashSet<>());
  }

  /**
   * Tells every member of {@code groupId} but {@code causedBy} and those in {@code alreadyTold} (a
   * task offered to two groups a person belongs to sends her one mail), adding who was told to it.
   */
  public int notifyGroup(String groupId, String causedBy, Notice notice, Set<String> alreadyTold) {
    List<User> members =
        privileged.call(
            () ->
                identityService
                    .createUserQuery()
                    .memberOfGroup(groupId)
                    .orderByUserId()
                    .asc()
                    .list());
    int written = 0;
    for (User member : members) {
      if (!member.getId().equals(causedBy) && alreadyTold.add(member.getId())) {
        written += write(member, notice);
      }
    }
    return written;
  }

  /** The signed-in user, who caused what happens in this command; null for the job executor. */
  public String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /**
   * Whether {@code userId} was already told about case {@code caseNumber} in this transaction: a
   * return, rejection or approval mail says what to do next, so the task it creates for the same
   * person sends no second mail.
   */
  boolean toldInThisTransaction(String userId, String caseNumber) {
    Set<String> told = told(false);
    return told != null && told.contains(userId + "\n" + caseNumber);
  }

  private int write(User user, Notice notice) {
    String address = user.getEmail();
    if (address == null || address.isBlank() || address.length() > 254) {
      return 0; // nobody to write to; the task is in Tasklist all the same
    }
    if (!preferences.wants(user.getId(), notice.kind())) {
      return 0;
    }
    String dedupKey =
        notice.dedupKey() == null
            ? null
            : MailText.cut(notice.dedupKey() + ":" + user.getId(), 200);
    if (dedupKey != null && outbox.exists(dedupKey)) {
      return 0;
    }
    String link = notice.link() == null ? null : MailText.cut(baseUrl + notice.link(), 500);
    outbox.insert(
        new NotificationOutbox.NewMail(
            notice.kind(),
            user.getId(),
            address.trim(),
            MailText.subject(notice),
            MailText.body(name(user), notice, link),
            link,
            notice.caseNumber(),
            dedupKey),
        JapanClock.now());
    if (notice.caseNumber() != null && notice.dedupKey() == null) {
      Set<String> told = told(true);
      if (told != null) {
        told.add(user.getId() + "\n" + notice.caseNumber());
      }
    }
    return 1;
  }

  private static String name(User user) {
    String name =
        (Objects.toString(user.getLastName(), "") + " " + Objects.toString(user.getFirstName(), ""))
            .trim();
    return name.isEmpty() ? user.getId() : name;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> told(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Set<String> told = (Set<String>) TransactionSynchronizationManager.getResource(TOLD);
    if (told == null && create) {
      Set<String> fresh = new HashSet<>();
      TransactionSynchronizationManager.bindResource(TOLD, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(TOLD);
            }
          });
      told = fresh;
    }
    return told;
  }
}
