package jp.lg.externalservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A web test that changes the shared Spring context runs in a JVM of its own (see {@link WebTest}):
 * otherwise its context takes over the logins of the shared one, and later web tests get 401 —
 * depending on the order the classes run in.
 */
class TestContextsTest {

  private static final String OWN_CONTEXT = "own-application-context";

  @Test
  @DisplayName("Spring の設定を変える Web テストは own-application-context タグで別の JVM で動く")
  void webTestsWithTheirOwnSettingsRunAlone() throws IOException, ClassNotFoundException {
    List<String> untagged =
        webTests().stream()
            .filter(TestContextsTest::changesTheContext)
            .filter(test -> !tagged(test))
            .map(Class::getName)
            .toList();
    assertThat(untagged).as("add @Tag(\"" + OWN_CONTEXT + "\")").isEmpty();
  }

  private static List<Class<?>> webTests() throws IOException, ClassNotFoundException {
    Path root = Path.of("target", "test-classes");
    List<Class<?>> tests = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith("Test.class")).toList()) {
        String name =
            root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, TestContextsTest.class.getClassLoader());
        if (WebTest.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
          tests.add(type);
        }
      }
    }
    assertThat(tests).as("the web tests were found").hasSizeGreaterThan(10);
    return tests;
  }

  private static boolean changesTheContext(Class<?> test) {
    // declared on the test itself: WebTest's own profiles are the shared context's
    return test.getDeclaredAnnotation(TestPropertySource.class) != null
        || test.getDeclaredAnnotation(ActiveProfiles.class) != null
        || Arrays.stream(test.getDeclaredMethods())
            .anyMatch(method -> method.isAnnotationPresent(DynamicPropertySource.class));
  }

  private static boolean tagged(Class<?> test) {
    return Arrays.stream(test.getAnnotationsByType(Tag.class))
        .anyMatch(tag -> tag.value().equals(OWN_CONTEXT));
  }
}
