package jp.lg.externalservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.classification.Classification;
import jp.lg.externalservice.classification.ClassificationInput;
import jp.lg.externalservice.classification.ClassificationInputReader;
import jp.lg.externalservice.classification.ClassificationService;
import jp.lg.externalservice.classification.DmnRuleTables;
import jp.lg.externalservice.classification.Reason;
import jp.lg.externalservice.system.InputReader;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** What one classified application looks like, read from the running process instance. */
record RoutingResult(
    String outcome,
    String route,
    List<String> conditions,
    Map<String, String> zoneVerdicts,
    List<String> reasonRules,
    String waitingAt,
    String taskAssignee,
    Classification precheck) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static RoutingResult of(
      ProcessInstance instance,
      ApplicationAnswers answers,
      RuntimeService runtime,
      TaskService tasks,
      ClassificationService classification,
      DmnRuleTables tables) {
    Map<String, Object> variables = runtime.getVariables(instance.getId());
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    InputReader reader = new InputReader(MAPPER.valueToTree(answers.precheckRequest()));
    ClassificationInput input = ClassificationInputReader.read(reader, false);
    assertThat(reader.errors()).isEmpty();
    return new RoutingResult(
        (String) variables.get("outcome"),
        (String) variables.get("route"),
        strings(json(variables.get("conditions"))),
        zoneVerdicts(json(variables.get("zoneVerdicts"))),
        rules(json(variables.get("reasons"))),
        task == null ? null : task.getTaskDefinitionKey(),
        task == null ? null : task.getAssignee(),
        classification.classify(input, tables.unrecorded()));
  }

  /** The pre-check, run on the same answers, agrees with the process. */
  RoutingResult agreesWithPrecheck() {
    assertThat(precheck.outcome().name()).as("pre-check outcome").isEqualTo(outcome);
    assertThat(precheck.route() == null ? null : precheck.route().name())
        .as("pre-check route")
        .isEqualTo(route);
    assertThat(precheck.conditions().stream().map(Enum::name).toList())
        .as("pre-check conditions")
        .isEqualTo(conditions);
    assertThat(precheck.reasons().stream().map(Reason::rule).toList())
        .as("pre-check reasons")
        .isEqualTo(reasonRules);
    return this;
  }

  private static JsonNode json(Object variable) {
    try {
      return MAPPER.readTree(variable.toString());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + variable, e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(node -> result.add(node.asText()));
    return result;
  }

  private static Map<String, String> zoneVerdicts(JsonNode object) {
    Map<String, String> result = new java.util.LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(entry -> result.put(entry.getKey(), entry.getValue().asText()));
    return result;
  }

  private static List<String> rules(JsonNode reasons) {
    List<String> result = new ArrayList<>();
    reasons.forEach(
        node -> {
          assertThat(node.get("message").asText())
              .as("every reason explains itself in Japanese")
              .isNotBlank();
          result.add(node.get("rule").asText());
        });
    return result;
  }
}
