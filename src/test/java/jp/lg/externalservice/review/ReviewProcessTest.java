package jp.lg.externalservice.review;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.*;
import static jp.lg.externalservice.review.ReviewProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.FullProcessCoverage;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryQuery;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The review and decision flow, walked by the people of each role: every flow of the diagram is
 * covered (asserted), every rule is enforced on the server. Configured as a national body so that
 * the NISC path (ruling R-19) is available.
 */
@TestPropertySource(properties = "external-service.organisation.national-body=true")
@FullProcessCoverage(ReviewProcess.KEY)
class ReviewProcessTest extends EngineTest {

  @Autowired RegistryService registry;
  @Autowired DepartmentDirectory directory;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * Files the application and takes it through the preparation, the self-check and the double
   * check.
   */
  private ProcessInstance inReview(ApplicationAnswers answers) {
    ProcessInstance instance = submitApplication("sato", answers.variables());
    String route = (String) runtimeService.getVariable(instance.getId(), "route");
    submitTask(
        "sato",
        task(instance),
        "IMPORTANT".equals(route) ? allCriteriaMet() : risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(instance), measuresAllMet());
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    return instance;
  }

  private Object reviewVariable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(calledInstance(instance, ReviewProcess.KEY).getId(), name);
  }

  @Test
  @DisplayName("重要情報ルート: 情報化企画と審査が並行し、承認で台帳に載り、所属長が外部サービス管理者になる")
  void importantRouteIsRegistered() {
    ProcessInstance instance =
        inReview(
            kintone()
                .service("kintone 相談記録", "CLOUD_INTERNET", "BUSINESS_APPLICATION")
                .informationTypes("PERSONAL"));
    assertThat(task(instance, REVIEW)).isNotNull();
    assertThat(task(instance, REVIEW_IT_PLANNING))
        .as("情報化企画 runs in parallel (004 §9(2))")
        .isNotNull();
    assertThat(task(instance, REVIEW).getDueDate()).isNotNull();
    complete(instance, REVIEW, "yamamoto", review("APPROVE", "別表の必須項目を確認済み"));
    assertThat(task(instance, DECIDE)).as("the decision waits for 情報化企画").isNull();
    complete(instance, REVIEW_IT_PLANNING, "kimura", vars("itPlanningDecision", "APPROVED"));
    complete(instance, DECIDE, "kobayashi", decision("APPROVE", null));

    String entryId = (String) reviewVariable(instance, "registryEntryId");
    RegistryEntry entry = registry.find(entryId).orElseThrow();
    assertThat(entry.status()).isEqualTo(RegistryStatus.ACTIVE);
    assertThat(entry.serviceAdministrator()).as("外部サービス管理者 = 所属長 (R-21)").isEqualTo("tanaka");
    assertThat(entry.serviceManager()).isEqualTo("sato");
    assertThat(entry.route()).isEqualTo(Route.IMPORTANT);
    assertThat(entry.approvedBy()).isEqualTo("kobayashi");
    assertThat(entry.departmentCode()).isEqualTo("kumin");

    InputValidationException partial =
        refused(
            () ->
                complete(
                    instance,
                    ACKNOWLEDGE_USAGE_RISKS,
                    "sato",
                    Map.of(
                        "acknowledgedRisks",
                        org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"RV1\"]")
                            .create())));
    assertThat(partial.getMessage()).contains("RV2", "RV3", "RV4");
    complete(instance, ACKNOWLEDGE_USAGE_RISKS, "sato", usageRisksAcknowledged());
    InputValidationException early =
        refused(
            () -> complete(instance, RECORD_CONTRACT, "sato", vars("contractDate", "2000-01-01")));
    assertThat(fields(early)).containsExactly("contractDate");
    complete(instance, RECORD_CONTRACT, "sato", vars("contractDate", "2099-06-01"));

    assertThat(instance).isEnded();
    RegistryEntry contracted = registry.find(entryId).orElseThrow();
    assertThat(contracted.contractDate()).hasToString("2099-06-01");
    assertThat(contracted.events())
        .extracting(event -> event.eventType())
        .containsExactly("REGISTERED", "CONTRACT_RECORDED");
  }

  @Test
  @DisplayName("情報化企画が承認されなければ利用を許可できない（004 §9(2)）。不承認は台帳に何も残さない")
  void itPlanningRejectionBlocksApproval() {
    ProcessInstance instance =
        inReview(kintone().service("不承認 SaaS", "CLOUD_INTERNET", "BUSINESS_APPLICATION"));
    InputValidationException noReason =
        refused(
            () ->
                complete(
                    instance,
                    REVIEW_IT_PLANNING,
                    "kimura",
                    vars("itPlanningDecision", "REJECTED")));
    assertThat(fields(noReason)).containsExactly("itPlanningComment");
    complete(
        instance,
        REVIEW_IT_PLANNING,
        "kimura",
        vars("itPlanningDecision", "REJECTED", "itPlanningComment", "費用対効果が不明"));
    complete(instance, REVIEW, "yamamoto", review("APPROVE", null));
    InputValidationException blocked =
        refused(() -> complete(instance, DECIDE, "kobayashi", decision("APPROVE", null)));
    assertThat(blocked.getMessage()).contains("情報化企画", "004 §9(2)");
    InputValidationException noReasonGiven =
        refused(() -> complete(instance, DECIDE, "kobayashi", decision("REJECT", null)));
    assertThat(fields(noReasonGiven)).containsExactly("decisionReason");
    complete(instance, DECIDE, "kobayashi", decision("REJECT", "情報化企画が承認されなかったため"));

    assertThat(task(instance, ApplicationProcess.Element.ACKNOWLEDGE_REJECTION)).isNotNull();
    assertThat(registry.search(new RegistryQuery(null, null, null, "不承認 SaaS"))).isEmpty();
  }

  @Test
  @DisplayName("無料ルート: 情報化企画も契約もなく、承認後はリスク確認で終わる")
  void freeRouteHasNoItPlanningAndNoContract() {
    ProcessInstance instance =
        inReview(kintone().service("Zoom 無料", "CLOUD_INTERNET", "WEB_CONFERENCE").paid(false));
    assertThat(task(instance, REVIEW_IT_PLANNING)).isNull();
    complete(instance, REVIEW, "nakamura", review("APPROVE", null));
    complete(instance, DECIDE, "kobayashi", decision("APPROVE", null));
    complete(instance, ACKNOWLEDGE_USAGE_RISKS, "sato", usageRisksAcknowledged());
    assertThat(instance).isEnded().hasPassed(ApplicationProcess.Element.END_APPROVED);
  }

  @Test
  @DisplayName("可否決定の画面は審査者の名前と審査日を案件記録から示し、「この内容で決定します」の確認なしには決定できない")
  void decisionShowsTheReviewerAndNeedsAConfirmation() {
    ProcessInstance instance =
        inReview(kintone().service("Zoom 無料", "CLOUD_INTERNET", "WEB_CONFERENCE").paid(false));
    complete(instance, REVIEW, "nakamura", review("APPROVE", null));
    String shown = taskService.getVariableLocal(task(instance, DECIDE).getId(), "shown").toString();
    assertThat(shown)
        .contains("\"reviewedByName\":\"" + directory.displayName("nakamura") + "\"")
        .contains(
            "\"reviewedOn\":\""
                + DateTimeFormatter.ofPattern("uuuu年M月d日").format(JapanClock.today())
                + "\"");

    Map<String, Object> unconfirmed = new HashMap<>(decision("APPROVE", null));
    unconfirmed.put("decisionConfirmed", false);
    assertThat(fields(refused(() -> complete(instance, DECIDE, "kobayashi", unconfirmed))))
        .containsExactly("decisionConfirmed");
    unconfirmed.remove("decisionConfirmed");
    assertThat(fields(refused(() -> complete(instance, DECIDE, "kobayashi", unconfirmed))))
        .containsExactly("decisionConfirmed");
    complete(instance, DECIDE, "kobayashi", decision("APPROVE", null));
    assertThat(task(instance, ACKNOWLEDGE_USAGE_RISKS)).isNotNull();
    assertThat(reviewVariable(instance, "decisionConfirmed"))
        .as("the next decision on the case starts unticked")
        .isNull();
  }

  @Test
  @DisplayName("原則不可（R-7）は正当な理由なしに承認を推薦できず、要配慮個人情報（R-8）は判断の記録が要る")
  void discouragedAndCarefulJudgment() {
    ProcessInstance instance =
        inReview(
            kintone()
                .service("Box", "CLOUD_INTERNET", "ONLINE_STORAGE")
                .informationTypes("PERSONAL", "SENSITIVE_PERSONAL"));
    assertThat(reviewVariable(instance, "discouraged")).isEqualTo(true);
    assertThat(reviewVariable(instance, "carefulJudgmentRequired")).isEqualTo(true);
    InputValidationException missing =
        refused(() -> complete(instance, REVIEW, "yamamoto", review("APPROVE", null)));
    assertThat(fields(missing)).containsExactly("carefulJudgment", "discouragedJustification");
    Map<String, Object> justified = review("APPROVE", null);
    justified.put("carefulJudgment", "健康情報は暗号化領域に限定し、閲覧者を 3 名に限る");
    justified.put("discouragedJustification", "全庁ストレージでは外部の医療機関と共有できないため");
    complete(instance, REVIEW, "yamamoto", justified);
    complete(instance, REVIEW_IT_PLANNING, "kimura", vars("itPlanningDecision", "APPROVED"));
    complete(instance, DECIDE, "kobayashi", decision("APPROVE", "理由を確認した"));
    assertThat(task(instance, ACKNOWLEDGE_USAGE_RISKS)).isNotNull();
  }

  @Test
  @DisplayName("別表の必須項目を満たさない申請は承認を推薦できない（ruling R-12）")
  void mandatoryCriteriaCheckedAtReview() {
    ProcessInstance instance = inReview(kintone().informationTypes("PERSONAL"));
    runtimeService.setVariable(
        calledInstance(instance, ReviewProcess.KEY).getId(),
        "selectionCriteria",
        criteria(Map.of("no01", "NO")).get("selectionCriteria"));
    InputValidationException blocked =
        refused(() -> complete(instance, REVIEW, "yamamoto", review("APPROVE", null)));
    assertThat(blocked.getMessage()).contains("No.1", "ruling R-12");
  }

  @Test
  @DisplayName("ガバメントクラウドを LGWAN 系から: 事前相談の記録が先に要り、期限を過ぎた審査タスクは課長に通知される")
  void priorConsultationAndEscalations() {
    ProcessInstance instance =
        inReview(
            kintone()
                .service("ガバメントクラウド基盤", "GOVERNMENT_CLOUD", "BUSINESS_APPLICATION")
                .connectionZones("LGWAN"));
    assertThat(task(instance, REVIEW)).as("the review waits for the consultation (R-8)").isNull();
    moveClock(Duration.ofDays(11));
    assertThat(fireDueTimers(instance)).isEqualTo(1);
    assertThat(
            taskService.getVariable(
                task(instance, ESCALATE_OVERDUE).getId(), CaseVariables.OVERDUE_STEP.name()))
        .isEqualTo("事前相談の結果を記録する");
    complete(instance, ESCALATE_OVERDUE, "kobayashi", vars());

    InputValidationException incomplete =
        refused(
            () ->
                complete(
                    instance,
                    RECORD_PRIOR_CONSULTATION,
                    "yamamoto",
                    vars("priorConsultationResult", "")));
    assertThat(fields(incomplete))
        .containsExactly("priorConsultationResult", "priorConsultationDate");
    complete(
        instance,
        RECORD_PRIOR_CONSULTATION,
        "yamamoto",
        vars(
            "priorConsultationResult",
            "LGWAN 経由の接続構成で問題なし",
            "priorConsultationDate",
            "2027-01-10"));
    assertThat(reviewVariable(instance, "governmentCloudRules")).isEqualTo(true);

    moveClock(Duration.ofDays(11));
    assertThat(fireDueTimers(instance)).as("review and 情報化企画 are both overdue").isEqualTo(2);
    assertThat(openTasks(instance))
        .filteredOn(t -> t.getTaskDefinitionKey().equals(ESCALATE_OVERDUE))
        .hasSize(2);
    openTasks(instance).stream()
        .filter(t -> t.getTaskDefinitionKey().equals(ESCALATE_OVERDUE))
        .forEach(t -> submitTask("kobayashi", t, vars()));
    complete(instance, REVIEW, "yamamoto", review("APPROVE", null));
    complete(instance, REVIEW_IT_PLANNING, "kimura", vars("itPlanningDecision", "APPROVED"));

    moveClock(Duration.ofDays(11));
    assertThat(fireDueTimers(instance)).isEqualTo(1);
    assertThat(
            taskService.getVariable(
                task(instance, ESCALATE_OVERDUE).getId(), CaseVariables.OVERDUE_STEP.name()))
        .isEqualTo("利用の可否を決定する");
    assertThat(task(instance, DECIDE)).as("the overdue task stays open").isNotNull();
  }

  @Test
  @DisplayName("LGWAN-ASP をマイナンバー系から: 申請者が特定通信の構成を確認するまで審査に進まない（R-8）")
  void specificCommunicationConfirmed() {
    ProcessInstance instance =
        inReview(
            kintone()
                .service("LGWAN-ASP 業務", "LGWAN_ASP_CLOSED", "BUSINESS_APPLICATION")
                .connectionZones("MY_NUMBER"));
    InputValidationException unconfirmed =
        refused(
            () ->
                complete(
                    instance,
                    CONFIRM_SPECIFIC_COMMUNICATION,
                    "sato",
                    vars(
                        "specificCommunicationConfirmed",
                        false,
                        "specificCommunicationNote",
                        "未設定")));
    assertThat(fields(unconfirmed)).containsExactly("specificCommunicationConfirmed");
    complete(
        instance,
        CONFIRM_SPECIFIC_COMMUNICATION,
        "sato",
        vars(
            "specificCommunicationConfirmed",
            true,
            "specificCommunicationNote",
            "IP アドレスとポート 443 に限定"));
    assertThat(task(instance, REVIEW)).isNotNull();
  }

  @Test
  @DisplayName("NISC の助言（R-19）: 審査は助言の記録を待ち、審査に戻る。審査からの差戻しは申請者の修正へ")
  void niscAdviceAndReturnByReviewer() {
    ProcessInstance instance = inReview(kintone().paid(false));
    complete(instance, REVIEW, "yamamoto", review("REQUEST_NISC_ADVICE", null));
    InputValidationException empty =
        refused(() -> complete(instance, RECORD_NISC_ADVICE, "yamamoto", vars()));
    assertThat(fields(empty)).containsExactly("niscAdvice");
    complete(instance, RECORD_NISC_ADVICE, "yamamoto", vars("niscAdvice", "統一基準 4.2.2 に沿った対策で足りる"));
    InputValidationException noReason =
        refused(() -> complete(instance, REVIEW, "yamamoto", review("RETURN", null)));
    assertThat(fields(noReason)).containsExactly("reviewComment");
    complete(instance, REVIEW, "yamamoto", review("RETURN", "利用者の範囲を具体的に"));
    assertThat(task(instance, ApplicationProcess.Element.CORRECT_APPLICATION)).isNotNull();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .activityId(END_RETURNED_BY_REVIEWER)
                .count())
        .isPositive();
  }

  @Test
  @DisplayName("可否決定からの差戻しは申請者の修正へ戻る")
  void returnByDecision() {
    ProcessInstance instance = inReview(kintone().paid(false));
    complete(instance, REVIEW, "yamamoto", review("APPROVE", null));
    complete(instance, DECIDE, "kobayashi", decision("RETURN", "利用期間を見直してください"));
    assertThat(task(instance, ApplicationProcess.Element.CORRECT_APPLICATION)).isNotNull();
    assertThat(runtimeService.getVariable(instance.getId(), "returnComment"))
        .isEqualTo("利用期間を見直してください");
  }

  @Test
  @DisplayName("審査で決まったことは申請に戻り、審査で変わらない申請内容は書き直されない（issue 8）")
  void reviewReturnsWhatChangedOnly() {
    ProcessInstance instance = inReview(kintone().paid(false));
    complete(instance, REVIEW, "yamamoto", review("APPROVE", "利用者の範囲を確認した"));
    complete(instance, DECIDE, "kobayashi", decision("RETURN", "利用期間を見直してください"));

    assertThat(runtimeService.getVariable(instance.getId(), "returnComment"))
        .isEqualTo("利用期間を見直してください");
    assertThat(runtimeService.getVariable(instance.getId(), "reviewComment"))
        .isEqualTo("利用者の範囲を確認した");
    for (String unchanged : List.of("serviceName", "informationTypes", "measuresSelfCheck")) {
      String variableId =
          historyService
              .createHistoricVariableInstanceQuery()
              .processInstanceId(instance.getId())
              .variableName(unchanged)
              .singleResult()
              .getId();
      assertThat(historyService.createHistoricDetailQuery().variableInstanceId(variableId).count())
          .as("%s is written by the applicant only, not again when the review returns", unchanged)
          .isEqualTo(unchanged.equals("serviceName") ? 2 : 1); // the start form and the application
    }
  }

  @Test
  @DisplayName("申請者本人・申請者の所属長は確認も承認もできない（ruling R-15）")
  void fourEyes() {
    ProcessInstance own = submitApplication("takahashi", kintone().paid(false).variables());
    submitTask("takahashi", task(own), risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("takahashi", task(own), measuresAllMet());
    InputValidationException claimed =
        refused(
            () ->
                complete(
                    own,
                    ApplicationProcess.Element.DOUBLE_CHECK,
                    "takahashi",
                    doubleCheck("FORWARD", null)));
    assertThat(fields(claimed))
        .as("the task never reaches the applicant")
        .containsExactly("assignee");
    assertThat(claimed.getMessage()).contains("申請者本人", "R-15");
    InputValidationException self =
        refused(
            () ->
                asUser(
                    "takahashi",
                    () ->
                        formService.submitTaskForm(
                            task(own, ApplicationProcess.Element.DOUBLE_CHECK).getId(),
                            doubleCheck("FORWARD", null))));
    assertThat(fields(self)).as("nor may he complete it unclaimed").containsExactly("(user)");
    assertThat(self.getMessage()).contains("申請者本人", "R-15");

    ProcessInstance instance = inReview(kintone().paid(false));
    identityService.createMembership("tanaka", "policy-reviewer");
    try {
      InputValidationException head =
          refused(() -> complete(instance, REVIEW, "tanaka", review("APPROVE", null)));
      assertThat(head.getMessage()).contains("所属長", "R-15");
      InputValidationException unclaimed =
          refused(
              () ->
                  asUser(
                      "tanaka",
                      () ->
                          formService.submitTaskForm(
                              task(instance, REVIEW).getId(), review("APPROVE", null))));
      assertThat(fields(unclaimed)).containsExactly("(user)");
    } finally {
      identityService.deleteMembership("tanaka", "policy-reviewer");
    }
  }
}
