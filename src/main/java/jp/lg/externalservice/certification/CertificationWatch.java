package jp.lg.externalservice.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.lg.externalservice.notification.Notice;
import jp.lg.externalservice.notification.NotificationKind;
import jp.lg.externalservice.notification.Notifications;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.system.JapanClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The daily certification watch of 001 8.2【解説】(2)⑤ ({@code processes/certification-watch.bpmn}):
 * for every service in use (an ACTIVE registry entry), each certification claimed in its
 * application whose validity has passed, or whose registration number has disappeared from the
 * latest imported ISMAP or ISMAP-LIU list, is a lapse; 情報政策課 gets one task 「第三者認証の失効を確認する」 per
 * lapse, never a second one for the same lapse. The diagram reads this bean as {@code
 * ${certificationWatch…}}.
 */
@Component("certificationWatch")
public class CertificationWatch {

  public static final String KEY = "certification-watch";

  /** The diagram's element ids. */
  public static final class Element {
    public static final String START = "StartEvent_DailyCertificationCheck";
    public static final String FIND_LAPSES = "Task_FindCertificationLapses";
    public static final String CONFIRM_LAPSE = "Task_ConfirmCertificationLapse";
    public static final String END = "Event_CertificationLapsesConfirmed";

    private Element() {}
  }

  /** The multi-instance element variable: the id of the lapse of one task. */
  public static final String LAPSE_ID = "lapseId";

  private final CertificationRepository repository;
  private final RegistryService registry;
  private final Notifications notifications;
  private final String cycle;

  CertificationWatch(
      CertificationRepository repository,
      RegistryService registry,
      Notifications notifications,
      @Value("${external-service.certification.watch-cycle:0 0 7 * * ?}") String cycle) {
    this.repository = repository;
    this.registry = registry;
    this.notifications = notifications;
    this.cycle = cycle;
  }

  /** When the watch runs (the timer start event; a cron expression, default daily at 7:00). */
  public String cycle() {
    return cycle;
  }

  /**
   * Finds the lapses not found before and records each ({@link #lapsed}) for the watch instance
   * {@code watchInstanceId}; returns how many.
   */
  public int check(String watchInstanceId) {
    LocalDate today = JapanClock.today();
    int found = 0;
    for (CertificationRepository.RegisteredClaim registered : repository.claimsOfActiveEntries()) {
      CertificationClaim claim = registered.claim();
      Optional<ListedService> listed =
          claim.certification().hasPublishedList()
              ? repository.entry(claim.certification(), claim.registrationNumber())
              : Optional.empty();
      // a registration renewed on the published list counts with its new validity
      LocalDate validUntil = claim.validUntil();
      if (listed.isPresent()
          && listed.get().listed()
          && listed.get().validUntil() != null
          && listed.get().validUntil().isAfter(validUntil)) {
        validUntil = listed.get().validUntil();
      }
      if (validUntil.isBefore(today)) {
        found +=
            lapsed(registered.entryId(), claim, LapseReason.EXPIRED, validUntil, watchInstanceId);
      }
      if (listed.isPresent() && !listed.get().listed()) {
        found +=
            lapsed(registered.entryId(), claim, LapseReason.DELISTED, validUntil, watchInstanceId);
      }
    }
    return found;
  }

  /**
   * The moment a lapse is detected: recorded once (a lapse already known is not recorded again, so
   * the next day's watch gives no second task), and the service's manager is told by mail in the
   * same transaction (issue 15, part 3). Returns 1 when it is new.
   */
  int lapsed(
      String registryEntryId,
      CertificationClaim claim,
      LapseReason reason,
      LocalDate validUntil,
      String watchInstanceId) {
    if (repository.lapseKnown(registryEntryId, claim, reason)) {
      return 0;
    }
    repository.recordLapse(
        registryEntryId, claim, reason, validUntil, JapanClock.now(), watchInstanceId);
    registry
        .find(registryEntryId)
        .filter(entry -> entry.serviceManager() != null)
        .ifPresent(entry -> tellServiceManager(entry, claim, reason, validUntil));
    return 1;
  }

  private void tellServiceManager(
      RegistryEntry entry, CertificationClaim claim, LapseReason reason, LocalDate validUntil) {
    String certification = claim.certification().label();
    String what =
        reason == LapseReason.EXPIRED
            ? "の有効期限（" + JapanClock.japanese(validUntil) + "）が過ぎました。"
            : "の登録が、最新の公表リストから消えました。";
    notifications.notifyUser(
        entry.serviceManager(),
        null, // the watch is nobody's own doing
        new Notice(
            NotificationKind.CERTIFICATION_LAPSED,
            "第三者認証の失効：" + certification,
            "「"
                + entry.serviceName()
                + "」（台帳番号 "
                + entry.id()
                + "）の "
                + certification
                + "（"
                + claim.certification().numberLabel()
                + " "
                + claim.registrationNumber()
                + "）"
                + what
                + "\n情報政策課が確認します。認証の更新状況を提供事業者に確かめ、更新された証跡があれば情報政策課へ提出してください。",
            null,
            entry.serviceName(),
            null,
            Notice.TASKLIST,
            null));
  }

  /** The lapses found by a watch instance, one task each (the multi-instance collection). */
  public List<String> lapseIds(String watchInstanceId) {
    List<String> ids = new ArrayList<>();
    for (Lapse lapse : repository.lapsesFoundBy(watchInstanceId)) {
      ids.add(Long.toString(lapse.id()));
    }
    return ids;
  }

  public Optional<Lapse> lapse(long id) {
    return repository.lapse(id);
  }

  void handled(long id, String by, String note) {
    repository.lapseHandled(id, by, JapanClock.now(), note);
  }
}
