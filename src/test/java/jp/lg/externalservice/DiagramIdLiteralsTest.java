package jp.lg.externalservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.classification.DmnRuleTables;
import org.junit.jupiter.api.Test;

/**
 * Tests name the diagrams' elements, messages, process keys and decision keys by the constants of
 * the backing classes ({@code ApplicationProcess.Element.DOUBLE_CHECK}, {@code CaseSteps.REVIEW},
 * {@code CaseProcesses.REVIEW}, {@code DmnRuleTables.EXEMPTION_DECISION} ...), never as string
 * literals (issue 13 finding 3): a renamed element then breaks the compile or {@link
 * DiagramReferencesTest}, instead of leaving a test that waits for a stale id. Every string literal
 * in {@code src/test/java} is scanned; an id is found also inside a longer literal (a REST path, a
 * CSV row), but a file name such as {@code processes/external-service-review.bpmn} is a file, not a
 * key.
 */
class DiagramIdLiteralsTest {

  static final Path TESTS = Path.of("src/test/java");
  static final Path DIAGRAMS = Path.of("processes");

  /**
   * Literals where writing the id is the point, as {@code file: id}. Kept exact: an entry that
   * matches nothing any more fails the test too.
   */
  static final Set<String> ALLOWED =
      Set.of(
          // a display name: prose for the reader of the test report, which names the message it
          // sends
          "security/TrustworthyCaseFindingsTest.java: Message_TerminationRequired",
          // an administrator's revision of the review diagram: the test edits the XML text of the
          // file itself
          "administration/RevisionTest.java: Flow_Reviewed",
          "administration/RevisionTest.java: Task_Review",
          "administration/RevisionTest.java: Gateway_NiscAdvice");

  /** This test: its allow-list names ids. */
  static final String SELF = "DiagramIdLiteralsTest.java";

  /**
   * An element id, a message name, a process id or a decision id of the diagrams and rule tables.
   */
  static final Pattern DIAGRAM_ID = Pattern.compile("<bpmn:[A-Za-z]+ [^>]*?\\bid=\"([^\"]+)\"");

  static final Pattern MESSAGE_NAME = Pattern.compile("<bpmn:message [^>]*\\bname=\"([^\"]+)\"");
  static final Pattern DECISION_ID = Pattern.compile("<decision [^>]*\\bid=\"([^\"]+)\"");

  /**
   * A file named in a literal (a diagram, a form): its name is the file's, not a reference to a
   * key.
   */
  static final Pattern FILE_NAME = Pattern.compile("[\\w./-]+\\.(bpmn|dmn|form|json)\\b");

  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");

  @Test
  void testsNameDiagramIdsByTheirConstants() throws IOException, IllegalAccessException {
    Set<String> ids = diagramIds();
    assertThat(ids)
        .as("ids read from processes/")
        .hasSizeGreaterThan(300)
        .contains(
            CaseSteps.REVIEW,
            CaseProcesses.MESSAGE_SERVICE_APPROVED,
            CaseProcesses.APPLICATION,
            DmnRuleTables.ZONE_MATRIX_DECISION);
    Map<String, String> constants = constants();

    List<String> literals = new ArrayList<>();
    Set<String> unusedAllowances = new TreeSet<>(ALLOWED);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(TESTS)) {
      files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
    for (Path file : files) {
      String name =
          TESTS.resolve("jp/lg/externalservice").relativize(file).toString().replace('\\', '/');
      if (name.equals(SELF)) {
        continue;
      }
      String source = Files.readString(file, StandardCharsets.UTF_8);
      for (Literal literal : stringLiterals(source)) {
        Matcher token = TOKEN.matcher(FILE_NAME.matcher(literal.text()).replaceAll(" "));
        while (token.find()) {
          String id = token.group();
          if (!ids.contains(id)
              || unusedAllowances.remove(name + ": " + id)
              || ALLOWED.contains(name + ": " + id)) {
            continue;
          }
          literals.add(
              name
                  + ":"
                  + literal.line()
                  + ": \""
                  + id
                  + "\" — use "
                  + constants.getOrDefault(
                      id, "a constant: declare it in the Element class of its backing class"));
        }
      }
    }
    assertThat(literals).as("diagram ids and keys written as literals in src/test/java").isEmpty();
    assertThat(unusedAllowances).as("allowed literals no test writes any more").isEmpty();
  }

  /**
   * Every id a test could name: elements, messages and processes of the diagrams, decisions of the
   * tables.
   */
  static Set<String> diagramIds() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(DIAGRAMS)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.(bpmn|dmn)")).toList()) {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        for (Pattern pattern : List.of(DIAGRAM_ID, MESSAGE_NAME, DECISION_ID)) {
          pattern.matcher(xml).results().map(match -> match.group(1)).forEach(ids::add);
        }
      }
    }
    return ids;
  }

  /**
   * The constant to write for each id, for the failure message: {@code
   * ReviewProcess.Element.REVIEW_IT_PLANNING}.
   */
  static Map<String, String> constants() throws IllegalAccessException {
    Map<String, String> constants = new TreeMap<>();
    List<Class<?>> classes = new ArrayList<>(DiagramReferencesTest.BACKING_CLASSES);
    classes.add(DmnRuleTables.class);
    for (Class<?> type : classes) {
      collect(type, type.getSimpleName(), constants);
    }
    return constants;
  }

  private static void collect(Class<?> type, String prefix, Map<String, String> constants)
      throws IllegalAccessException {
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && field.getType() == String.class) {
        constants.merge(
            (String) field.get(null), prefix + "." + field.getName(), (a, b) -> a + " or " + b);
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      collect(nested, prefix + "." + nested.getSimpleName(), constants);
    }
  }

  record Literal(int line, String text) {}

  /**
   * The string literals and text blocks of a Java source with their line, skipping comments and
   * char literals. Escapes are kept as written: ids contain no characters that need one.
   */
  static List<Literal> stringLiterals(String source) {
    List<Literal> literals = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (source.startsWith("//", i)) {
        i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        line += count(source, i, end);
        i = end;
      } else if (c == '\'') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != '\'') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        i = end + 1;
      } else if (c == '"') {
        boolean block = source.startsWith("\"\"\"", i);
        String close = block ? "\"\"\"" : "\"";
        int start = i + close.length();
        int end = start;
        while (end < source.length() && !source.startsWith(close, end)) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        literals.add(new Literal(line, source.substring(start, Math.min(end, source.length()))));
        line += count(source, i, end);
        i = end + close.length();
      } else {
        i++;
      }
    }
    return literals;
  }

  private static int count(String source, int from, int to) {
    int lines = 0;
    for (int i = from; i < Math.min(to, source.length()); i++) {
      if (source.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  @Test
  void theScannerFindsLiteralsButNotCommentsOrChars() {
    String source =
        "class A {\n  // \"Task_InComment\"\n  /* \"Task_InBlock\"\n */ char q = '\"';\n"
            + "  String s = \"Task_One\" + \"a\\\"b\";\n  String t = \"\"\"\n    Task_Two\n    \"\"\";\n}\n";
    assertThat(stringLiterals(source))
        .containsExactly(
            new Literal(5, "Task_One"),
            new Literal(5, "a\\\"b"),
            new Literal(6, "\n    Task_Two\n    "));
  }
}
