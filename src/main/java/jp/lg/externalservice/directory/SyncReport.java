package jp.lg.externalservice.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one synchronisation did ({@code POST /api/admin/directory/sync} answers it; each run's
 * summary is also logged and kept in {@code directory_sync.last_result}). Lists hold user ids,
 * department codes ("kumin: 区民課 → 区民生活課") or task descriptions.
 *
 * @param outcome SYNCHRONISED, REFUSED (nothing changed: the bounded-removal guard) or FAILED
 *     (nothing changed: the directory could not be read)
 * @param unknownDepartments users whose department matches no department entry (no department
 *     group)
 * @param skipped user ids and department codes the engine refuses (its resource id patterns), with
 *     the reason
 */
public record SyncReport(
    String outcome,
    String message,
    String messageEn,
    Instant at,
    int directoryUsers,
    List<String> created,
    List<String> updated,
    List<String> moved,
    List<String> rolesChanged,
    List<String> returned,
    List<String> left,
    List<String> departmentsCreated,
    List<String> departmentsRenamed,
    List<String> departmentsMerged,
    List<String> tasksReleased,
    List<String> unknownDepartments,
    List<String> skipped) {

  public static final String SYNCHRONISED = "SYNCHRONISED";
  public static final String REFUSED = "REFUSED";
  public static final String FAILED = "FAILED";

  static SyncReport started(Instant at, int directoryUsers) {
    return new SyncReport(
        SYNCHRONISED,
        "ディレクトリと同期しました",
        "synchronised with the directory",
        at,
        directoryUsers,
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>());
  }

  static SyncReport notDone(
      String outcome, String message, String messageEn, Instant at, int users) {
    SyncReport empty = started(at, users);
    return new SyncReport(
        outcome,
        message,
        messageEn,
        at,
        users,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        empty.unknownDepartments(),
        List.of());
  }

  /** One line for the log and {@code directory_sync.last_result}. */
  String summary() {
    return outcome
        + ": "
        + messageEn
        + " (directory users "
        + directoryUsers
        + ", created "
        + created.size()
        + ", updated "
        + updated.size()
        + ", moved "
        + moved
        + ", roles changed "
        + rolesChanged
        + ", returned "
        + returned
        + ", left "
        + left
        + ", departments created "
        + departmentsCreated
        + ", renamed "
        + departmentsRenamed
        + ", merged "
        + departmentsMerged
        + ", tasks released "
        + tasksReleased.size()
        + ", unknown departments "
        + unknownDepartments
        + ", skipped "
        + skipped
        + ")";
  }
}
