package jp.lg.externalservice.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables a Camunda Form writes: the keys of its components at the top level, and the {@code
 * path} of a group (whose components then live inside that JSON object). What a completion may
 * carry and nothing else.
 */
final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormFields() {}

  static Set<String> of(InputStream form) {
    try (form) {
      Set<String> fields = new TreeSet<>();
      collect(JSON.readTree(form).path("components"), fields);
      return fields;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(JsonNode components, Set<String> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("path") && !component.path("path").asText().isEmpty()) {
        fields.add(component.path("path").asText());
      } else if (component.has("components")) {
        collect(component.path("components"), fields);
      } else if (component.hasNonNull("key")) {
        fields.add(component.path("key").asText());
      }
    }
  }
}
