package jp.lg.externalservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule citation in the code, the diagrams, the rule tables, the forms and the docs resolves
 * inside the repository: it has its line in {@code docs/rules.md} (issue 13). A citation that
 * cannot be resolved without guessing (a bare {@code §14}, {@code §9(2)(3)}) is refused, so that it
 * is written out once.
 *
 * <p>Citation styles, as written in the sources' own numbering (domain-spec.md §0.1):
 *
 * <ul>
 *   <li>{@code R-12}, {@code ruling R-12}: a product ruling → key {@code R-12}
 *   <li>{@code 004 §9(1)}, {@code 002 §5(2)①–⑧}, {@code 004 §11, §13}, {@code 004 §10–§14}: a
 *       section of 000, 002 or 004 → key {@code 004 §9(1)} (document, section and first sub-number;
 *       items ①, ア, (a) are within it)
 *   <li>{@code 003 第10 2(2)②ア}: 003 → key {@code 003 第10 2(2)}; {@code 001 8.2(4)③} → key {@code
 *       001 8.2(4)}
 *   <li>{@code 004 別表}, {@code 別表}: the selection criteria of 004 → key {@code 004 別表}; {@code 000
 *       別紙}, {@code 002 様式}, {@code 004 参考フローチャート}; {@code 様式1}–{@code 様式7} → key {@code 様式4}
 *   <li>{@code rulings.md §2}, {@code domain-spec FE-6} (also {@code FE-6} alone)
 * </ul>
 */
class RuleCitationsTest {

  static final Path RULES = Path.of("docs/rules.md");
  static final List<String> SCANNED = List.of("src/main", "processes", "forms", "docs");
  static final Set<String> TEXT_FILES =
      Set.of(
          "java",
          "bpmn",
          "dmn",
          "form",
          "md",
          "yaml",
          "yml",
          "properties",
          "js",
          "html",
          "css",
          "sql",
          "json",
          "txt");

  private static final String SECTION = "§\\d+(?:\\(\\d+\\))?";

  /**
   * A document number and its first cited section; items after the section ({@code ④⑤}, {@code ア})
   * are skipped.
   */
  static final Pattern DOCUMENT =
      Pattern.compile(
          "\\b(00[0-4]) +("
              + SECTION
              + "|第\\d+ \\d+(?:\\(\\d+\\))?"
              + "|8\\.\\d(?:【[^】]+】)?(?:\\(\\d+\\))?|別表|別紙|様式(?!\\d)|参考フローチャート)"
              + "((?:[^\\s,、;)）]*(?:(?:[,、] ?|–)"
              + SECTION
              + "))*)");

  /** Further sections of the same document: {@code , §13} or a range {@code –§14}. */
  static final Pattern CONTINUATION = Pattern.compile("([,、]|–) ?(" + SECTION + ")");

  static final Pattern RULING = Pattern.compile("\\bR-(\\d+)\\b");
  static final Pattern RULINGS_SECTION = Pattern.compile("rulings\\.md +§(\\d+)");
  static final Pattern FOUR_EYES = Pattern.compile("\\bFE-(\\d+)\\b");
  static final Pattern FORM = Pattern.compile("様式([1-7])");

  /**
   * Written as if one section, but meaning two ({@code §9(2)(3)}, {@code §9(2)/(3)}), or a 002 form
   * in English.
   */
  static final Pattern AMBIGUOUS =
      Pattern.compile(
          "§\\d+\\(\\d+\\)(?:\\(\\d+\\)|/\\()|\\b00[0-4] (?:forms?|annex|flowchart)\\b");

  static final Pattern ELEMENT_ID = Pattern.compile("\\bid=\"([^\"]+)\"");

  /** A key of docs/rules.md: the first cell of a table row, in backticks. */
  static final Pattern RULES_KEY = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

  /**
   * Staff read a citation with the document's name (system/StaffWording): read back as its number,
   * longest name first.
   */
  static final java.util.List<Map.Entry<String, String>> STAFF_NAMES =
      List.of(
          Map.entry("約款による外部サービスの利用手順 ", "002 "),
          Map.entry("情報セキュリティ対策基準 ", "003 "),
          Map.entry("練馬区ガイドライン ", "004 "),
          Map.entry("関係省庁申合せ ", "000 "),
          Map.entry("対策基準 ", "001 "));

