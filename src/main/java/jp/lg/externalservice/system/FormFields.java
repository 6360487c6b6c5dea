package jp.lg.externalservice.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of a Camunda Form: the variables that a task (or a start event) using it may write. A
 * field is a component with a {@code key}; a group with a {@code path} is one JSON variable holding
 * its components' keys. Components without a key (texts, spacers) write nothing.
 */
public final class FormFields {

  /** What a field holds, from the form-js component type. */
  public enum Kind {
    /** textfield, textarea, select, radio: a string. */
    TEXT,
    /** checkbox: yes/no. */
    BOOLEAN,
    /** number. */
    NUMBER,
    /** datetime: a date as text (form-js) or a date. */
    DATE,
    /** checklist, taglist: a JSON array of strings. */
    LIST,
    /** group with a path: a JSON object holding the group's fields. */
    GROUP
  }

  /** One writable variable of a form; {@code members} are the keys inside a group. */
  public record Field(String name, Kind kind, Set<String> members) {}

  public static final FormFields NONE = new FormFields(Map.of());

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, Field> fields;

  private FormFields(Map<String, Field> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  public static FormFields read(InputStream form) throws IOException {
    return of(MAPPER.readTree(form));
  }

  public static FormFields of(JsonNode form) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return new FormFields(fields);
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (("group".equals(type) || "dynamiclist".equals(type)) && component.hasNonNull("path")) {
        Set<String> members = new TreeSet<>();
        for (JsonNode member : component.path("components")) {
          if (member.hasNonNull("key")) {
            members.add(member.get("key").asText());
          }
        }
        String path = component.get("path").asText();
        fields.put(path, new Field(path, Kind.GROUP, Collections.unmodifiableSet(members)));
      } else if (component.hasNonNull("key")) {
        String key = component.get("key").asText();
        fields.put(key, new Field(key, kindOf(type), Set.of()));
      } else if (component.has("components")) {
        collect(
            component.path("components"),
            fields); // a group without a path only lays its fields out
      }
    }
  }

  private static Kind kindOf(String type) {
    return switch (type) {
      case "checkbox" -> Kind.BOOLEAN;
      case "number" -> Kind.NUMBER;
      case "datetime" -> Kind.DATE;
      case "checklist", "taglist" -> Kind.LIST;
      default -> Kind.TEXT;
    };
  }

  public Field get(String name) {
    return fields.get(name);
  }

  public Set<String> names() {
    return fields.keySet();
  }
}
