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
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.operation.OperationProcess;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.termination.TerminationProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * One complete case of the real application, every user task completed through its form by the person of the
 * role (the walk of the process tests): the application on the IMPORTANT route → 別表 check → self-check → double
 * check by the 利用責任者 → review beside 情報化企画 → decision → usage risks → contract → operation start (様式4, 様式5)
 * → termination with 様式6 → double check → 様式3 received. 12 user tasks, 4 process instances.
 */
final class LifecycleWalk {

  /** Applicant, 利用責任者 of the same department. */
  record Department(String applicant, String securityOfficer) {}

  static final List<Department> DEPARTMENTS = List.of(new Department("sato", "takahashi"),
      new Department("suzuki", "ito"));
  static final String[] REVIEWERS = {"yamamoto", "nakamura"};

  private final ProcessEngine engine;
  private final Actors actors;
  private final String applicationDefinitionId;
  private final String terminationDefinitionId;
  private final AtomicLong counter = new AtomicLong();

  LifecycleWalk(ProcessEngine engine, Actors actors) {
    this.engine = engine;
    this.actors = actors;
    this.applicationDefinitionId = latest(engine, ApplicationProcess.KEY);
    this.terminationDefinitionId = latest(engine, TerminationProcess.KEY);
  }

  static String latest(ProcessEngine engine, String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
  }

  /** Walks one case; returns the ids of its four process instances (application, review, operation, termination). */
  List<String> walk() {
    long n = counter.incrementAndGet();
    Department department = DEPARTMENTS.get((int) (n % DEPARTMENTS.size()));
    String applicant = department.applicant();
    String reviewer = REVIEWERS[(int) (n / 2 % REVIEWERS.length)];

    Map<String, Object> answers = ApplicationAnswers.kintone()
        .service("kintone 相談記録 " + n, "CLOUD_INTERNET", "BUSINESS_APPLICATION")
        .informationTypes("PERSONAL").with("serviceManager", applicant).variables();
    ProcessInstance application = actors.as(applicant,
        () -> engine.getFormService().submitStartForm(applicationDefinitionId, answers));
    String app = application.getId();
    actors.complete(app, ApplicationProcess.Element.CHECK_SELECTION_CRITERIA, applicant, allCriteriaMet(), true);
    actors.complete(app, ApplicationProcess.Element.SELF_CHECK_MEASURES, applicant, measuresAllMet(), true);
    actors.complete(app, ApplicationProcess.Element.DOUBLE_CHECK, department.securityOfficer(),
        doubleCheck("FORWARD", null), true);

    String review = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(app).singleResult()
        .getId();
    actors.complete(review, ReviewProcess.Element.REVIEW, reviewer, review("APPROVE", "別表の必須項目を確認済み"), true);
    actors.complete(review, ReviewProcess.Element.REVIEW_IT_PLANNING, "kimura",
        Map.of("itPlanningDecision", "APPROVED"), true);
    actors.complete(review, ReviewProcess.Element.DECIDE, "kobayashi", decision("APPROVE", null), true);
    String entryId = (String) engine.getRuntimeService().getVariable(review, ReviewProcess.Var.REGISTRY_ENTRY_ID);
    actors.complete(review, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, applicant, usageRisksAcknowledged(), true);
    actors.complete(review, ReviewProcess.Element.RECORD_CONTRACT, applicant, Map.of("contractDate", "2099-06-01"),
        true);

    String operation = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(OperationProcess.KEY).processInstanceBusinessKey(entryId).singleResult().getId();
    actors.complete(operation, OperationProcess.Element.INTRODUCTION_CHECKLIST, applicant,
        Map.of("checklist", checklist("i", 6, "YES")), true);
    actors.complete(operation, OperationProcess.Element.INITIAL_OPERATION_CHECKLIST, applicant,
        Map.of("checklist", checklist("o", 10, "YES")), true);

    Map<String, Object> request = terminationRequest(entryId);
    String termination = actors.as(applicant,
        () -> engine.getFormService().submitStartForm(terminationDefinitionId, request)).getId();
    Map<String, Object> confirm = new HashMap<>();
    confirm.put("terminationDoubleCheck", checklist("t", 4, "YES"));
    confirm.put("terminationDecision", "CONFIRM");
    confirm.put("terminationComment", null);
    actors.complete(termination, TerminationProcess.Element.DOUBLE_CHECK, department.securityOfficer(), confirm, true);
    actors.complete(termination, TerminationProcess.Element.ACKNOWLEDGE_REPORT, reviewer,
        Map.of("reportNote", "受理"), true);
    return List.of(app, review, operation, termination);
  }

  private static Map<String, Object> terminationRequest(String entryId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("registryEntryId", entryId);
    variables.put("terminationReason", "後継システムへ移行するため");
    variables.put("informationHandled", "区民の相談記録");
    variables.put("endDate", "2099-12-31");
    variables.put("agreedAtTermination", "解約申込書の控え");
    variables.put("disposalProof", "データ消去証明書 No.2099-1231");
    variables.put("terminationCheck", checklist("t", 4, "YES"));
    variables.put("disposalChecklist", checklist("d", 6, "YES"));
    variables.put("reportChannel", "FORM3");
    return variables;
  }

  static Object checklist(String prefix, int count, String answer) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 1; i <= count; i++) {
      json.append(i > 1 ? "," : "").append('"').append(prefix).append(i).append("\":\"").append(answer).append('"');
    }
    return SpinValues.jsonValue(json.append('}').toString()).create();
  }
}