  static String asNumbers(String text) {
    for (Map.Entry<String, String> name : STAFF_NAMES) {
      text = text.replace(name.getKey(), name.getValue());
    }
    return text;
  }

  @Test
  void everyCitationHasItsLineInRulesMd() throws IOException {
    Set<String> documented = documentedKeys(Files.readString(RULES));
    Map<String, String> cited = new LinkedHashMap<>();
    List<String> ambiguous = new ArrayList<>();
    for (Path file : scannedFiles()) {
      citations(file, asNumbers(Files.readString(file, StandardCharsets.UTF_8)), cited, ambiguous);
    }

    List<String> missing =
        cited.entrySet().stream()
            .filter(cite -> !documented.contains(cite.getKey()))
            .map(cite -> cite.getKey() + "  (first cited at " + cite.getValue() + ")")
            .toList();
    List<String> stale =
        documented.stream()
            .filter(key -> !key.startsWith("R-") && !cited.containsKey(key))
            .toList();
    assertSoftly(
        softly -> {
          softly
              .assertThat(ambiguous)
              .as("citations to write out with their document (docs/rules.md names the styles)")
              .isEmpty();
          softly.assertThat(missing).as("citations without a line in docs/rules.md").isEmpty();
          softly
              .assertThat(stale)
              .as("lines of docs/rules.md that nothing cites any more")
              .isEmpty();
        });
  }

  @Test
  void rulesMdHasOneLinePerRulingInOrder() throws IOException {
    List<Integer> rulings =
        RULES_KEY
            .matcher(Files.readString(RULES))
            .results()
            .map(match -> match.group(1))
            .filter(key -> key.matches("R-\\d+"))
            .map(key -> Integer.parseInt(key.substring(2)))
            .toList();
    assertThat(rulings).isNotEmpty();
    for (int i = 0; i < rulings.size(); i++) {
      assertThat(rulings.get(i)).as("ruling line %d of docs/rules.md", i + 1).isEqualTo(i + 1);
    }
  }

  @Test
  void theStylesAreRecognised() {
    Map<String, String> cited = new LinkedHashMap<>();
    List<String> ambiguous = new ArrayList<>();
    citations(
        Path.of("example"),
        """
        // ruling R-12; 004 §9(1)（※）, 004 §11, §13; 004 §10–§12; 002 §5(1)④⑤, §7(1)④⑤ the
        // 003 第10 2(2)②ア, 001 8.2(4)③, 001 8.2【解説】(6)①–③, 別表, 000 別紙, 様式4, rulings.md §2 (FE-6)
        // the §14 check; 004 §9(2)(3) 終了; 002 form
        """,
        cited,
        ambiguous);
    assertThat(cited.keySet())
        .containsExactlyInAnyOrder(
            "R-12",
            "004 §9(1)",
            "004 §11",
            "004 §13",
            "004 §10",
            "004 §12",
            "002 §5(1)",
            "002 §7(1)",
            "003 第10 2(2)",
            "001 8.2(4)",
            "001 8.2【解説】(6)",
            "004 別表",
            "000 別紙",
            "様式4",
            "rulings.md §2",
            "domain-spec FE-6",
            "004 §9(2)");
    assertThat(ambiguous).hasSize(3);
  }

  @Test
  void theClassesAndElementsNamedInRulesMdExist() throws IOException {
    Set<String> known = new TreeSet<>();
    for (Path file : scannedFiles()) {
      String name = file.getFileName().toString();
      if (name.endsWith(".java")) {
        known.add(name.substring(0, name.length() - ".java".length()));
      } else if (name.endsWith(".bpmn") || name.endsWith(".dmn")) {
        ELEMENT_ID
            .matcher(Files.readString(file))
            .results()
            .forEach(match -> known.add(match.group(1)));
      }
    }
    List<String> unknown = new ArrayList<>();
    for (String row :
        Files.readString(RULES).lines().filter(line -> RULES_KEY.matcher(line).find()).toList()) {
      String appliedIn = row.substring(row.lastIndexOf(" | ") + 3);
      Pattern.compile("`([^`]+)`")
          .matcher(appliedIn)
          .results()
          .map(match -> match.group(1))
          .filter(name -> !known.contains(name))
          .forEach(name -> unknown.add(name + " in: " + row.substring(0, 20)));
    }
    assertThat(unknown)
        .as("classes or diagram elements of docs/rules.md that no longer exist (renamed?)")
        .isEmpty();
  }

