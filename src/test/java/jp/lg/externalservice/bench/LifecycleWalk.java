package jp.lg.externalservice.bench;

import static jp.lg.externalservice.TaskAnswers.allCriteriaMet;
import static jp.lg.externalservice.TaskAnswers.decision;
import static jp.lg.externalservice.TaskAnswers.doubleCheck;
import static jp.lg.externalservice.TaskAnswers.measuresAllMet;
import static jp.lg.externalservice.TaskAnswers.review;
import static jp.lg.externalservice.TaskAnswers.usageRisksAcknowledged;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.operation.OperationProcess;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.termination.TerminationProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * One complete case of the real application, every user task completed through its form by the
 * person of the role (the walk of the process tests): the application on the IMPORTANT route
 * (draft, then the application form) → 別表 check → self-check → double check by the 利用責任者 → review
 * beside 情報化企画 → decision → usage risks → contract → operation start (様式4, 様式5) → termination with
 * 様式6 → double check → 様式3 received. 13 user tasks, 4 process instances.
 */
final class LifecycleWalk {

  /** Applicant, 利用責任者 of the same department. */
  record Department(String applicant, String securityOfficer) {}

  static final List<Department> DEPARTMENTS =
      List.of(new Department("sato", "takahashi"), new Department("suzuki", "ito"));
  static final String[] REVIEWERS = {"yamamoto", "nakamura"};

  private final ProcessEngine engine;
  private final Actors actors;
  private final String applicationDefinitionId;
  private final String terminationDefinitionId;
  private final AtomicLong counter = new AtomicLong();

  /** Whether the time of each step is summed (for the breakdown of single-thread runs). */
  volatile boolean recordSteps;

  private final Map<String, LongAdder[]> steps = new java.util.concurrent.ConcurrentSkipListMap<>();

  LifecycleWalk(ProcessEngine engine, Actors actors) {
    this.engine = engine;
    this.actors = actors;
    this.applicationDefinitionId = latest(engine, ApplicationProcess.KEY);
    this.terminationDefinitionId = latest(engine, TerminationProcess.KEY);
  }

  static String latest(ProcessEngine engine, String key) {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult()
        .getId();
  }

