package jp.lg.externalservice.registry;

import java.time.LocalDate;
import java.util.Optional;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Retention;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to an approved service after its registration, one method per step of the operation,
 * review and termination flows: renewal (更改, ruling R-17), suspension (ruling R-16), termination,
 * the retention of the application's records (ruling R-18), and the successor of someone who left
 * (issue 16). The flows' delegates map their execution to these plain values; the transitions
 * themselves are checked by {@link RegistryService#changeStatus}. Joins the caller's transaction.
 */
@Service
@Transactional
public class RegistryLifecycle {

  private final RegistryService registry;
  private final Retention retention;

  public RegistryLifecycle(RegistryService registry, Retention retention) {
    this.registry = registry;
    this.retention = retention;
  }

  /**
   * Ruling R-17: the approved renewal {@code newEntryId} replaces {@code renewedEntryId}, which
   * ends today as RENEWED. Returns the entry that ended (its operation ends too), or empty when the
   * approval renews nothing.
   */
  public Optional<String> renew(
      String renewedEntryId, String newEntryId, String approver, String processInstanceId) {
    if (renewedEntryId == null || renewedEntryId.isBlank()) {
      return Optional.empty();
    }
    registry.changeStatus(
        renewedEntryId,
        RegistryStatus.RENEWED,
        JapanClock.today(),
        approver,
        processInstanceId,
        "更改: " + newEntryId + " に引き継ぎ");
    return Optional.of(renewedEntryId);
  }

  /**
   * Use stops at once (002 §6(2), ruling R-16): an ACTIVE entry becomes SUSPENDED; an entry already
   * suspended or ended stays as it is (the termination that follows closes it). {@code actor} is
   * whoever stopped the use; when no one did (a timer, a message without a signed-in user), the
   * サービス管理担当者. Returns the entry as it was.
   */
  public RegistryEntry suspend(
      String entryId, String actor, String processInstanceId, String reason) {
    RegistryEntry entry =
        registry.find(entryId).orElseThrow(() -> new RegistryException.NotFound(entryId));
    if (entry.status() == RegistryStatus.ACTIVE) {
      registry.changeStatus(
          entryId,
          RegistryStatus.SUSPENDED,
          null,
          actor != null ? actor : entry.serviceManager(),
          processInstanceId,
          "利用停止: " + reason);
    }
    return entry;
  }

  /**
   * The end of use: the entry becomes TERMINATED on {@code endDate}, and the application's records
   * are kept for the retention period after it (ruling R-18).
   */
  public void terminate(
      String entryId, LocalDate endDate, String actor, String processInstanceId, String reason) {
    registry.changeStatus(
        entryId, RegistryStatus.TERMINATED, endDate, actor, processInstanceId, "利用終了: " + reason);
    keepRecordsUntil(entryId, endDate);
  }

  /**
   * The yearly check (ruling R-18): while the service is in use, the application's records are kept
   * for the retention period after the next yearly check at least.
   */
  public void extendRetention(String entryId) {
    keepRecordsUntil(entryId, JapanClock.today().plusYears(1));
  }

  /**
   * A personnel change (人事異動, issue 16): the service manager or the 外部サービス管理者 {@code departed} left
   * the department or the role, and 情報政策課 ({@code namedBy}) names {@code successor}. Who may
   * succeed is the caller's check (the department's members, or its 所属長 for the 外部サービス管理者, ruling
   * R-21); the registry records the change as an event.
   */
  public void nameSuccessor(
      String entryId,
      RegistryRole role,
      String departed,
      String successor,
      String successorName,
      String namedBy,
      String processInstanceId) {
    registry.replaceHolder(
        entryId,
        role,
        departed,
        successor,
        successorName,
        namedBy,
        processInstanceId,
        "人事異動による後任の指名（指名: " + namedBy + "）");
  }

  private void keepRecordsUntil(String entryId, LocalDate endOfUse) {
    registry
        .find(entryId)
        .ifPresent(
            entry -> retention.keepCaseUntil(entry.applicationProcessInstanceId(), endOfUse));
  }
}