  static Set<String> documentedKeys(String rules) {
    Set<String> keys = new TreeSet<>();
    RULES_KEY.matcher(rules).results().forEach(match -> keys.add(match.group(1)));
    return keys;
  }

  static List<Path> scannedFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder : SCANNED) {
      try (Stream<Path> walk = Files.walk(Path.of(folder))) {
        walk.filter(Files::isRegularFile)
            .filter(file -> !file.normalize().equals(RULES))
            .filter(file -> TEXT_FILES.contains(extension(file)))
            .sorted()
            .forEach(files::add);
      }
    }
    assertThat(files).as("files scanned for citations").hasSizeGreaterThan(100);
    return files;
  }

  /**
   * Adds each citation key of {@code text} with its first location, and each ambiguous citation.
   */
  private static final Pattern COMMENT_CONTINUATION =
      Pattern.compile("\\n[ \\t]*(?:\\*(?!/)|//)[ \\t]?");

  static void citations(
      Path file, String source, Map<String, String> cited, List<String> ambiguous) {
    // A formatter wraps comments anywhere, also inside "002 §5(2)": read a comment's continuation
    // lines as one line
    // (the same length, so a citation is reported at the line where its comment line starts).
    String text =
        COMMENT_CONTINUATION
            .matcher(source)
            .replaceAll(match -> " ".repeat(match.group().length()));
    Set<Integer> resolvedSections = new TreeSet<>();
    Matcher document = DOCUMENT.matcher(text);
    while (document.find()) {
      String number = document.group(1);
      String first = document.group(2);
      String key = number + " " + first;
      cite(cited, first.equals("別表") ? "004 別表" : key, file, text, document.start());
      String previous = first;
      Matcher more = CONTINUATION.matcher(document.group(3));
      while (more.find()) {
        String section = more.group(2);
        if (more.group(1).equals("–")) {
          for (int n = sectionNumber(previous) + 1; n <= sectionNumber(section); n++) {
            cite(cited, number + " §" + n, file, text, document.start());
          }
        } else {
          cite(cited, number + " " + section, file, text, document.start());
        }
        previous = section;
      }
      for (int i = document.start(); i < document.end(); i++) {
        if (text.charAt(i) == '§') {
          resolvedSections.add(i);
        }
      }
    }
    Matcher rulingsSection = RULINGS_SECTION.matcher(text);
    while (rulingsSection.find()) {
      cite(cited, "rulings.md §" + rulingsSection.group(1), file, text, rulingsSection.start());
      resolvedSections.add(rulingsSection.start() + rulingsSection.group().indexOf("§"));
    }
    RULING
        .matcher(text)
        .results()
        .forEach(match -> cite(cited, "R-" + match.group(1), file, text, match.start()));
    FOUR_EYES
        .matcher(text)
        .results()
        .forEach(
            match -> cite(cited, "domain-spec FE-" + match.group(1), file, text, match.start()));
    FORM.matcher(text)
        .results()
        .forEach(match -> cite(cited, "様式" + match.group(1), file, text, match.start()));
    int bareTable = text.indexOf("別表");
    if (bareTable >= 0) {
      cite(cited, "004 別表", file, text, bareTable);
    }
    for (int i = text.indexOf('§'); i >= 0; i = text.indexOf('§', i + 1)) {
      if (!resolvedSections.contains(i)) {
        ambiguous.add(location(file, text, i) + ": " + excerpt(text, i) + " (which document?)");
      }
    }
    AMBIGUOUS
        .matcher(text)
        .results()
        .forEach(
            match -> ambiguous.add(location(file, text, match.start()) + ": " + match.group()));
  }

  private static void cite(
      Map<String, String> cited, String key, Path file, String text, int offset) {
    cited.putIfAbsent(key, location(file, text, offset));
  }

  private static int sectionNumber(String section) {
    Matcher number = Pattern.compile("§(\\d+)").matcher(section);
    return number.find() ? Integer.parseInt(number.group(1)) : 0;
  }

  private static String location(Path file, String text, int offset) {
    return file + ":" + (text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1);
  }

  private static String excerpt(String text, int offset) {
    return text.substring(Math.max(0, offset - 20), Math.min(text.length(), offset + 20))
        .replace('\n', ' ');
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
