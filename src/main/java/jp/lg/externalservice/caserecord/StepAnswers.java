package jp.lg.externalservice.caserecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.lg.externalservice.system.EngineInternals;
import jp.lg.externalservice.system.FormFields;
import jp.lg.externalservice.system.JsonInput;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The answers given at the step an act is recorded at (issue 15, the audit record): the values of
 * that step's own Camunda Form fields ({@link FormFields}, the fields the engine REST guard lets a
 * completion carry), read from the execution after the completion has validated them. Nothing else
 * is stored — no display copies, no facts, no variable the form does not have — and the whole is
 * bounded to {@link #MAX_CHARS} characters, so an act row stays small whatever was typed.
 */
@Component
public class StepAnswers {

  /** The column's size ({@code V6__case_act_answers.sql}). */
  public static final int MAX_CHARS = 20_000;

  /** Set when fields had to be left out to stay within {@link #MAX_CHARS}: their names. */
  public static final String OMITTED = "_omitted";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final EngineInternals engine;
  private final RepositoryService repositoryService;
  private final Privileged privileged;

  /** Deployed form definition id → its fields (a deployed version never changes). */
  private final Map<String, FormFields> forms = new ConcurrentHashMap<>();

  StepAnswers(EngineInternals engine, RepositoryService repositoryService, Privileged privileged) {
    this.engine = engine;
    this.repositoryService = repositoryService;
    this.privileged = privileged;
  }

  /**
   * The answers of the current step of {@code execution} (a user task's end listener, or a start
   * event's), as a JSON object; null when the step has no form.
   */
  public String of(DelegateExecution execution) {
    FormFields form = formOf(execution.getBpmnModelElementInstance());
    if (form == null || form.names().isEmpty()) {
      return null;
    }
    ObjectNode answers = MAPPER.createObjectNode();
    List<String> omitted = new ArrayList<>();
    for (String name : form.names()) {
      Object value = execution.getVariable(name);
      if (value == null) {
        continue;
      }
      JsonNode json = JsonInput.toJson(value);
      answers.set(name, json);
      if (answers.toString().length() > MAX_CHARS - 500) {
        answers.remove(name);
        omitted.add(name);
      }
    }
    if (!omitted.isEmpty()) {
      omitted.forEach(answers.putArray(OMITTED)::add);
    }
    String text = answers.toString();
    return text.length() <= MAX_CHARS ? text : null;
  }

  private FormFields formOf(FlowElement element) {
    String key =
        element instanceof UserTask task
            ? task.getCamundaFormRef()
            : element instanceof StartEvent start ? start.getCamundaFormRef() : null;
    if (key == null || key.isBlank()) {
      return null;
    }
    return privileged.call(
        () -> {
          ResourceDefinition definition = engine.latestFormDefinition(key);
          if (definition == null) {
            return null;
          }
          return forms.computeIfAbsent(definition.getId(), id -> read(definition));
        });
  }

  private FormFields read(ResourceDefinition definition) {
    try (InputStream form =
        repositoryService.getResourceAsStream(
            definition.getDeploymentId(), definition.getResourceName())) {
      return FormFields.read(form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
