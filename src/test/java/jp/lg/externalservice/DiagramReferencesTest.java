package jp.lg.externalservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.operation.OperationProcess;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.sns.SnsProcess;
import jp.lg.externalservice.termination.TerminationProcess;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * The Java and the diagrams name the same things: every element id declared in a process backing
 * class is in a diagram, every bean an expression in a diagram calls is in the application context
 * (a misspelt one fails only when a case reaches it), and no id is a Modeler default (conventions:
 * meaningful technical ids, one style).
 */
@ExcludeFromProcessCoverage // starts no process
class DiagramReferencesTest extends EngineTest {

  /**
   * The process backing classes: their keys and element ids (also those of nested classes such as
   * Element).
   */
  static final List<Class<?>> BACKING_CLASSES =
      List.of(
          ApplicationProcess.class,
          ReviewProcess.class,
          SnsProcess.class,
          OperationProcess.class,
          TerminationProcess.class,
          CaseProcesses.class,
          CaseSteps.class,
          jp.lg.externalservice.certification.CertificationWatch.class,
          jp.lg.externalservice.succession.SuccessorWatch.class);

  /**
   * What a BPMN id of this code base looks like ({@code Task_Review}, {@code
   * Message_ServiceApproved}, ...).
   */
  static final Pattern BPMN_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Za-z0-9_]+");

  /**
   * Names an expression may use that are no beans: the engine's current execution, and the process
   * variables the diagrams' gateways read, each an answer of a form (checked on the server) or
   * written by the named delegate. Kept exact: a name no diagram uses any more fails the test too.
   */
  static final Set<String> NON_BEAN_NAMES =
      Set.of(
          "execution", // the engine: listeners, assignees, candidate groups, gateways
          "preparationDecision", // application: selection-criteria / risk-acceptance forms (PROCEED
          // / WITHDRAW)
          "doubleCheckDecision", // application: double-check form (FORWARD / RETURN / REJECT)
          "reviewRecommendation", // review: review form
          "reviewResult", // operation: quarterly-review form
          "continuationDecision", // operation: continuation-decision form (CONTINUE / STOP)
          "usageDiffers", // operation: usage-confirmation form
          "reclassification", // operation: written by the reclassifyUsage delegate
          "terminationDecision", // termination: termination-double-check form (CONFIRM / RETURN)
          "reportChannel"); // termination: termination-request form (FORM3 / LEDGER_SURVEY)

  /** JUEL's reserved words and literals, which are no names. */
  static final Set<String> EL_WORDS =
      Set.of(
          "true",
          "false",
          "null",
          "empty",
          "not",
          "and",
          "or",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "div",
          "mod",
          "instanceof");

  static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  static final Pattern NAME =
      Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)(\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*))?");

  static Map<Path, String> diagrams = new TreeMap<>();

  @Autowired ApplicationContext context;

  @BeforeAll
  static void readDiagrams() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        diagrams.put(file, Files.readString(file));
      }
    }
    assertThat(diagrams).as("diagrams in processes/").hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void everyElementIdOfTheBackingClassesIsInADiagram() throws IllegalAccessException {
    Set<String> known = new TreeSet<>();
    for (String xml : diagrams.values()) {
      BpmnModelInstance diagram =
          Bpmn.readModelFromStream(
              new java.io.ByteArrayInputStream(
                  xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      diagram.getModelElementsByType(BaseElement.class).stream()
          .map(BaseElement::getId)
          .filter(java.util.Objects::nonNull)
          .forEach(known::add);
      // messages are correlated by name
      diagram
          .getModelElementsByType(Message.class)
          .forEach(message -> known.add(message.getName()));
    }
    Map<String, String> declared = new TreeMap<>();
    for (Class<?> backing : BACKING_CLASSES) {
      collectIds(backing, declared);
    }
    assertThat(declared).as("ids found by reflection").hasSizeGreaterThan(50);
    List<String> missing =
        declared.entrySet().stream()
            .filter(id -> !known.contains(id.getValue()))
            .map(id -> id.getKey() + " = \"" + id.getValue() + "\"")
            .toList();
    assertThat(missing).as("constants naming no element of processes/*.bpmn").isEmpty();
  }

  /**
   * The public static final Strings of {@code type} and its nested classes that are BPMN ids or
   * process keys.
   */
  private static void collectIds(Class<?> type, Map<String, String> declared)
      throws IllegalAccessException {
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        String value = (String) field.get(null);
        if (BPMN_ID.matcher(value).matches() || field.getName().endsWith("KEY")) {
          declared.put(
              type.getName().replace(type.getPackageName() + ".", "") + "." + field.getName(),
              value);
        }
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      collectIds(nested, declared);
    }
  }

  /**
   * In an expression a process variable shadows the bean of the same name, so a bean that shared
   * its name with a variable stopped working for every case in which someone wrote that variable
   * (as {@code overdueStep} did: the timer's listener and the name of the overdue step).
   */
  @Test
  void noBeanOfADiagramSharesItsNameWithAVariable() throws IllegalAccessException {
    Set<String> variables = new TreeSet<>();
    for (Class<?> backing : BACKING_CLASSES) {
      collectVariableNames(backing, variables);
    }
    collectVariableNames(jp.lg.externalservice.caserecord.CaseVariables.class, variables);
    assertThat(variables).as("declared variables").hasSizeGreaterThan(50);
    Set<String> clashes = new TreeSet<>();
    for (String diagram : diagrams.values()) {
      Matcher expression = EXPRESSION.matcher(diagram);
      while (expression.find()) {
        Matcher name = NAME.matcher(HtmlUtils.htmlUnescape(expression.group(1)));
        while (name.find()) {
          if (context.containsBean(name.group(1)) && variables.contains(name.group(1))) {
            clashes.add(name.group(1));
          }
        }
      }
    }
    assertThat(clashes).as("beans named like a variable").isEmpty();
  }

  private static void collectVariableNames(Class<?> type, Set<String> names)
      throws IllegalAccessException {
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == jp.lg.externalservice.system.Var.class) {
        names.add(((jp.lg.externalservice.system.Var<?>) field.get(null)).name());
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      collectVariableNames(nested, names);
    }
  }

  @Test
  void everyNameInADiagramExpressionIsABeanOrAKnownVariable() {
    List<String> unknown = new ArrayList<>();
    Set<String> unusedNames = new TreeSet<>(NON_BEAN_NAMES);
    int expressions = 0;
    for (Map.Entry<Path, String> diagram : diagrams.entrySet()) {
      Matcher expression = EXPRESSION.matcher(diagram.getValue());
      while (expression.find()) {
        expressions++;
        // attribute values are XML-escaped (&amp;&amp;); string literals name no bean
        String body =
            HtmlUtils.htmlUnescape(expression.group(1)).replaceAll("'[^']*'|\"[^\"]*\"", "''");
        Matcher name = NAME.matcher(body);
        while (name.find()) {
          String root = name.group(1);
          String where = diagram.getKey().getFileName() + ": " + expression.group();
          unusedNames.remove(root);
          if (EL_WORDS.contains(root) || NON_BEAN_NAMES.contains(root)) {
            continue;
          }
          if (!context.containsBean(root)) {
            unknown.add(where + " — no bean or known variable '" + root + "'");
          } else if (name.group(3) != null
              && !hasPublicMember(context.getBean(root), name.group(3))) {
            unknown.add(
                where
                    + " — bean '"
                    + root
                    + "' has no public method or property '"
                    + name.group(3)
                    + "'");
          }
        }
      }
    }
    assertThat(expressions).as("expressions found").isGreaterThan(100);
    assertThat(unknown).isEmpty();
    assertThat(unusedNames).as("allowed names no diagram uses any more").isEmpty();
  }

  /**
   * A public method {@code member(...)} or a getter for the property {@code member}, as JUEL
   * resolves them.
   */
  private static boolean hasPublicMember(Object bean, String member) {
    String getter = "get" + Character.toUpperCase(member.charAt(0)) + member.substring(1);
    String isGetter = "is" + getter.substring(3);
    return Arrays.stream(AopUtils.getTargetClass(bean).getMethods())
        .map(Method::getName)
        .anyMatch(
            method -> method.equals(member) || method.equals(getter) || method.equals(isGetter));
  }

  /**
   * Camunda Modeler's generated ids: a type and seven random base-36 characters ({@code
   * Activity_0x3k9ab}, {@code Flow_1a2b3c4}, also with {@code _di}), or a number ({@code
   * StartEvent_1}, {@code Process_1}).
   */
  static final Pattern MODELER_DEFAULT =
      Pattern.compile("[A-Za-z]+_((?=[0-9a-z]*[0-9])[0-9a-z]{7}|[0-9]+)(_di)?|sid-[0-9A-Fa-f-]+");

  @Test
  void noIdIsAModelerDefault() {
    List<String> defaults = new ArrayList<>();
    Pattern id = Pattern.compile("\\sid=\"([^\"]+)\"");
    for (Map.Entry<Path, String> diagram : diagrams.entrySet()) {
      Matcher matcher = id.matcher(diagram.getValue());
      while (matcher.find()) {
        if (MODELER_DEFAULT.matcher(matcher.group(1)).matches()) {
          defaults.add(diagram.getKey().getFileName() + ": " + matcher.group(1));
        }
      }
    }
    assertThat(defaults).as("ids to rename to what the element does").isEmpty();
  }
}
