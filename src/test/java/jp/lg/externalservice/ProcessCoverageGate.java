package jp.lg.externalservice;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.BaseProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.TestContext;

/**
 * Process test coverage (the report under target/process-test-coverage) and its gate: a test class
 * annotated {@link FullProcessCoverage} fails after its last test if any flow node or sequence flow
 * of the named diagrams was not executed, naming them.
 *
 * <p>Registered by {@link EngineTest} together with {@link EngineExtension}, which adds the
 * coverage parse listener to the engine.
 *
 * <p>Why not the library's own gate ({@code
 * ProcessEngineCoverageProperties.assertClassCoverageAtLeast}): it is read with {@code
 * getBean(ProcessEngineCoverageProperties.class)} and any {@code NoSuchBeanDefinitionException}
 * falls back to defaults without conditions. {@code ProcessEngineCoverageConfiguration} always
 * registers a default bean (its {@code @ConditionalOnMissingBean} is evaluated before a test's
 * nested configuration is read), so a second bean makes the lookup throw {@code
 * NoUniqueBeanDefinitionException} — a subclass of the caught exception — and the assertion
 * silently disappeared: the operation test "passed" 1.0 at 123 of 128 elements. The gate here
 * depends on no bean lookup, and it compares element ids rather than a ratio (the library's ratio
 * also pools every process the class touched).
 *
 * <p>Otherwise the same as the library's {@code ProcessEngineCoverageTestExecutionListener} (a
 * final Kotlin class): one collector per test class, attached to the engine's coverage parse
 * listener before the class runs. That module (spring-test-platform-7) is not on the class path: it
 * registers its listener for every Spring test (spring.factories), and whichever listener starts
 * last takes the engine's events from the other.
 */
public class ProcessCoverageGate extends BaseProcessEngineCoverageTestExecutionListener {

  /**
   * The library's ProcessEngineCoverageConfiguration without its default properties bean: the parse
   * listeners. A {@code @TestConfiguration}, so that component scanning does not add it to every
   * Spring test's engine (where no collector is attached and each execution would fail with
   * "Coverage state must be initialized").
   */
  @TestConfiguration(proxyBeanMethods = false)
  public static class EngineExtension {
    @Bean
    @Order(Ordering.DEFAULT_ORDER + 1)
    AbstractCamundaConfiguration processCoverageParseListeners() {
      return new AbstractCamundaConfiguration() {
        @Override
        public void preInit(SpringProcessEngineConfiguration configuration) {
          ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
        }
      };
    }
  }

  private final DefaultCollector collector =
      new DefaultCollector(new ExecutionContextModelProvider());

  @Override
  protected DefaultCollector getCoverageCollector() {
    return collector;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    super.beforeTestClass(testContext);
    if (!isTestClassExcluded(testContext)) {
      new ProcessEngineAdapter(
              testContext.getApplicationContext().getBean(ProcessEngine.class), collector)
          .initializeListeners();
    }
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    super.afterTestClass(testContext);
    FullProcessCoverage gate =
        AnnotatedElementUtils.findMergedAnnotation(
            testContext.getTestClass(), FullProcessCoverage.class);
    if (gate == null) {
      return;
    }
    Suite suite = collector.getSuites().get(testContext.getTestClass().getName());
    List<String> failures = new ArrayList<>();
    for (String key : gate.value()) {
      Model model =
          collector.getModels().stream()
              .filter(m -> m.getKey().equals(key))
              .findFirst()
              .orElse(null);
      if (model == null || suite == null) {
        failures.add(key + ": never executed");
        continue;
      }
      Set<String> covered =
          suite.getEvents(key).stream().map(Event::getDefinitionKey).collect(Collectors.toSet());
      Set<String> missing = new TreeSet<>(elementIds(model));
      missing.removeAll(covered);
      if (!missing.isEmpty()) {
        failures.add(
            key
                + ": "
                + missing.size()
                + " of "
                + model.getTotalElementCount()
                + " elements not executed "
                + missing);
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          testContext.getTestClass().getSimpleName()
              + " must execute every element of its diagrams (@FullProcessCoverage):\n  "
              + String.join("\n  ", failures));
    }
  }

  /**
   * The flow nodes and sequence flows of the process, counted as the library counts them for its
   * report.
   */
  private static Set<String> elementIds(Model model) {
    BpmnModelInstance diagram =
        Bpmn.readModelFromStream(
            new ByteArrayInputStream(model.getXml().getBytes(StandardCharsets.UTF_8)));
    Set<String> ids = new TreeSet<>();
    Collection<FlowNode> nodes =
        diagram.getModelElementsByType(FlowNode.class).stream()
            .filter(node -> inProcess(node, model.getKey()))
            .toList();
    nodes.forEach(node -> ids.add(node.getId()));
    diagram.getModelElementsByType(SequenceFlow.class).stream()
        .filter(flow -> nodes.contains(flow.getSource()))
        .forEach(flow -> ids.add(flow.getId()));
    return ids;
  }

  private static boolean inProcess(ModelElementInstance element, String processKey) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e instanceof Process process) {
        return process.getId().equals(processKey);
      }
    }
    return false;
  }
}
