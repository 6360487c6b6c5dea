package jp.lg.externalservice.system;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Output of a call activity ({@code
 * camunda:variableMappingDelegateExpression="${changedVariablesOut}"}): as {@code <camunda:out
 * variables="all"/>}, every variable of the called process ends up in the caller with the called
 * process's value, but a variable the called process did not change is not written again. The
 * caller's variables are the same afterwards; what is saved is a runtime update, a history detail
 * and, for JSON, two byte arrays for each of the ~70 variables the application hands to its review
 * (issue 8, docs/benchmarks.md). The input stays {@code <camunda:in variables="all"/>} in the
 * diagram.
 */
@Component("changedVariablesOut")
public class ChangedVariablesOut implements DelegateVariableMapping {

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    // the diagram's camunda:in mappings pass the input
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    VariableMap called = subInstance.getVariablesTyped(false);
    for (String name : called.keySet()) {
      TypedValue value = called.getValueTyped(name);
      if (!same(superExecution.getVariableTyped(name, false), value)) {
        superExecution.setVariable(name, value);
      }
    }
  }

  /** Same type and the same value (serialized form for JSON and other serialized values). */
  static boolean same(TypedValue current, TypedValue value) {
    if (current == null || !Objects.equals(current.getType(), value.getType())) {
      return false;
    }
    if (current instanceof SerializableValue currentSerializable
        && value instanceof SerializableValue serializable) {
      return Objects.equals(
              currentSerializable.getValueSerialized(), serializable.getValueSerialized())
          && Objects.equals(
              currentSerializable.getSerializationDataFormat(),
              serializable.getSerializationDataFormat());
    }
    return Objects.equals(current.getValue(), value.getValue());
  }
}