  /**
   * Walks one case; returns the ids of its four process instances (application, review, operation,
   * termination).
   */
  List<String> walk() {
    long n = counter.incrementAndGet();
    Department department = DEPARTMENTS.get((int) (n % DEPARTMENTS.size()));
    String applicant = department.applicant();
    String reviewer = REVIEWERS[(int) (n / 2 % REVIEWERS.length)];

    Map<String, Object> answers =
        ApplicationAnswers.kintone()
            .service("kintone 相談記録 " + n, "CLOUD_INTERNET", "BUSINESS_APPLICATION")
            .informationTypes("PERSONAL")
            .with("serviceManager", applicant)
            .variables();
    ProcessInstance application =
        timed(
            "01 submit application",
            () ->
                actors.as(
                    applicant,
                    () ->
                        engine
                            .getFormService()
                            .submitStartForm(
                                applicationDefinitionId,
                                Map.of("serviceName", answers.get("serviceName")))));
    String app = application.getId();
    complete(
        "01b fill_in_application",
        app,
        ApplicationProcess.Element.FILL_IN_APPLICATION,
        applicant,
        answers);
    complete(
        "02 check_selection_criteria",
        app,
        ApplicationProcess.Element.CHECK_SELECTION_CRITERIA,
        applicant,
        allCriteriaMet());
    complete(
        "03 self_check_measures",
        app,
        ApplicationProcess.Element.SELF_CHECK_MEASURES,
        applicant,
        measuresAllMet());
    complete(
        "04 double_check",
        app,
        ApplicationProcess.Element.DOUBLE_CHECK,
        department.securityOfficer(),
        doubleCheck("FORWARD", null));

    String review =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .superProcessInstanceId(app)
            .singleResult()
            .getId();
    complete(
        "05 review",
        review,
        ReviewProcess.Element.REVIEW,
        reviewer,
        review("APPROVE", "別表の必須項目を確認済み"));
    complete(
        "06 review_it_planning",
        review,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        Map.of("itPlanningDecision", "APPROVED"));
    complete(
        "07 decide", review, ReviewProcess.Element.DECIDE, "kobayashi", decision("APPROVE", null));
    step("07b registry write (job)", () -> awaitJobs(review));
    String entryId =
        (String)
            engine.getRuntimeService().getVariable(review, CaseVariables.REGISTRY_ENTRY_ID.name());
    complete(
        "08 acknowledge_usage_risks",
        review,
        ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS,
        applicant,
        usageRisksAcknowledged());
    complete(
        "09 record_contract",
        review,
        ReviewProcess.Element.RECORD_CONTRACT,
        applicant,
        Map.of("contractDate", "2099-06-01"));

    String operation =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(OperationProcess.KEY)
            .processInstanceBusinessKey(entryId)
            .singleResult()
            .getId();
    complete(
        "10 introduction_checklist",
        operation,
        OperationProcess.Element.INTRODUCTION_CHECKLIST,
        applicant,
        Map.of("checklist", TaskAnswers.checklist("i", 6)));
    complete(
        "11 initial_operation_checklist",
        operation,
        OperationProcess.Element.INITIAL_OPERATION_CHECKLIST,
        applicant,
        Map.of("checklist", TaskAnswers.checklist("o", 10)));

    Map<String, Object> request = TaskAnswers.terminationRequest(entryId, "FORM3");
    String termination =
        timed(
                "12 submit termination",
                () ->
                    actors.as(
                        applicant,
                        () ->
                            engine
                                .getFormService()
                                .submitStartForm(terminationDefinitionId, request)))
            .getId();
    Map<String, Object> confirm = new HashMap<>();
    confirm.put("terminationDoubleCheck", TaskAnswers.checklist("t", 4));
    confirm.put("terminationDecision", "CONFIRM");
    confirm.put("terminationComment", null);
    complete(
        "13 double_check",
        termination,
        TerminationProcess.Element.DOUBLE_CHECK,
        department.securityOfficer(),
        confirm);
    complete(
        "14 acknowledge_report",
        termination,
        TerminationProcess.Element.ACKNOWLEDGE_REPORT,
        reviewer,
        Map.of("reportNote", "受理"));
    step("15 registry close (job)", () -> awaitJobs(termination));
    return List.of(app, review, operation, termination);
  }

  private <T> T timed(String step, Supplier<T> action) {
    long start = System.nanoTime();
    T result = action.get();
    long nanos = System.nanoTime() - start;
    if (!recordSteps) {
      return result;
    }
    LongAdder[] sums =
        steps.computeIfAbsent(step, key -> new LongAdder[] {new LongAdder(), new LongAdder()});
    sums[0].add(nanos);
    sums[1].increment();
    return result;
  }

  /**
   * Waits until the job executor has run the asynchronous continuations of the instance (the
   * registry writes run after an async boundary, issue 6): the case is not done before they are.
   */
  private void awaitJobs(String instance) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance)
            .messages()
            .count()
        > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the job executor did not run the jobs of " + instance);
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A task of the case completed through its form by the person of the role, timed as one step. */
  private void complete(
      String step, String instance, String taskKey, String userId, Map<String, Object> variables) {
    step(step, () -> actors.complete(instance, taskKey, userId, variables, true));
  }

  private void step(String step, Runnable action) {
    timed(
        step,
        () -> {
          action.run();
          return null;
        });
  }

  /** Mean milliseconds per step over every walk so far, then forgets them. */
  Map<String, Double> stepMillis() {
    Map<String, Double> millis = new java.util.LinkedHashMap<>();
    steps.forEach(
        (step, sums) -> millis.put(step, sums[0].sum() / 1e6 / Math.max(1, sums[1].sum())));
    steps.clear();
    return millis;
  }
}
