package jp.lg.externalservice.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Camunda webapps (Tasklist, Cockpit, Admin, Welcome) are offered in Japanese: our {@code
 * locales/ja.json} covers exactly the keys of the {@code en.json} shipped in the webjar, and our
 * {@code scripts/config.js} overrides make {@code ja} available next to {@code en}.
 */
class WebappLocalesTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";

  /** Marks resources that come from the Camunda webjar rather than from our src/main/resources. */
  private static final String WEBJAR = "camunda-webapp-webjar";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Interpolations ({{name}}), moment.js style ({}, %s, %d) placeholders. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{}|%[sd]");

  /** HTML markup the English texts contain; it must survive translation unchanged. */
  private static final Pattern HTML_TAG =
      Pattern.compile(
          "</?(?:a|b|br|strong|em|i|code|p|span|ul|li)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  private static final Pattern AVAILABLE_LOCALES =
      Pattern.compile("['\"]?availableLocales['\"]?\\s*:\\s*\\[([^\\]]*)]");
  private static final Pattern FALLBACK_LOCALE =
      Pattern.compile("['\"]?fallbackLocale['\"]?\\s*:\\s*['\"]([^'\"]*)['\"]");
  private static final Pattern SHORTCUT =
      Pattern.compile("(\\w+)\\s*:\\s*\\{\\s*key\\s*:\\s*'([^']*)'");

  static Stream<String> apps() {
    return Stream.of("tasklist", "cockpit", "admin", "welcome");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  @DisplayName("ja.json のキーは同梱の en.json と完全に一致する")
  void japaneseHasExactlyTheEnglishKeys(String app) throws IOException {
    Map<String, JsonNode> english = flatten(englishLocale(app));
    Map<String, JsonNode> japanese = flatten(japaneseLocale(app));

    TreeSet<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(japanese.keySet());
    TreeSet<String> extra = new TreeSet<>(japanese.keySet());
    extra.removeAll(english.keySet());
    List<String> typeMismatches = new ArrayList<>();
    english.forEach(
        (key, value) -> {
          JsonNode translated = japanese.get(key);
          if (translated != null && value.getNodeType() != translated.getNodeType()) {
            typeMismatches.add(
                key + ": en=" + value.getNodeType() + " ja=" + translated.getNodeType());
          }
        });
    assertSoftly(
        softly -> {
          softly
              .assertThat(missing)
              .as("%s/locales/ja.json lacks keys of the shipped en.json", app)
              .isEmpty();
          softly
              .assertThat(extra)
              .as("%s/locales/ja.json has keys the shipped en.json does not have", app)
              .isEmpty();
          softly
              .assertThat(typeMismatches)
              .as("%s/locales/ja.json values of another JSON type", app)
              .isEmpty();
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  @DisplayName("ja.json に空の訳はない")
  void noJapaneseValueIsBlank(String app) throws IOException {
    Map<String, JsonNode> english = flatten(englishLocale(app));
    Map<String, JsonNode> japanese = flatten(japaneseLocale(app));

    List<String> blank = new ArrayList<>();
    english.forEach(
        (key, value) -> {
          JsonNode translated = japanese.get(key);
          // Exempt: texts that are blank in English too, and the English plural suffix "s" (no
          // Japanese counterpart).
          boolean exempt =
              value.isTextual() && (value.asText().isBlank() || value.asText().equals("s"));
          if (translated != null
              && translated.isTextual()
              && translated.asText().isBlank()
              && !exempt) {
            blank.add(key);
          }
        });
    assertThat(blank).as("%s/locales/ja.json blank values", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  @DisplayName("プレースホルダーと HTML タグは英語と同じものが訳にも含まれる")
  void placeholdersAndMarkupAreKept(String app) throws IOException {
    Map<String, JsonNode> english = flatten(englishLocale(app));
    Map<String, JsonNode> japanese = flatten(japaneseLocale(app));

    List<String> mismatches = new ArrayList<>();
    english.forEach(
        (key, value) -> {
          JsonNode translated = japanese.get(key);
          if (!value.isTextual() || translated == null || !translated.isTextual()) {
            return;
          }
          for (Pattern pattern : List.of(PLACEHOLDER, HTML_TAG)) {
            List<String> expected = matches(pattern, value.asText());
            List<String> actual = matches(pattern, translated.asText());
            if (!expected.equals(actual)) {
              mismatches.add(key + ": en=" + expected + " ja=" + actual);
            }
          }
        });
    assertThat(mismatches)
        .as("%s/locales/ja.json placeholders or markup differing from en.json", app)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  @DisplayName("config.js の上書きで ja が利用可能になり、en がフォールバックになる")
  void configOffersJapanese(String app) throws IOException {
    String config = withoutLineComments(read(ours(APP_ROOT + app + "/scripts/config.js")));

    Matcher available = AVAILABLE_LOCALES.matcher(config);
    assertThat(available.find())
        .as("%s/scripts/config.js sets locales.availableLocales", app)
        .isTrue();
    assertThat(available.group(1)).as("%s availableLocales", app).contains("'ja'").contains("'en'");
    Matcher fallback = FALLBACK_LOCALE.matcher(config);
    assertThat(fallback.find())
        .as("%s/scripts/config.js sets locales.fallbackLocale", app)
        .isTrue();
    assertThat(fallback.group(1)).as("%s fallbackLocale", app).isEqualTo("en");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  @DisplayName("config.js の上書きは同梱版のショートカット設定を保持する")
  void configKeepsShippedShortcuts(String app) throws IOException {
    String shipped = withoutLineComments(read(webjar(APP_ROOT + app + "/scripts/config.js")));
    String ours = withoutLineComments(read(ours(APP_ROOT + app + "/scripts/config.js")));

    assertThat(shortcuts(ours))
        .as("%s/scripts/config.js shortcuts", app)
        .isEqualTo(shortcuts(shipped));
  }

  // ---------------------------------------------------------------------------------------------------------

  private static JsonNode englishLocale(String app) throws IOException {
    return parse(webjar(APP_ROOT + app + "/locales/en.json"));
  }

  private static JsonNode japaneseLocale(String app) throws IOException {
    return parse(ours(APP_ROOT + app + "/locales/ja.json"));
  }

  /** The single copy of {@code path} that the Camunda webjar ships. */
  private static URL webjar(String path) throws IOException {
    return single(path, true);
  }

  /** The single copy of {@code path} from our own resources (not the webjar). */
  private static URL ours(String path) throws IOException {
    return single(path, false);
  }

  private static URL single(String path, boolean fromWebjar) throws IOException {
    List<URL> found = new ArrayList<>();
    for (URL url : Collections.list(WebappLocalesTest.class.getClassLoader().getResources(path))) {
      if (url.toString().contains(WEBJAR) == fromWebjar) {
        found.add(url);
      }
    }
    assertThat(found)
        .as("%s on the classpath (%s)", path, fromWebjar ? "Camunda webjar" : "our resources")
        .hasSize(1);
    return found.get(0);
  }

  private static JsonNode parse(URL url) throws IOException {
    // Jackson detects the encoding and skips the UTF-8 BOM the shipped files start with.
    try (InputStream in = url.openStream()) {
      return MAPPER.readTree(in);
    }
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Leaf values by path, e.g. {@code labels.SAVE} or {@code dateLocales.months[0]}. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field ->
                  flatten(
                      path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                      field.getValue(),
                      leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    Collections.sort(found);
    return found;
  }

  private static String withoutLineComments(String script) {
    return script.replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
  }

  private static Map<String, String> shortcuts(String config) {
    Map<String, String> bindings = new LinkedHashMap<>();
    Matcher matcher = SHORTCUT.matcher(config);
    while (matcher.find()) {
      bindings.put(matcher.group(1), matcher.group(2));
    }
    return bindings;
  }
}
