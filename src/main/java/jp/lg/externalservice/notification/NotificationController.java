package jp.lg.externalservice.notification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.security.Administrators;
import jp.lg.externalservice.system.AccessDeniedException;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox for administrators ({@code GET /api/admin/notifications}, newest first, a page at a
 * time) and each user's choice of the mails she gets ({@code GET/PUT
 * /api/me/notification-settings}). The Tasklist plugin {@code custom/notifications.js} shows both.
 */
@RestController
public class NotificationController {

  /** The largest page of the outbox one request reads. */
  public static final int MAX_PAGE_SIZE = 100;

  private final NotificationOutbox outbox;
  private final NotificationPreferences preferences;
  private final Administrators administrators;
  private final IdentityService identityService;
  private final OutboxSender sender;

  NotificationController(
      NotificationOutbox outbox,
      NotificationPreferences preferences,
      Administrators administrators,
      IdentityService identityService,
      OutboxSender sender) {
    this.outbox = outbox;
    this.preferences = preferences;
    this.administrators = administrators;
    this.identityService = identityService;
    this.sender = sender;
  }

  /** A page of the outbox and whether mails are sent at all. */
  public record OutboxPage(
      long total, int page, int size, boolean sending, List<OutboxEntry> notifications) {}

  @GetMapping(path = "/api/admin/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
  public OutboxPage outbox(
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestParam(name = "size", defaultValue = "50") int size) {
    administrators.require();
    List<FieldError> errors = new ArrayList<>();
    OutboxStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = OutboxStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                "status", "PENDING、SENT、FAILED のいずれかを指定してください", "must be PENDING, SENT or FAILED"));
      }
    }
    if (page < 0 || page > 100_000) {
      errors.add(new FieldError("page", "0 から 100000 までで指定してください", "must be 0 to 100000"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(
          new FieldError(
              "size", "1 から " + MAX_PAGE_SIZE + " までで指定してください", "must be 1 to " + MAX_PAGE_SIZE));
    }
    if (!errors.isEmpty()) {
      throw new InputValidationException(errors);
    }
    return new OutboxPage(
        outbox.count(wanted), page, size, sender.enabled(), outbox.page(wanted, page * size, size));
  }

  /** One kind of mail and whether the caller gets it. */
  public record Setting(NotificationKind kind, String label, boolean enabled) {}

  @GetMapping(path = "/api/me/notification-settings", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<Setting> settings() {
    return preferences.of(caller()).entrySet().stream()
        .map(choice -> new Setting(choice.getKey(), choice.getKey().label(), choice.getValue()))
        .toList();
  }

  /**
   * Body: {@code {"DUE_SOON": false, ...}} — the kinds named are switched on or off, the others
   * keep their setting.
   */
  @PutMapping(
      path = "/api/me/notification-settings",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public List<Setting> saveSettings(@RequestBody Map<String, Object> body) {
    String user = caller();
    Map<NotificationKind, Boolean> choices = new EnumMap<>(preferences.of(user));
    List<FieldError> errors = new ArrayList<>();
    body.forEach(
        (name, value) -> {
          NotificationKind kind = kind(name);
          if (kind == null) {
            errors.add(
                new FieldError(
                    MailText.cut(name, 40), "知らない通知の種類です", "unknown kind of notification"));
          } else if (!(value instanceof Boolean enabled)) {
            errors.add(new FieldError(name, "true か false で指定してください", "must be true or false"));
          } else {
            choices.put(kind, enabled);
          }
        });
    if (!errors.isEmpty()) {
      throw new InputValidationException(errors);
    }
    preferences.save(user, choices);
    return settings();
  }

  private static NotificationKind kind(String name) {
    try {
      return NotificationKind.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String caller() {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new AccessDeniedException("ログインしてください", "sign in first");
    }
    return caller.getUserId();
  }
}
