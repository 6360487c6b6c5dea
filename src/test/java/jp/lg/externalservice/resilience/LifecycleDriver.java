package jp.lg.externalservice.resilience;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.WebTest.formVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.review.ReviewProcess;

/**
 * Takes applications through the lifecycle over the engine REST API, as the people of each role
 * would in Tasklist: applied by sato (区民課), double-checked by takahashi, reviewed by yamamoto (and
 * kimura for 情報化企画), decided by kobayashi, then the usage risks and the contract by sato. It
 * remembers what each node acknowledged, so a test can check after a crash that nothing
 * acknowledged was lost.
 */
final class LifecycleDriver {

  static final String APPLICATION_KEY = CaseProcesses.APPLICATION;

  /** Who completes each task, with which answers. */
  private record Step(String user, Map<String, Object> variables) {}

  private static final Map<String, Step> STEPS =
      Map.of(
          ApplicationProcess.Element.CHECK_SELECTION_CRITERIA,
              new Step("sato", TaskAnswers.allCriteriaMet()),
          ApplicationProcess.Element.ACCEPT_RISKS,
              new Step("sato", TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS)),
          ApplicationProcess.Element.SELF_CHECK_MEASURES,
              new Step("sato", TaskAnswers.measuresAllMet()),
          CaseSteps.DOUBLE_CHECK, new Step("takahashi", TaskAnswers.doubleCheck("FORWARD", null)),
          CaseSteps.REVIEW, new Step("yamamoto", TaskAnswers.review("APPROVE", null)),
          ReviewProcess.Element.REVIEW_IT_PLANNING,
              new Step("kimura", Map.of("itPlanningDecision", "APPROVED")),
          CaseSteps.DECIDE, new Step("kobayashi", TaskAnswers.decision("APPROVE", null)),
          ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS,
              new Step("sato", TaskAnswers.usageRisksAcknowledged()),
          ReviewProcess.Element.RECORD_CONTRACT,
              new Step("sato", Map.of("contractDate", "2099-06-01")));

  /** Instance ids whose start a node acknowledged, by service name. */
  final Map<String, String> started = new ConcurrentHashMap<>();

  /** Task ids whose completion a node acknowledged. */
  final Set<String> completedTasks = ConcurrentHashMap.newKeySet();

  /** Task definition keys completed, by the host name of the node that acknowledged them. */
  final Map<String, List<String>> completedOn = new ConcurrentHashMap<>();

  /** The application form of each started draft, by instance id. */
  private final Map<String, Map<String, Object>> applications = new ConcurrentHashMap<>();

  /** Applies on {@code node}; returns the instance id once the node acknowledged the start. */
  String apply(Rest node, String serviceName) {
    Map<String, Object> application =
        kintone()
            .service(serviceName, "CLOUD_INTERNET", "BUSINESS_APPLICATION")
            .paid(false)
            .variables();
    Rest.Answer answer =
        node.post(
            "/engine-rest/process-definition/key/" + APPLICATION_KEY + "/submit-form",
            "sato",
            formVariables(Map.of("serviceName", serviceName)));
    if (answer.status() != 200) {
      throw new AssertionError(
          "start of " + serviceName + " refused: " + answer.status() + " " + answer.text());
    }
    String id = answer.body().get("id").asText();
    started.put(serviceName, id);
    applications.put(id, application); // filed in Task_FillInApplication, like any step
    return id;
  }

  /**
   * Completes the next open task of the application on the node chosen for its key.
   *
   * @return the key of the completed task, or null when no task is open (a job is pending, or the
   *     application ended)
   */
  String completeNext(Function<String, Rest> nodeForTask, Rest query, String instanceId) {
    JsonNode tasks = openTasks(query, instanceId);
    if (tasks.isEmpty()) {
      return null;
    }
    JsonNode task = tasks.get(0);
    String key = task.get("taskDefinitionKey").asText();
    Step step =
        key.equals(ApplicationProcess.Element.FILL_IN_APPLICATION)
            ? new Step("sato", applications.get(instanceId))
            : STEPS.get(key);
    if (step == null) {
      throw new AssertionError("the walk does not expect " + key + " in " + instanceId);
    }
    String taskId = task.get("id").asText();
    Rest node = nodeForTask.apply(key);
    Rest.Answer answer =
        node.post(
            "/engine-rest/task/" + taskId + "/submit-form",
            step.user(),
            formVariables(step.variables()));
    if (answer.status() != 204) {
      throw new AssertionError(
          key + " of " + instanceId + " refused: " + answer.status() + " " + answer.text());
    }
    completedTasks.add(taskId);
    completedOn
        .computeIfAbsent(
            node.nodeName(), name -> java.util.Collections.synchronizedList(new ArrayList<>()))
        .add(key);
    return key;
  }

  /** The open tasks of the application and of the processes it called. */
  static JsonNode openTasks(Rest node, String instanceId) {
    List<String> ids = new ArrayList<>(List.of(instanceId));
    for (int i = 0; i < ids.size(); i++) {
      node.getOk("/engine-rest/process-instance?superProcessInstance=" + ids.get(i), "demo")
          .forEach(sub -> ids.add(sub.get("id").asText()));
    }
    return node.getOk("/engine-rest/task?processInstanceIdIn=" + String.join(",", ids), "demo");
  }

  static boolean ended(Rest node, String instanceId) {
    return "COMPLETED"
        .equals(
            node.getOk("/engine-rest/history/process-instance/" + instanceId, "demo")
                .get("state")
                .asText());
  }

  /** Walks the application to its end on {@code node}, waiting for the jobs between tasks. */
  void finish(Rest node, String instanceId) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!ended(node, instanceId)) {
      if (completeNext(key -> node, node, instanceId) == null) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(instanceId + " waits for a job that does not run");
        }
        Thread.sleep(200);
      }
    }
  }
}
