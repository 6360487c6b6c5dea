package jp.lg.externalservice.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Turns process variables into the JSON shape {@link InputReader} reads, so the same validation serves REST
 * bodies and process variables. Camunda Forms in Tasklist submit arrays as {@code Json} variables.
 */
public final class JsonInput {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonInput() {}

  public static ObjectNode fromVariables(Map<String, Object> variables) {
    ObjectNode node = MAPPER.createObjectNode();
    variables.forEach((name, value) -> node.set(name, toJson(value)));
    return node;
  }

  public static JsonNode toJson(Object value) {
    if (value instanceof SpinJsonNode spin) {
      try {
        return MAPPER.readTree(spin.toString());
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("invalid JSON variable", e);
      }
    }
    if (value instanceof Date date) {
      return MAPPER.getNodeFactory().textNode(new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss").format(date));
    }
    return MAPPER.valueToTree(value);
  }
}
