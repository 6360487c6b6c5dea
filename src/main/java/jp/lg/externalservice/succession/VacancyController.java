package jp.lg.externalservice.succession;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.registry.RegistryAccess;
import jp.lg.externalservice.registry.RegistryRole;
import jp.lg.externalservice.system.AccessDeniedException;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/services/vacancies}: the registry entries whose サービス管理担当者 or 外部サービス管理者 left
 * (issue 16, 人事異動), one line per open vacancy with its task to name a successor — for 情報政策課 and
 * administrators only (those who read every entry, {@link RegistryAccess}); anyone else gets 403.
 */
@RestController
class VacancyController {

  /** One vacancy and its open task (null when none is open, e.g. while the watch runs). */
  record Line(
      long id,
      String registryEntryId,
      String serviceName,
      String departmentCode,
      String departmentName,
      RegistryRole role,
      String roleLabel,
      String departedUser,
      String departedName,
      Instant detectedAt,
      OpenTask task) {}

  record OpenTask(String id, String name, String assignee, java.util.Date due) {}

  private final SuccessorWatch watch;
  private final RegistryAccess access;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final Privileged privileged;

  VacancyController(
      SuccessorWatch watch,
      RegistryAccess access,
      TaskService taskService,
      RuntimeService runtimeService,
      Privileged privileged) {
    this.watch = watch;
    this.access = access;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.privileged = privileged;
  }

  @GetMapping(path = "/api/services/vacancies", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<Line> vacancies() {
    if (!access.current().all()) {
      throw new AccessDeniedException(
          "後任が決まっていない台帳は情報政策課と管理者だけが見られます",
          "only 情報政策課 (policy-reviewer, policy-head) and administrators may list the vacancies");
    }
    Map<String, OpenTask> tasks = privileged.call(this::openTasksByVacancy);
    return watch.openVacancies().stream()
        .map(
            v ->
                new Line(
                    v.id(),
                    v.registryEntryId(),
                    v.serviceName(),
                    v.departmentCode(),
                    v.departmentName(),
                    v.role(),
                    v.role().label(),
                    v.departedUser(),
                    v.departedName(),
                    v.detectedAt(),
                    tasks.get(Long.toString(v.id()))))
        .toList();
  }

  /** The open tasks of the watch by the vacancy they are about (the system's lookup). */
  private Map<String, OpenTask> openTasksByVacancy() {
    Map<String, OpenTask> tasks = new HashMap<>();
    for (Task task :
        taskService
            .createTaskQuery()
            .processDefinitionKey(SuccessorWatch.KEY)
            .taskDefinitionKey(SuccessorWatch.Element.NAME_SUCCESSOR)
            .list()) {
      Object vacancyId =
          runtimeService.getVariable(task.getExecutionId(), SuccessorWatch.VACANCY_ID);
      if (vacancyId != null) {
        tasks.put(
            vacancyId.toString(),
            new OpenTask(task.getId(), task.getName(), task.getAssignee(), task.getDueDate()));
      }
    }
    return tasks;
  }
}
