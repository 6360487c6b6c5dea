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
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the per-diagram tests ({@code *DiagramTest}), the middle of the three test scopes (issue 13): one diagram
 * deployed into a plain in-memory engine without Spring ({@code src/test/resources/camunda.cfg.xml}), every
 * {@code ${bean}} it names replaced by a Mockito mock registered with {@link Mocks}. An expression whose bean has no
 * mock fails with "Unknown property used in expression", so a test also shows which beans the diagram needs. The
 * listeners the application adds to every diagram through Spring (parse listeners such as the assignment guard) are
 * absent on purpose: the diagram is tested on its own. The journeys through Spring stay in {@code *ProcessTest}.
 */
public abstract class DiagramTest {

  /**
   * One engine for all diagram tests in the JVM, built once from {@code camunda.cfg.xml} and cached by Camunda's
   * TestHelper. The extension is an instance field: a static one in this base class would be shared by every
   * subclass, and its afterAll clears the engine's configuration for the classes that run after the first.
   */
  @RegisterExtension
  protected final ProcessEngineExtension engine =
      ProcessEngineExtension.builder().useProcessEngine(diagramEngine()).build();

  private static ProcessEngine diagramEngine() {
    ProcessEngine engine = TestHelper.getProcessEngine("camunda.cfg.xml");
    // The Spring Boot tests that run in the same JVM find engines by name in this static registry (REST API,
    // webapps, BpmnAwareTests without init): leave only theirs there.
    ProcessEngines.unregister(engine);
    return engine;
  }

  protected RuntimeService runtimeService;
  protected RepositoryService repositoryService;

  @BeforeEach
  void initEngine() {
    ProcessEngine processEngine = engine.getProcessEngine();
    BpmnAwareTests.init(processEngine);
    runtimeService = processEngine.getRuntimeService();
    repositoryService = processEngine.getRepositoryService();
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
    BpmnAwareTests.reset();
    ClockUtil.reset();
  }

  /** A mock of {@code type} that the diagram's {@code ${name}} resolves to. */
  protected static <T> T bean(String name, Class<T> type) {
    T mock = mock(type);
    Mocks.register(name, mock);
    return mock;
  }

  /**
   * Which mocked delegate or listener ran at which element, in order ({@link #at}). Recorded when called: the
   * execution a mock receives moves on afterwards, so Mockito's verify cannot tell where it was.
   */
  protected final List<String> calls = new ArrayList<>();

  protected static String at(String bean, String elementId) {
    return bean + " @ " + elementId;
  }

  /** A mocked {@code camunda:delegateExpression} of a service task or message end event. */
  protected JavaDelegate delegate(String name) {
    return delegate(name, execution -> {});
  }

  /** A mocked delegate that does what the real one does for the gateway after it, e.g. set a variable. */
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
      doAnswer(call -> record(name, call.getArgument(0), execution -> {})).when(listener).notify(any());
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

  private Object record(String name, DelegateExecution execution, Consumer<DelegateExecution> behaviour) {
    calls.add(at(name, execution.getCurrentActivityId()));
    behaviour.accept(execution);
    return null;
  }

  /**
   * Deploys a stand-in for a process that a call activity calls: a start and an end event, nothing else. The
   * extension deletes it after the test.
   */
  protected void deployCalledProcessStub(String key) {
    var model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().endEvent().done();
    engine.manageDeployment(repositoryService.createDeployment()
        .addModelInstance(key + "-stub.bpmn", model)
        .deploy());
  }
}
