package jp.lg.externalservice.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * Checks a diagram, rule table or form before it is deployed, so that a refusal names the file and
 * the problem in Japanese and English: readable XML or JSON, a {@code historyTimeToLive} on every
 * process and decision (ruling R-18; the engine enforces it), decision tables the DMN engine can
 * build, forms with an {@code id} and {@code components}. What only the engine's BPMN parser finds
 * is reported by {@link ResourceDeployer}.
 */
@Component
public class ResourceValidator {

  /** The definition keys a valid resource deploys, or the problems of an invalid one. */
  public record Result(List<String> keys, List<FieldError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DmnEngine dmnEngine =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  public Result validate(String resourceName, byte[] content) {
    List<String> keys = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    if (resourceName.endsWith(".bpmn")) {
      bpmn(resourceName, content, keys, errors);
    } else if (resourceName.endsWith(".dmn")) {
      dmn(resourceName, content, keys, errors);
    } else if (resourceName.endsWith(".form")) {
      form(resourceName, content, keys, errors);
    } else {
      errors.add(
          new FieldError(resourceName, "デプロイできない種類のファイルです", "not a .bpmn, .dmn or .form file"));
    }
    return new Result(List.copyOf(keys), List.copyOf(errors));
  }

  private static void bpmn(
      String name, byte[] content, List<String> keys, List<FieldError> errors) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (ModelException e) {
      errors.add(unreadable(name, "BPMN", e));
      return;
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      keys.add(process.getId());
      if (blank(process.getCamundaHistoryTimeToLiveString())) {
        errors.add(
            missingHistoryTimeToLive(
                name, "プロセス " + process.getId(), "process " + process.getId()));
      }
    }
    if (keys.isEmpty() && errors.isEmpty()) {
      errors.add(
          new FieldError(
              name,
              "実行可能なプロセスがありません（Modeler の「Executable」をオンにしてください）",
              "no executable process (tick 'Executable' in Modeler)"));
    }
  }

  private void dmn(String name, byte[] content, List<String> keys, List<FieldError> errors) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (ModelException e) {
      errors.add(unreadable(name, "DMN", e));
      return;
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      keys.add(decision.getId());
      if (blank(decision.getCamundaHistoryTimeToLiveString())) {
        errors.add(
            missingHistoryTimeToLive(
                name, "ルール表 " + decision.getId(), "decision " + decision.getId()));
      }
    }
    try {
      dmnEngine.parseDecisions(model);
    } catch (DmnEngineException e) {
      errors.add(
          new FieldError(
              name,
              "ルール表を組み立てられません: " + e.getMessage(),
              "the decision cannot be built: " + e.getMessage()));
    }
    if (keys.isEmpty() && errors.isEmpty()) {
      errors.add(new FieldError(name, "ルール表（decision）がありません", "no decision in the file"));
    }
  }

  private static void form(
      String name, byte[] content, List<String> keys, List<FieldError> errors) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      errors.add(
          new FieldError(
              name,
              "JSON として読み込めません: " + e.getOriginalMessage(),
              "not valid JSON: " + e.getOriginalMessage()));
      return;
    } catch (IOException e) {
      errors.add(
          new FieldError(name, "読み込めません: " + e.getMessage(), "cannot be read: " + e.getMessage()));
      return;
    }
    if (form == null || !form.isObject()) {
      errors.add(
          new FieldError(name, "フォームは JSON オブジェクトでなければなりません", "a form must be a JSON object"));
      return;
    }
    JsonNode id = form.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      errors.add(
          new FieldError(
              name,
              "フォームの id がありません（formRef で参照する ID）",
              "the form has no id (the id formRef refers to)"));
    } else {
      keys.add(id.asText());
    }
    if (!form.path("components").isArray()) {
      errors.add(new FieldError(name, "フォームに components がありません", "the form has no components"));
    }
  }

  private static FieldError unreadable(String name, String kind, ModelException e) {
    String reason =
        e.getCause() != null && e.getCause().getMessage() != null
            ? e.getCause().getMessage()
            : e.getMessage();
    return new FieldError(
        name, kind + " として読み込めません: " + reason, "not readable as " + kind + ": " + reason);
  }

  private static FieldError missingHistoryTimeToLive(
      String name, String element, String elementEn) {
    return new FieldError(
        name,
        element
            + " に historyTimeToLive がありません（Modeler の「History cleanup」→"
            + "「Time to live」に 1825 を入れてください）",
        "historyTimeToLive is missing on "
            + elementEn
            + " (set 'History cleanup' → 'Time to live' to 1825 in Modeler)");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
