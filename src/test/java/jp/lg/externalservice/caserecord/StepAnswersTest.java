package jp.lg.externalservice.caserecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import jp.lg.externalservice.system.EngineInternals;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The answers stored with an act: the step's own form fields only, bounded. */
class StepAnswersTest {

  private static final String FORM =
      """
      {"id": "f", "components": [
        {"type": "textarea", "key": "a"},
        {"type": "textarea", "key": "b"},
        {"type": "textfield", "key": "c"},
        {"type": "text", "text": "説明"},
        {"type": "group", "path": "g", "components": [{"type": "radio", "key": "item1"}]}
      ]}
      """;

  @SuppressWarnings("unchecked")
  private static StepAnswers stepAnswers() {
    EngineInternals engine = mock(EngineInternals.class);
    RepositoryService repository = mock(RepositoryService.class);
    Privileged privileged = mock(Privileged.class);
    ResourceDefinition definition = mock(ResourceDefinition.class);
    when(definition.getId()).thenReturn("f:1");
    when(definition.getDeploymentId()).thenReturn("d1");
    when(definition.getResourceName()).thenReturn("forms/f.form");
    when(engine.latestFormDefinition("f")).thenReturn(definition);
    when(repository.getResourceAsStream("d1", "forms/f.form"))
        .thenAnswer(call -> new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)));
    when(privileged.call(any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(0)).get());
    return new StepAnswers(engine, repository, privileged);
  }

  private static DelegateExecution execution(Map<String, Object> variables) {
    DelegateExecution execution = mock(DelegateExecution.class);
    UserTask task = mock(UserTask.class);
    when(task.getCamundaFormRef()).thenReturn("f");
    when(execution.getBpmnModelElementInstance()).thenReturn(task);
    when(execution.getVariable(any()))
        .thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    return execution;
  }

  @Test
  @DisplayName("フォームの項目だけを記録し、上限を超える項目は名前だけ残して省く")
  void onlyTheFormsFieldsWithinTheBound() throws Exception {
    String answers =
        stepAnswers()
            .of(
                execution(
                    Map.of(
                        "a", "あ".repeat(12_000),
                        "b", "い".repeat(12_000),
                        "c", "短い",
                        "applicant", "someone-else",
                        "shown", "{}")));
    assertThat(answers.length()).isLessThanOrEqualTo(StepAnswers.MAX_CHARS);
    JsonNode json = new ObjectMapper().readTree(answers);
    assertThat(json.get("a").asText()).hasSize(12_000);
    assertThat(json.has("b")).isFalse();
    assertThat(json.get("c").asText()).isEqualTo("短い");
    assertThat(json.get(StepAnswers.OMITTED).toString()).isEqualTo("[\"b\"]");
    assertThat(json.has("applicant")).as("not a field of the form").isFalse();
    assertThat(json.has("shown")).isFalse();
    assertThat(json.has("g")).as("an unanswered field is left out").isFalse();
  }

  @Test
  @DisplayName("フォームのない手順には回答がない")
  void noFormNoAnswers() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getBpmnModelElementInstance()).thenReturn(null);
    assertThat(stepAnswers().of(execution)).isNull();
  }
}
