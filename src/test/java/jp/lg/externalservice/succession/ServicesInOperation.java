package jp.lg.externalservice.succession;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;
import jp.lg.externalservice.registry.EntryType;
import jp.lg.externalservice.registry.NewRegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;

/**
 * Test fixtures of the successor watch: an approved IMPORTANT service of 区民課 in operation (its
 * first duty is the service manager's), and the tasks to name a successor for an entry.
 */
public final class ServicesInOperation {

  private ServicesInOperation() {}

  /** Registers the entry (approved by kobayashi) and starts its operation; the entry's id. */
  public static String start(
      RegistryService registry,
      CaseMessages messages,
      IdentityService identityService,
      String name,
      String administrator,
      String manager,
      String approvalMarker) {
    String entryId =
        registry.register(
            new NewRegistryEntry(
                EntryType.SERVICE,
                name,
                "提供会社",
                ServiceKind.CLOUD_INTERNET,
                ServiceCategory.BUSINESS_APPLICATION,
                "kumin",
                "区民課",
                Route.IMPORTANT,
                Outcome.APPLICATION_REQUIRED,
                "利用申請が必要",
                "[]",
                "[]",
                administrator,
                nameOf(identityService, administrator),
                manager,
                nameOf(identityService, manager),
                LocalDate.of(2027, 4, 1),
                LocalDate.of(2029, 3, 31),
                null),
            "kobayashi",
            approvalMarker);
    Map<String, Object> variables =
        new HashMap<>(
            ApplicationAnswers.kintone()
                .service(name, "CLOUD_INTERNET", "BUSINESS_APPLICATION")
                .variables());
    variables.put("registryEntryId", entryId);
    variables.put("departmentCode", "kumin");
    variables.put("departmentName", "区民課");
    variables.put("route", "IMPORTANT");
    variables.put("serviceAdministrator", administrator);
    variables.put("serviceManager", manager);
    messages.startOperation(entryId, variables);
    return entryId;
  }

  /** The open tasks to name a successor for this entry. */
  public static List<Task> successorTasks(
      TaskService taskService, RuntimeService runtimeService, String entryId) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey(SuccessorWatch.KEY)
        .taskDefinitionKey(SuccessorWatch.Element.NAME_SUCCESSOR)
        .list()
        .stream()
        .filter(
            t ->
                entryId.equals(
                    runtimeService.getVariable(t.getExecutionId(), "vacancyRegistryEntryId")))
        .toList();
  }

  private static String nameOf(IdentityService identityService, String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user.getLastName() + " " + user.getFirstName();
  }
}
