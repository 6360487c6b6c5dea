package jp.lg.externalservice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the per-diagram tests ({@code *DiagramTest}), the middle of the three test scopes (issue
 * 13): one diagram deployed into a plain in-memory engine without Spring ({@code
 * src/test/resources/diagram-test.camunda.cfg.xml}), every {@code ${bean}} it names replaced by a
 * Mockito mock registered with {@link Mocks}. An expression whose bean has no mock fails with
 * "Unknown property used in expression", so a test also shows which beans the diagram needs. The
 * listeners the application adds to every diagram through Spring (parse listeners such as the
 * assignment guard) are absent on purpose: the diagram is tested on its own. The journeys through
 * Spring stay in {@code *ProcessTest}. Each class must walk every element of its diagram ({@link
 * #everyElementWalked}); without the test of the yearly checklist's overdue path, for example, the
 * operation's class fails at 123 of 128 elements (0.96).
 */
public abstract class DiagramTest {

  /**
   * The engine extension of a diagram test, with the gate that the class walks every element of the
   * diagrams it deploys: a branch left untested fails the class. Each class declares its own,
   * {@code @RegisterExtension static final ProcessEngineCoverageExtension engine =
   * DiagramTest.everyElementWalked();}: the coverage is counted per class, and one extension shared
   * by all classes would lose its engine after the first class (its afterAll clears it). The engine
   * itself is built once per JVM from {@link #CONFIGURATION} and cached by Camunda's TestHelper.
   */
  /**
   * Not the default {@code camunda.cfg.xml}: Camunda's {@code ProcessEngines.init()} builds an
   * engine from that name whenever something in the Spring tests asks the static registry for the
   * default engine (e.g. engine REST), and that engine would carry this coverage set-up ("Coverage
   * state must be initialized" on a REST submit-form).
   */
  static final String CONFIGURATION = "diagram-test.camunda.cfg.xml";

  protected static ProcessEngineCoverageExtension everyElementWalked() {
    return ProcessEngineCoverageExtension.builder()
        .configurationResource(CONFIGURATION)
        .assertClassCoverageAtLeast(1.0)
        .build();
  }

  protected RuntimeService runtimeService;
  protected RepositoryService repositoryService;
  private final List<String> stubDeployments = new ArrayList<>();

  @BeforeEach
  void initEngine() {
    ProcessEngine processEngine = TestHelper.getProcessEngine(CONFIGURATION);
    // The Spring Boot tests that run in the same JVM find engines by name in this static registry
    // (REST API,
    // webapps, BpmnAwareTests without init): leave only theirs there.
    ProcessEngines.unregister(processEngine);
    BpmnAwareTests.init(processEngine);
    runtimeService = processEngine.getRuntimeService();
    repositoryService = processEngine.getRepositoryService();
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
    BpmnAwareTests.reset();
    ClockUtil.reset();
    stubDeployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  /** A mock of {@code type} that the diagram's {@code ${name}} resolves to. */
  protected static <T> T bean(String name, Class<T> type) {
    T mock = mock(type);
    Mocks.register(name, mock);
    return mock;
  }

  /**
   * Which mocked delegate or listener ran at which element, in order ({@link #at}). Recorded when
   * called: the execution a mock receives moves on afterwards, so Mockito's verify cannot tell
   * where it was.
   */
  protected final List<String> calls = new ArrayList<>();

  protected static String at(String bean, String elementId) {
    return bean + " @ " + elementId;
  }

  /** A mocked {@code camunda:delegateExpression} of a service task or message end event. */
  protected JavaDelegate delegate(String name) {
    return delegate(name, execution -> {});
  }

  /**
   * A mocked delegate that does what the real one does for the gateway after it, e.g. set a
   * variable.
   */
  protected JavaDelegate delegate(String name, Consumer<DelegateExecution> behaviour) {
    JavaDelegate delegate = bean(name, JavaDelegate.class);
    try {
      doAnswer(call -> record(name, call.getArgument(0), behaviour)).when(delegate).execute(any());
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
    return delegate;
  }

  /** A mocked {@code camunda:executionListener delegateExpression}. */
  protected ExecutionListener listener(String name) {
    ExecutionListener listener = bean(name, ExecutionListener.class);
    try {
      doAnswer(call -> record(name, call.getArgument(0), execution -> {}))
          .when(listener)
          .notify(any());
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
    return listener;
  }

  /** Mocked listeners for beans the test only needs to exist and to be called. */
  protected void listeners(String... names) {
    for (String name : names) {
      listener(name);
    }
  }

  private Object record(
      String name, DelegateExecution execution, Consumer<DelegateExecution> behaviour) {
    calls.add(at(name, execution.getCurrentActivityId()));
    behaviour.accept(execution);
    return null;
  }

  /**
   * Deploys a stand-in for a process that a call activity calls: a start and an end event, nothing
   * else. It is deleted after the test.
   */
  protected void deployCalledProcessStub(String key) {
    var model =
        Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Stub")
            .endEvent("Event_Stub")
            .done();
    stubDeployments.add(
        repositoryService
            .createDeployment()
            .addModelInstance(key + "-stub.bpmn", model)
            .deploy()
            .getId());
  }
}
