package jp.lg.externalservice.system;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What people typed is shown as they typed it. The read-only summaries of the Camunda Forms are
 * Markdown templates, and form-js puts a variable's value into the Markdown as is: {@code <b>}
 * would become bold, {@code <img …>} an image (its scripts removed by the sanitizer), {@code **}
 * emphasis. So every user task gets, when it is created, a task-local JSON variable {@value
 * #VARIABLE} with each plain value (text, number, date, yes/no) of its process written as character
 * references; the forms show {@code {{shown.serviceName}}}, never {@code {{serviceName}}}.
 * Conditions ({@code {{#if …}}}) keep reading the real values.
 */
@Component
public class ShownValues extends AbstractProcessEnginePlugin implements DisplayCopies {

  public static final String VARIABLE = "shown";

  @Override
  public Set<String> displayCopyNames() {
    return Set.of(VARIABLE);
  }

  private static final TaskListener SHOW_AS_TYPED = ShownValues::addTo;

  static void addTo(DelegateTask task) {
    ObjectNode shown = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, Object> variable : task.getVariables().entrySet()) {
      Object value = variable.getValue();
      if (value instanceof String
          || value instanceof Number
          || value instanceof Boolean
          || value instanceof Date) {
        shown.put(variable.getKey(), asText(display(value)));
      }
    }
    task.setVariableLocal(VARIABLE, SpinValues.jsonValue(shown.toString()).create());
  }

  private static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /**
   * A value as staff read it: dates the Japanese way (2027年4月1日, not 2027-04-01 or "Thu Apr 01
   * 00:00:00 JST 2027"), everything else as it is.
   */
  static String display(Object value) {
    if (value instanceof Date date) {
      java.time.ZonedDateTime at = date.toInstant().atZone(JapanClock.ZONE);
      return japanese(at.toLocalDate()) + String.format(" %d:%02d", at.getHour(), at.getMinute());
    }
    String text = String.valueOf(value);
    if (value instanceof String && ISO_DATE.matcher(text).matches()) {
      try {
        return japanese(java.time.LocalDate.parse(text));
      } catch (java.time.format.DateTimeParseException notADay) {
        return text;
      }
    }
    return text;
  }

  private static String japanese(java.time.LocalDate day) {
    return JapanClock.japanese(day);
  }

  /**
   * The text with every ASCII punctuation character as a numeric character reference and line
   * breaks as {@code <br>}: neither HTML nor Markdown nor a template can read anything into it, and
   * the page shows it exactly.
   */
  public static String asText(String value) {
    StringBuilder text = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r') {
        continue;
      }
      if (c == '\n') {
        text.append("<br>");
      } else if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
        text.append("&#").append((int) c).append(';');
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.onCreate(configuration, SHOW_AS_TYPED);
  }
}
