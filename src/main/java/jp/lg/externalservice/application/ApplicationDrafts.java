package jp.lg.externalservice.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.externalservice.security.SubmittedVariables;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.FormFields;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/**
 * Drafts of an application (issue 14: nothing typed is lost). Tasklist's 保存 keeps a form only in
 * the browser; the drafts plugin ({@code tasklist/custom/drafts.js}) sends the same data here, and
 * it is stored as the case's variables, so the form opens with it on any PC. Only the applicant's
 * own open application form takes a draft, only with that form's fields and value types (the engine
 * API's rules for a submission, {@link SubmittedVariables}); nothing is validated beyond that — a
 * draft may be incomplete — and nothing is filed: the completion checks everything.
 */
@Service
public class ApplicationDrafts {

  /** The tasks whose form is the application form. */
  static final Set<String> DRAFT_TASKS =
      Set.of(
          ApplicationProcess.Element.FILL_IN_APPLICATION,
          ApplicationProcess.Element.CORRECT_APPLICATION);

  private final TaskService taskService;
  private final FormService formService;
  private final IdentityService identityService;
  private final Privileged privileged;

  ApplicationDrafts(
      TaskService taskService,
      FormService formService,
      IdentityService identityService,
      Privileged privileged) {
    this.taskService = taskService;
    this.formService = formService;
    this.identityService = identityService;
    this.privileged = privileged;
  }

  /** Thrown for a task that is not the caller's open application form (or does not exist). */
  public static class NotADraft extends RuntimeException {
    NotADraft() {
      super("not an open application form of the caller");
    }
  }

  /**
   * Stores {@code data} (the form's field → value, as form-js gives it) with the case of the
   * caller's open application task {@code taskId}; returns when.
   */
  public Instant save(String taskId, JsonNode data) {
    Authentication caller = identityService.getCurrentAuthentication();
    String userId = caller == null ? null : caller.getUserId();
    if (!privileged.call(() -> isOwnOpenForm(taskId, userId))) {
      throw new NotADraft();
    }
    if (data == null || !data.isObject()) {
      throw new InputValidationException(
          List.of(
              new FieldError("draft", "下書きはオブジェクトで送ってください", "the draft must be a JSON object")));
    }
    FormFields form = privileged.call(() -> fields(taskId));
    List<FieldError> errors = SubmittedVariables.check(asSubmission(data), form);
    if (!errors.isEmpty()) {
      throw new InputValidationException(errors);
    }
    Map<String, Object> variables = new HashMap<>();
    data.fields()
        .forEachRemaining(entry -> variables.put(entry.getKey(), valueOf(entry.getValue())));
    // checked again and written in one transaction that a completion of the task running at the
    // same time conflicts with: a draft that landed after the completion had validated and
    // classified the answers would change a filed application unchecked
    boolean saved;
    try {
      saved =
          privileged.callAgainstCompletion(
              taskId,
              () -> {
                if (!isOwnOpenForm(taskId, userId)) {
                  return false;
                }
                taskService.setVariables(taskId, variables);
                return true;
              });
    } catch (OptimisticLockingException completedMeanwhile) {
      saved = false;
    }
    if (!saved) {
      throw new NotADraft();
    }
    return JapanClock.now();
  }

  /**
   * The fields of the caller's open application form {@code taskId}: what a draft of it may hold (a
   * copy of an earlier application keeps only these of its answers, issue 16).
   */
  public Set<String> fieldNames(String taskId) {
    Authentication caller = identityService.getCurrentAuthentication();
    String userId = caller == null ? null : caller.getUserId();
    if (!privileged.call(() -> isOwnOpenForm(taskId, userId))) {
      throw new NotADraft();
    }
    return privileged.call(() -> fields(taskId)).names();
  }

  private boolean isOwnOpenForm(String taskId, String userId) {
    Task task = taskService.createTaskQuery().taskId(taskId).active().singleResult();
    return userId != null
        && task != null
        && DRAFT_TASKS.contains(task.getTaskDefinitionKey())
        && userId.equals(task.getAssignee());
  }

  private FormFields fields(String taskId) {
    try (InputStream deployed = formService.getDeployedTaskForm(taskId)) {
      return FormFields.read(deployed);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable form of task " + taskId, e);
    }
  }

  /** The data as the engine API's submit-form takes it: {name: {value, type}}. */
  private static ObjectNode asSubmission(JsonNode data) {
    ObjectNode variables = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> entries = data.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      JsonNode value = entry.getValue();
      ObjectNode variable = variables.putObject(entry.getKey());
      if (value.isNull()) {
        variable.put("type", "Null");
      } else if (value.isContainerNode()) {
        variable.put("type", "Json").put("value", value.toString());
      } else {
        variable.set("value", value);
      }
    }
    return variables;
  }

  private static Object valueOf(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isContainerNode()) {
      return SpinValues.jsonValue(value.toString()).create();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToInt() ? value.intValue() : value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    return value.asText();
  }
}
