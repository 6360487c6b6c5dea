package jp.lg.externalservice.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Structured process variables are stored as JSON (Spin), never as serialized Java objects. */
public final class JsonVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonVariables() {}

  public static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
