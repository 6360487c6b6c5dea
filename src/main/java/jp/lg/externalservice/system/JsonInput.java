package jp.lg.externalservice.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Turns process variables into the JSON shape {@link InputReader} reads, so the same validation
 * serves REST bodies and process variables. Camunda Forms in Tasklist submit arrays as {@code Json}
 * variables.
 */
public final class JsonInput {

  /** Longer than any list a form writes (checklists are objects; lists are enum choices). */
  public static final int MAX_ARRAY_LENGTH = 1000;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private JsonInput() {}

  /**
   * The variables as one object. A JSON variable holding an array longer than {@link
   * #MAX_ARRAY_LENGTH} anywhere is refused, naming the variable: no form produces one (issue #12,
   * "Size").
   */
  public static ObjectNode fromVariables(Map<String, Object> variables) {
    ObjectNode node = MAPPER.createObjectNode();
    List<FieldError> errors = new ArrayList<>();
    variables.forEach(
        (name, value) -> {
          JsonNode json = toJson(value);
          if (value instanceof SpinJsonNode && longestArray(json) > MAX_ARRAY_LENGTH) {
            errors.add(
                new FieldError(
                    name,
                    "配列が長すぎます（" + MAX_ARRAY_LENGTH + " 件以内）",
                    "has an array longer than " + MAX_ARRAY_LENGTH + " items"));
          } else {
            node.set(name, json);
          }
        });
    if (!errors.isEmpty()) {
      throw new InputValidationException(errors);
    }
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
      // the Japanese calendar day and time, whatever the server's zone (JapanClock)
      return MAPPER
          .getNodeFactory()
          .textNode(DATE_TIME.format(date.toInstant().atZone(JapanClock.ZONE)));
    }
    return MAPPER.valueToTree(value);
  }

  /** The number of elements of the longest array in {@code node}, at any depth. */
  private static int longestArray(JsonNode node) {
    int longest = node.isArray() ? node.size() : 0;
    for (JsonNode child : node) {
      longest = Math.max(longest, longestArray(child));
    }
    return longest;
  }
}
