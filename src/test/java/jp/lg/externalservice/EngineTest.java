package jp.lg.externalservice;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseProcesses;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Integration tests through the real engine, the real H2 database and the real Spring beans, with
 * the demo users, their authorizations, and process test coverage (report under
 * target/process-test-coverage; a class annotated {@link FullProcessCoverage} fails unless it
 * executes every element of its diagrams). The engine gets a unique name: the REST API and the
 * webapps of {@link WebTest} look up the engine named "default".
 */
@SpringBootTest(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@ActiveProfiles({"demo", "test"})
@Import(ProcessCoverageGate.EngineExtension.class)
@TestExecutionListeners(
    listeners = ProcessCoverageGate.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class EngineTest {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected FormService formService;
  @Autowired protected HistoryService historyService;
  @Autowired protected IdentityService identityService;

  @BeforeEach
  void initAssertions() {
    init(processEngine);
  }

  /** The fields a refusal names, in order. */
  protected static List<String> fields(jp.lg.externalservice.system.InputValidationException e) {
    return e.getErrors().stream().map(jp.lg.externalservice.system.FieldError::field).toList();
  }

  /** Moves the engine clock (due dates, timers) forward. */
  protected static void moveClock(java.time.Duration duration) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
        java.util.Date.from(
            org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                .toInstant()
                .plus(duration)));
  }

  /**
   * Runs {@code action} and returns the validation error the server answered with; fails if it
   * accepted.
   */
  protected jp.lg.externalservice.system.InputValidationException refused(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // a task listener's refusal (e.g. an assignment) reaches the caller wrapped by the engine
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof jp.lg.externalservice.system.InputValidationException invalid) {
          return invalid;
        }
      }
      throw e;
    }
    throw new AssertionError("expected the server to refuse the input");
  }

  /** A variables map from name/value pairs (values may be null). */
  protected static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> variables = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put((String) pairs[i], pairs[i + 1]);
    }
    return variables;
  }

  /**
   * Runs {@code action} as {@code userId} with their groups, as the REST filter and the webapps do.
   */
  protected <T> T as(String userId, Supplier<T> action) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    identityService.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  protected void asUser(String userId, Runnable action) {
    as(
        userId,
        () -> {
          action.run();
          return null;
        });
  }

  /**
   * Files an application as Tasklist does: the start form (the service name) opens the draft, then
   * the applicant submits the application form in {@code Task_FillInApplication}.
   */
  protected ProcessInstance submitApplication(String applicant, Map<String, Object> variables) {
    ProcessInstance instance = startApplication(applicant, variables);
    Task draft = fillInTask(instance);
    as(
        applicant,
        () -> {
          formService.submitTaskForm(draft.getId(), variables);
          return null;
        });
    runAsyncContinuations(instance.getId());
    return instance;
  }

  /** Only the start form: a draft application waiting in {@code Task_FillInApplication}. */
  protected ProcessInstance startApplication(String applicant, Map<String, Object> variables) {
    String definitionId = repositoryDefinitionId(CaseProcesses.APPLICATION);
    Map<String, Object> start = new java.util.HashMap<>();
    start.put("serviceName", variables.get("serviceName"));
    return as(applicant, () -> formService.submitStartForm(definitionId, start));
  }

  protected Task fillInTask(ProcessInstance instance) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(ApplicationProcess.Element.FILL_IN_APPLICATION)
        .singleResult();
  }

  /**
   * Runs the asynchronous continuations (e.g. the registry writes) pending in the tree of this
   * instance, as the job executor would right after the transaction; timers and jobs that already
   * failed are left alone.
   */
  protected void runAsyncContinuations(String processInstanceId) {
    var management = processEngine.getManagementService();
    for (int round = 0; round < 20; round++) {
      ProcessInstance current =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceId(processInstanceId)
              .singleResult();
      if (current == null) {
        return;
      }
      List<org.camunda.bpm.engine.runtime.Job> jobs = new java.util.ArrayList<>();
      for (String id : instanceTree(current.getRootProcessInstanceId())) {
        jobs.addAll(
            management.createJobQuery().processInstanceId(id).messages().executable().list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  protected String repositoryDefinitionId(String key) {
    return processEngine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult()
        .getId();
  }

  protected Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** The open task with this definition key in the instance or any process it called, or null. */
  protected Task task(ProcessInstance instance, String taskDefinitionKey) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceIdIn(instanceTree(instance.getId()))
            .taskDefinitionKey(taskDefinitionKey)
            .list();
    if (tasks.size() > 1) {
      throw new AssertionError("more than one open " + taskDefinitionKey + ": " + tasks);
    }
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  /** The open tasks in the instance and every process it called. */
  protected List<Task> openTasks(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceIdIn(instanceTree(instance.getId())).list();
  }

  protected String[] instanceTree(String rootId) {
    List<String> ids = new java.util.ArrayList<>(List.of(rootId));
    for (int i = 0; i < ids.size(); i++) {
      runtimeService
          .createProcessInstanceQuery()
          .superProcessInstanceId(ids.get(i))
          .list()
          .forEach(sub -> ids.add(sub.getId()));
    }
    return ids.toArray(String[]::new);
  }

  /** The running process called (directly or not) by {@code instance} with this definition key. */
  protected ProcessInstance calledInstance(ProcessInstance instance, String processDefinitionKey) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceIds(new java.util.HashSet<>(List.of(instanceTree(instance.getId()))))
        .processDefinitionKey(processDefinitionKey)
        .singleResult();
  }

  /**
   * Executes the timers of the instance (and the processes it called) that are due on the engine
   * clock.
   */
  protected int fireDueTimers(ProcessInstance instance) {
    List<org.camunda.bpm.engine.runtime.Job> timers = new java.util.ArrayList<>();
    for (String id : instanceTree(instance.getId())) {
      timers.addAll(
          processEngine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(id)
              .timers()
              .executable()
              .list());
    }
    timers.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    return timers.size();
  }

  /**
   * Runs every pending batch (e.g. setting removal times) to its end, as the job executor would.
   */
  protected void executeBatches() {
    var management = processEngine.getManagementService();
    for (int round = 0; round < 10; round++) {
      List<org.camunda.bpm.engine.batch.Batch> batches = management.createBatchQuery().list();
      if (batches.isEmpty()) {
        return;
      }
      for (var batch : batches) {
        for (String definition :
            new String[] {
              batch.getSeedJobDefinitionId(),
              batch.getBatchJobDefinitionId(),
              batch.getMonitorJobDefinitionId()
            }) {
          management
              .createJobQuery()
              .jobDefinitionId(definition)
              .list()
              .forEach(job -> management.executeJob(job.getId()));
        }
      }
    }
  }

  /**
   * Completes the open task with this definition key as {@code userId}, claiming it first if it is
   * a group task.
   */
  protected void complete(
      ProcessInstance instance,
      String taskDefinitionKey,
      String userId,
      Map<String, Object> variables) {
    Task open = task(instance, taskDefinitionKey);
    if (open == null) {
      throw new AssertionError("no open " + taskDefinitionKey + "; open: " + openTasks(instance));
    }
    asUser(
        userId,
        () -> {
          if (open.getAssignee() == null) {
            taskService.claim(open.getId(), userId);
          }
          formService.submitTaskForm(open.getId(), variables);
        });
    runAsyncContinuations(instance.getId());
  }

  /** Completes a task through its form as {@code userId}, as Tasklist does. */
  protected void submitTask(String userId, Task task, Map<String, Object> variables) {
    String root =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult()
            .getRootProcessInstanceId();
    asUser(userId, () -> formService.submitTaskForm(task.getId(), variables));
    runAsyncContinuations(root);
  }
}
