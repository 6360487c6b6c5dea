package jp.lg.externalservice.caserecord;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryEntries;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.termination.TerminationProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The case record holds the facts (issue 12): the applicant is the signed-in user, and variables
 * written in the middle of a case — as an administrator could through the engine API — change
 * neither the route, nor who may check, nor the four-eyes rule, nor the approval rules. The acts
 * are recorded with their real actors.
 */
class CaseRecordTest extends EngineTest {

  @Autowired CaseRecords caseRecords;
  @Autowired NamedParameterJdbcTemplate jdbc;
  @Autowired RegistryService registry;

  private CaseRecord record(ProcessInstance instance) {
    return caseRecords.find(instance.getId()).orElseThrow();
  }

  /**
   * Writes variables into the running instance as the administrator (demo), over whatever the forms
   * wrote.
   */
  private void adminWrites(String processInstanceId, Map<String, Object> variables) {
    asUser("demo", () -> runtimeService.setVariables(processInstanceId, variables));
  }

  private static Map<String, Object> forgedFacts() {
    return vars(
        "applicant",
        "sato",
        "departmentCode",
        "fukushi",
        "outcome",
        "NO_APPLICATION",
        "route",
        "FREE",
        "itPlanningRequired",
        false,
        "importantInformation",
        false,
        "discouraged",
        false,
        "conditions",
        SpinValues.jsonValue("[]").create());
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /**
   * The preparation task (別表 for IMPORTANT, risks otherwise) and the self-check, as the applicant.
   */
  private void prepareAndSelfCheck(ProcessInstance instance, String applicant) {
    submitTask(
        applicant,
        task(instance),
        record(instance).classified().route() == Route.IMPORTANT
            ? allCriteriaMet()
            : risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask(applicant, task(instance), measuresAllMet());
  }

  @Test
  @DisplayName("受付番号の採番行は今年度と翌年度の分が起動時にできている: 年度初めの同時申請が接続を二つ待たない")
  void counterRowsAreMadeAhead() {
    int thisYear = CaseNumbers.fiscalYear(JapanClock.today());
    assertThat(
            jdbc.queryForList(
                "SELECT fiscal_year FROM case_number_counter WHERE fiscal_year IN (:years)",
                Map.of("years", List.of(thisYear, thisYear + 1)),
                Integer.class))
        .containsExactlyInAnyOrder(thisYear, thisYear + 1);
  }

  @Test
  @DisplayName("申請者はログイン中の職員: 開始フォームで他人の ID を送っても、その人の名前では申請されない")
  void applicantIsTheSignedInUser() {
    ProcessInstance instance =
        submitApplication("sato", kintone().with("applicant", "suzuki").variables());
    CaseRecord record = record(instance);
    assertThat(record.applicant()).isEqualTo(new Actor("sato", "佐藤 花子"));
    assertThat(record.department().code()).isEqualTo("kumin");
    assertThat(record.caseNumber()).matches("R[0-9]+-[0-9]{4,}");
    assertThat(runtimeService.getVariable(instance.getId(), "caseNumber"))
        .isEqualTo(record.caseNumber());
    assertThat(record.classified().outcome()).isEqualTo(Outcome.APPLICATION_REQUIRED);
    assertThat(runtimeService.getVariable(instance.getId(), "applicant")).isEqualTo("sato");
    assertThat(task(instance).getAssignee()).isEqualTo("sato");
  }

  @Test
  @DisplayName("途中で applicant・departmentCode を書き換えても、ダブルチェックは申請部署の利用責任者に届き、本人は確認できない（R-15）")
  void forgedApplicantAndDepartmentChangeNothing() {
    // the 利用責任者 of 区民課 applies himself and would like to check his own application
    ProcessInstance instance =
        submitApplication("takahashi", kintone().informationTypes("PERSONAL").variables());
    adminWrites(instance.getId(), forgedFacts());
    assertThat(task(instance).getAssignee())
        .as("the next tasks stay the applicant's")
        .isEqualTo("takahashi");
    submitTask("takahashi", task(instance), allCriteriaMet());
    adminWrites(instance.getId(), forgedFacts());
    assertThat(task(instance).getAssignee()).isEqualTo("takahashi");
    submitTask("takahashi", task(instance), measuresAllMet());

    Task doubleCheck = task(instance, ApplicationProcess.Element.DOUBLE_CHECK);
    assertThat(candidateGroups(doubleCheck)).containsExactly("security-officer-kumin");
    InputValidationException own =
        refused(
            () ->
                complete(
                    instance,
                    ApplicationProcess.Element.DOUBLE_CHECK,
                    "takahashi",
                    doubleCheck("FORWARD", null)));
    assertThat(own.getErrors())
        .as("the double check never reaches the real applicant")
        .extracting(FieldError::field)
        .containsExactly("assignee");
    InputValidationException unclaimed =
        refused(
            () ->
                asUser(
                    "takahashi",
                    () ->
                        formService.submitTaskForm(
                            doubleCheck.getId(), doubleCheck("FORWARD", null))));
    assertThat(unclaimed.getErrors()).extracting(FieldError::field).containsExactly("(user)");
    assertThat(own.getMessage()).contains("R-15");
    assertThat(caseRecords.acts(instance.getId()))
        .extracting(CaseAct::step)
        .as("only the applicant's own acts")
        .doesNotContain(CaseSteps.DOUBLE_CHECK);
    assertThat(record(instance).applicant().userId()).isEqualTo("takahashi");
    assertThat(record(instance).department().code()).isEqualTo("kumin");
  }

  @Test
  @DisplayName("途中で route・itPlanningRequired・discouraged を書き換えても、ルート・情報化企画・承認の規則は案件記録どおり")
  void forgedClassificationChangesNothing() {
    // Box with health data: 原則不可, 要配慮, 情報化企画 required
    ProcessInstance instance =
        submitApplication(
            "sato",
            kintone()
                .service("Box", "CLOUD_INTERNET", "ONLINE_STORAGE")
                .informationTypes("PERSONAL", "SENSITIVE_PERSONAL")
                .variables());
    CaseClassification classified = record(instance).classified();
    assertThat(classified.discouraged()).isTrue();
    assertThat(classified.itPlanningRequired()).isTrue();
    adminWrites(instance.getId(), forgedFacts());
    prepareAndSelfCheck(instance, "sato");
    adminWrites(instance.getId(), forgedFacts());
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));

    assertThat(task(instance, ReviewProcess.Element.REVIEW_IT_PLANNING))
        .as("情報化企画 still runs (004 §9(2))")
        .isNotNull();
    String review = calledInstance(instance, ReviewProcess.KEY).getId();
    adminWrites(review, forgedFacts());
    adminWrites(review, vars("carefulJudgmentRequired", false));
    InputValidationException unjustified =
        refused(
            () ->
                complete(
                    instance, ReviewProcess.Element.REVIEW, "yamamoto", review("APPROVE", null)));
    assertThat(unjustified.getErrors())
        .extracting(FieldError::field)
        .containsExactly("carefulJudgment", "discouragedJustification");
    Map<String, Object> justified = review("APPROVE", null);
    justified.put("carefulJudgment", "健康情報は暗号化領域に限定する");
    justified.put("discouragedJustification", "外部の医療機関と共有するため");
    complete(instance, ReviewProcess.Element.REVIEW, "yamamoto", justified);
    complete(
        instance,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        vars("itPlanningDecision", "REJECTED", "itPlanningComment", "費用対効果が不明"));

    // the IT planning was rejected: no variable makes it approved or unnecessary (004 §9(2))
    adminWrites(review, forgedFacts());
    adminWrites(review, vars("itPlanningDecision", "APPROVED", "discouragedJustification", ""));
    InputValidationException blocked =
        refused(
            () ->
                complete(
                    instance,
                    ReviewProcess.Element.DECIDE,
                    "kobayashi",
                    decision("APPROVE", null)));
    assertThat(blocked.getMessage()).contains("004 §9(2)", "ruling R-7");
    complete(
        instance, ReviewProcess.Element.DECIDE, "kobayashi", decision("REJECT", "情報化企画が不承認のため"));

    assertThat(caseRecords.acts(instance.getId()))
        .filteredOn(act -> !act.role().equals(CaseAct.APPLICANT))
        .extracting(
            act -> act.step(), act -> act.actor().userId(), act -> act.role(), act -> act.result())
        .containsExactly(
            tuple(
                CaseSteps.DOUBLE_CHECK, "takahashi", "security-officer-kumin", ActResult.FORWARDED),
            tuple(CaseSteps.REVIEW, "yamamoto", "policy-reviewer", ActResult.APPROVED),
            tuple(
                ReviewProcess.Element.REVIEW_IT_PLANNING,
                "kimura",
                "it-planning",
                ActResult.REJECTED),
            tuple(CaseSteps.DECIDE, "kobayashi", "policy-head", ActResult.REJECTED));
    assertThat(caseRecords.acts(instance.getId()))
        .filteredOn(act -> act.step().equals(CaseSteps.DOUBLE_CHECK))
        .extracting(act -> act.actor().name())
        .containsExactly("高橋 健");
    assertThat(record(instance).classified()).isEqualTo(classified);
  }

