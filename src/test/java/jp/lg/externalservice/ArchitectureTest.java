package jp.lg.externalservice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code (docs/architecture.md, "Packages"): one package per flow, none importing
 * another; the case vocabulary and record below them; the rules and the registry without BPMN;
 * {@code system} and {@code security} as leaves. Plain JUnit over the compiled main classes: no
 * Spring, no engine.
 */
class ArchitectureTest {

  private static final String BASE = "jp.lg.externalservice";
  private static final String[] FLOWS = {
    "application", "review", "sns", "operation", "termination", "succession"
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
  }

  @Test
  @DisplayName(
      "flows do not import each other: they meet in caserecord (vocabulary, record, messages)")
  void flowsAreIndependent() {
    for (String flow : FLOWS) {
      String[] others =
          java.util.Arrays.stream(FLOWS)
              .filter(other -> !other.equals(flow))
              .map(other -> BASE + "." + other + "..")
              .toArray(String[]::new);
      check(
          noClasses()
              .that()
              .resideInAPackage(BASE + "." + flow + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(others)
              .because(
                  "a flow starts or ends another through CaseProcesses and CaseMessages, never by importing it"));
    }
  }

  @Test
  @DisplayName(
      "caserecord, checklist, registry and classification use no flow and no administration")
  void sharedPackagesStayBelowTheFlows() {
    String[] above =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(FLOWS),
                java.util.stream.Stream.of(
                    "administration", "attachment", "caselist", "audit", "document"))
            .map(p -> BASE + "." + p + "..")
            .toArray(String[]::new);
    check(
        noClasses()
            .that()
            .resideInAnyPackage(
                BASE + ".caserecord..",
                BASE + ".certification..", // below the flows: application and review call it
                BASE + ".checklist..",
                BASE + ".registry..",
                BASE + ".classification..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(above));
  }

  @Test
  @DisplayName("notification (mail) is below the flows: they call it, it uses none of them")
  void notificationStaysBelowTheFlows() {
    String[] above =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(FLOWS),
                java.util.stream.Stream.of("administration", "attachment", "caselist"))
            .map(p -> BASE + "." + p + "..")
            .toArray(String[]::new);
    check(
        noClasses()
            .that()
            .resideInAPackage(BASE + ".notification..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(above));
  }

  @Test
  @DisplayName("classification, checklist and registry know no BPMN")
  void rulesKnowNoBpmn() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(
                BASE + ".classification..", BASE + ".checklist..", BASE + ".registry..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.camunda.bpm.engine.delegate..",
                "org.camunda.bpm.model..",
                "org.camunda.bpm.engine.runtime..",
                "org.camunda.bpm.engine.task..",
                BASE + ".caserecord..")
            .because(
                "the rules are pure: the pre-check, the registry and the flows all call the same code"));
  }

  @Test
  @DisplayName(
      "deputy (代理) is below the flows and above caserecord: the rules reach it through StandIns")
  void deputiesStayBelowTheFlows() {
    check(
        noClasses()
            .that()
            .resideInAPackage(BASE + ".deputy..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                otherThan("deputy", "caserecord", "notification", "security", "system")));
    check(
        noClasses()
            .that()
            .resideInAnyPackage(BASE + ".caserecord..", BASE + ".notification..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BASE + ".deputy..")
            .because(
                "four-eyes and the case record ask security.StandIns, which deputy implements"));
  }

  @Test
  @DisplayName("system is a leaf; security uses only system")
  void systemAndSecurityAreLeaves() {
    check(
        noClasses()
            .that()
            .resideInAPackage(BASE + ".system..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(otherThan("system")));
    check(
        noClasses()
            .that()
            .resideInAPackage(BASE + ".security..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(otherThan("security", "system")));
  }

  @Test
  @DisplayName("directory (the ward's LDAP) is below the flows: it uses only security and system")
  void directoryUsesOnlySecurityAndSystem() {
    check(
        noClasses()
            .that()
            .resideInAPackage(BASE + ".directory..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(otherThan("directory", "security", "system"))
            .because(
                "what depends on people (the registry's successor task …) listens to DirectoryChanged"));
  }

  @Test
  @DisplayName("no cycles between the feature packages")
  void noPackageCycles() {
    check(slices().matching(BASE + ".(*)..").should().beFreeOfCycles());
  }

  /** Every feature package of the application except the given ones. */
  private static String[] otherThan(String... allowed) {
    java.util.Set<String> ok = java.util.Set.of(allowed);
    return classes.stream()
        .map(c -> c.getPackageName())
        .filter(p -> p.startsWith(BASE + "."))
        .map(p -> p.substring(BASE.length() + 1).split("\\.")[0])
        .distinct()
        .filter(p -> !ok.contains(p))
        .map(p -> BASE + "." + p + "..")
        .toArray(String[]::new);
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }
}
