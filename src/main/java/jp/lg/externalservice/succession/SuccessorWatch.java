package jp.lg.externalservice.succession;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryQuery;
import jp.lg.externalservice.registry.RegistryRole;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import jp.lg.externalservice.system.Var;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The successor watch of issue 16 (personnel changes, 人事異動; {@code
 * processes/successor-watch.bpmn}): for every service in use (an ACTIVE or SUSPENDED registry
 * entry), each role whose holder has left ({@link Departures}) is a vacancy; 情報政策課 gets one task
 * 「後任を指名する」 per entry, role and person who left, never a second one while it is open. It runs daily
 * and whenever the directory synchronisation changed people ({@link DirectoryChangeWatch}). The
 * diagram reads this bean as {@code ${successorWatch…}}.
 */
@Component("successorWatch")
public class SuccessorWatch {

  public static final String KEY = "successor-watch";

  /** The diagram's element ids. */
  public static final class Element {
    public static final String DAILY_START = "StartEvent_DailySuccessionCheck";
    public static final String DIRECTORY_CHANGED_START = "StartEvent_DirectoryChanged";
    public static final String FIND_VACANCIES = "Task_FindVacancies";
    public static final String NAME_SUCCESSOR = "Task_NameSuccessor";
    public static final String END = "Event_SuccessorsNamed";

    private Element() {}
  }

  /** The message that starts the watch after a directory synchronisation. */
  public static final String MESSAGE_DIRECTORY_CHANGED = "Message_DirectoryChanged";

  /** The multi-instance element variable: the id of the vacancy of one task. */
  public static final String VACANCY_ID = "vacancyId";

  /** The form's fields ({@code forms/successor-appointment.form}). */
  public static final Var<SuccessionDecision> DECISION =
      Var.enumeration("successionDecision", SuccessionDecision.class);

  public static final Var<String> SUCCESSOR_ID = Var.string("successorId");

  private final VacancyRepository repository;
  private final RegistryService registry;
  private final Departures departures;
  private final DepartmentDirectory directory;
  private final RuntimeService runtimeService;
  private final Privileged privileged;
  private final String cycle;

  SuccessorWatch(
      VacancyRepository repository,
      RegistryService registry,
      Departures departures,
      DepartmentDirectory directory,
      RuntimeService runtimeService,
      Privileged privileged,
      @Value("${external-service.succession.watch-cycle:0 30 7 * * ?}") String cycle) {
    this.repository = repository;
    this.registry = registry;
    this.departures = departures;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.privileged = privileged;
    this.cycle = cycle;
  }

  /** When the daily watch runs (the timer start event; a cron expression, default 7:30). */
  public String cycle() {
    return cycle;
  }

  /**
   * Finds the vacancies not open yet and records each for the watch instance {@code
   * watchInstanceId}; returns how many.
   */
  public int check(String watchInstanceId) {
    int found = 0;
    for (RegistryStatus status : List.of(RegistryStatus.ACTIVE, RegistryStatus.SUSPENDED)) {
      for (RegistryEntry entry : registry.search(new RegistryQuery(status, null, null, null))) {
        for (RegistryRole role : departures.vacantRoles(entry)) {
          String departed = role.holderOf(entry);
          if (!repository.open(entry.id(), role, departed)) {
            repository.insert(
                entry.id(), role, departed, nameOf(entry, role), JapanClock.now(), watchInstanceId);
            found++;
          }
        }
      }
    }
    // A vacancy whose watch instance ended without working it (deleted in Cockpit) gets its task
    // again.
    for (Vacancy vacancy : repository.openOnes()) {
      if (!vacancy.watchInstanceId().equals(watchInstanceId)
          && !running(vacancy.watchInstanceId())) {
        repository.adopt(vacancy.id(), watchInstanceId);
        found++;
      }
    }
    return found;
  }

  private boolean running(String watchInstanceId) {
    return privileged.call(
            () ->
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(watchInstanceId)
                    .count())
        > 0;
  }

  /** The vacancies found by a watch instance, one task each (the multi-instance collection). */
  public List<String> vacancyIds(String watchInstanceId) {
    List<String> ids = new ArrayList<>();
    for (Vacancy vacancy : repository.foundBy(watchInstanceId)) {
      ids.add(Long.toString(vacancy.id()));
    }
    return ids;
  }

  public Optional<Vacancy> vacancy(long id) {
    return repository.find(id);
  }

  /** Every vacancy whose task is open, oldest first. */
  public List<Vacancy> openVacancies() {
    return repository.openOnes();
  }

  void resolved(long id, Vacancy.Resolution resolution, String successor, String by) {
    repository.resolve(id, resolution, successor, by, JapanClock.now());
  }

  /** The name the registry has, else the directory's (a user gone from the directory has none). */
  private String nameOf(RegistryEntry entry, RegistryRole role) {
    String name = role.holderNameOf(entry);
    return name != null ? name : directory.displayName(role.holderOf(entry));
  }
}