  @Test
  @DisplayName("途中で conditions を消しても、事前相談（R-8）は案件記録の条件どおりに行われる")
  void forgedConditionsChangeNothing() {
    ProcessInstance instance =
        submitApplication(
            "sato",
            kintone()
                .service("ガバメントクラウド基盤", "GOVERNMENT_CLOUD", "BUSINESS_APPLICATION")
                .connectionZones("LGWAN")
                .variables());
    assertThat(record(instance).classified().hasCondition(Condition.PRIOR_CONSULTATION)).isTrue();
    prepareAndSelfCheck(instance, "sato");
    adminWrites(instance.getId(), forgedFacts());
    adminWrites(instance.getId(), vars("priorConsultationRequired", false));
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    assertThat(task(instance, ReviewProcess.Element.RECORD_PRIOR_CONSULTATION)).isNotNull();
    assertThat(task(instance, ReviewProcess.Element.REVIEW))
        .as("the review waits for the consultation")
        .isNull();
  }

  @Test
  @DisplayName("差し戻し・再提出を経ても案件は一つ: 審査の各回の行為が同じ記録に残る")
  void returnedCaseKeepsOneRecord() {
    ProcessInstance instance = submitApplication("sato", kintone().variables());
    prepareAndSelfCheck(instance, "sato");
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("RETURN", "項目 5 を確認"));
    submitTask(
        "sato", task(instance), kintone().with("correctionNote", "項目 5 を確認しました").variables());
    prepareAndSelfCheck(instance, "sato");
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    assertThat(caseRecords.acts(instance.getId()))
        .extracting(CaseAct::step, act -> act.actor().userId(), CaseAct::result)
        .containsExactly(
            tuple(ApplicationProcess.Element.FILL_IN_APPLICATION, "sato", ActResult.SUBMITTED),
            tuple(ApplicationProcess.Element.ACCEPT_RISKS, "sato", ActResult.SUBMITTED),
            tuple(ApplicationProcess.Element.SELF_CHECK_MEASURES, "sato", ActResult.SUBMITTED),
            tuple(CaseSteps.DOUBLE_CHECK, "takahashi", ActResult.RETURNED),
            tuple(ApplicationProcess.Element.CORRECT_APPLICATION, "sato", ActResult.SUBMITTED),
            tuple(ApplicationProcess.Element.ACCEPT_RISKS, "sato", ActResult.SUBMITTED),
            tuple(ApplicationProcess.Element.SELF_CHECK_MEASURES, "sato", ActResult.SUBMITTED),
            tuple(CaseSteps.DOUBLE_CHECK, "takahashi", ActResult.FORWARDED));
    assertThat(caseRecords.acts(instance.getId()))
        .allSatisfy(act -> assertThat(act.caseId()).isEqualTo(instance.getId()));
  }

  @Test
  @DisplayName("承認後に decision を書き換えても、案件は決定どおり承認で終わり運用に引き継がれる")
  void forgedDecisionChangesNothing() {
    ProcessInstance instance = submitApplication("sato", kintone().variables());
    prepareAndSelfCheck(instance, "sato");
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    complete(instance, ReviewProcess.Element.REVIEW, "yamamoto", review("APPROVE", null));
    if (task(instance, ReviewProcess.Element.REVIEW_IT_PLANNING) != null) {
      complete(
          instance,
          ReviewProcess.Element.REVIEW_IT_PLANNING,
          "kimura",
          vars("itPlanningDecision", "APPROVED"));
    }
    complete(instance, ReviewProcess.Element.DECIDE, "kobayashi", decision("APPROVE", null));
    String review = calledInstance(instance, ReviewProcess.KEY).getId();
    adminWrites(review, vars("decision", "RETURNED", "decidedBy", "sato"));
    if (task(instance, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS) != null) {
      complete(
          instance,
          ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS,
          "sato",
          usageRisksAcknowledged());
    }
    adminWrites(
        review,
        vars(
            "decision",
            "REJECTED",
            "serviceManager",
            "suzuki",
            "registryEntryId",
            "REG-1900-0001"));
    assertThat(task(instance, ReviewProcess.Element.RECORD_CONTRACT).getAssignee())
        .isEqualTo("sato");
    complete(
        instance,
        ReviewProcess.Element.RECORD_CONTRACT,
        "sato",
        vars("contractDate", "2099-06-01"));
    assertThat(instance).isEnded().hasPassed(ApplicationProcess.Element.END_APPROVED);
    RegistryEntry entry = registry.find(record(instance).registryEntryId()).orElseThrow();
    assertThat(entry.contractDate())
        .as("the contract is recorded on the case's entry")
        .hasToString("2099-06-01");
    assertThat(entry.serviceManager()).isEqualTo("sato");
    assertThat(entry.approvedBy()).isEqualTo("kobayashi");
    assertThat(caseRecords.acts(instance.getId()))
        .filteredOn(act -> act.result() == ActResult.APPROVED)
        .extracting(act -> act.actor().userId())
        .containsExactly("yamamoto", "kimura", "kobayashi");
    assertThat(caseRecords.acts(instance.getId()))
        .filteredOn(act -> act.role().equals(CaseAct.SERVICE_MANAGER))
        .extracting(CaseAct::step, act -> act.actor().userId())
        .contains(tuple(ReviewProcess.Element.RECORD_CONTRACT, "sato"));
  }

  @Test
  @DisplayName("終了手続: 申請者は署名した職員、部署は台帳から。途中で書き換えても利用責任者のダブルチェックと台帳の記録者は変わらない")
  void terminationFactsComeFromTheServer() {
    String entryId =
        registry.register(
            RegistryEntries.inUse("終了する PAID", Route.PAID), "kobayashi", "approval-case-record");
    Map<String, Object> request = TaskAnswers.terminationRequest(entryId, "FORM3");
    request.put("applicant", "tanaka");
    ProcessInstance instance =
        as(
            "sato",
            () ->
                formService.submitStartForm(
                    repositoryDefinitionId(CaseProcesses.TERMINATION), request));
    assertThat(record(instance).applicant().userId()).isEqualTo("sato");
    assertThat(record(instance).registryEntryId()).isEqualTo(entryId);

    // the 利用責任者 named as applicant would fail the four-eyes rule; route IMPORTANT would demand 様式6
    adminWrites(
        instance.getId(),
        vars("applicant", "takahashi", "departmentCode", "fukushi", "route", "IMPORTANT"));
    assertThat(candidateGroups(task(instance, TerminationProcess.Element.DOUBLE_CHECK)))
        .containsExactly("security-officer-kumin");
    complete(
        instance,
        TerminationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        vars(
            "terminationDoubleCheck",
            TaskAnswers.checklist("t", 4),
            "terminationDecision",
            "CONFIRM",
            "terminationComment",
            null));
    complete(
        instance,
        TerminationProcess.Element.ACKNOWLEDGE_REPORT,
        "yamamoto",
        Map.of("reportNote", "受理"));

    assertThat(instance).isEnded();
    RegistryEntry entry = registry.find(entryId).orElseThrow();
    assertThat(entry.status()).isEqualTo(RegistryStatus.TERMINATED);
    assertThat(entry.events().get(entry.events().size() - 1).actor()).isEqualTo("sato");
    assertThat(caseRecords.acts(instance.getId()))
        .extracting(act -> act.actor().userId(), CaseAct::role, CaseAct::result)
        .containsExactly(
            tuple("sato", CaseAct.APPLICANT, ActResult.SUBMITTED),
            tuple("takahashi", "security-officer-kumin", ActResult.CONFIRMED));
  }
}
