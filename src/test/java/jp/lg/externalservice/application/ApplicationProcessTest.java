package jp.lg.externalservice.application;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.*;
import static jp.lg.externalservice.application.ApplicationProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.FullProcessCoverage;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.DmnRuleTables;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.operation.OperationProcess;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.sns.SnsProcess;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application diagram walked task by task as the applicant would in Tasklist: every flow is
 * covered (the coverage listener fails this class below 100 % of {@code
 * external-service-application}), every server-side check refuses bad input with the field named,
 * and the task stays open.
 */
@FullProcessCoverage(ApplicationProcess.KEY)
class ApplicationProcessTest extends EngineTest {

  @Autowired CaseRecords caseRecords;
  @Autowired jp.lg.externalservice.caselist.Withdrawals withdrawals;

  @org.springframework.beans.factory.annotation.Autowired
  jp.lg.externalservice.registry.RegistryService registry;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("重要情報ルート: 別表・自己チェック・ダブルチェック・審査（情報化企画と並行）・可否決定を経て承認され、台帳に載る")
  void importantRouteToApproval() {
    ProcessInstance instance =
        submitApplication("sato", kintone().informationTypes("PERSONAL").variables());
    assertThat(instance).isWaitingAt(CHECK_SELECTION_CRITERIA).task().isAssignedTo("sato");
    submitTask("sato", task(instance), allCriteriaMet());
    assertThat(instance).isWaitingAt(SELF_CHECK_MEASURES);
    submitTask("sato", task(instance), measuresAllMet());

    assertThat(instance).isWaitingAt(DOUBLE_CHECK);
    assertThat(task(instance).getName()).isEqualTo("kintone：申請内容をダブルチェックする");
    assertThat(
            taskService
                .createTaskQuery()
                .taskId(task(instance).getId())
                .taskCandidateGroup("security-officer-kumin")
                .count())
        .isEqualTo(1);
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("FORWARD", null));

    assertThat(instance).isWaitingAt(REVIEW);
    complete(
        instance,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        Map.of("itPlanningDecision", "APPROVED"));
    complete(instance, CaseSteps.REVIEW, "yamamoto", review("APPROVE", "問題なし"));
    complete(instance, CaseSteps.DECIDE, "kobayashi", decision("APPROVE", null));
    complete(
        instance, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, "sato", usageRisksAcknowledged());
    complete(
        instance,
        ReviewProcess.Element.RECORD_CONTRACT,
        "sato",
        Map.of("contractDate", "2099-04-01"));

    assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            CLASSIFY,
            CHECK_SELECTION_CRITERIA,
            SELF_CHECK_MEASURES,
            DOUBLE_CHECK,
            REVIEW,
            END_APPROVED);
    String entryId =
        (String)
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName("registryEntryId")
                .singleResult()
                .getValue();
    assertThat(entryId).startsWith("REG-");
    ProcessInstance operation =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseProcesses.OPERATION)
            .processInstanceBusinessKey(entryId)
            .singleResult();
    assertThat(operation).as("approval hands over to operation").isNotNull();
    assertThat(task(operation, OperationProcess.Element.INTRODUCTION_CHECKLIST).getAssignee())
        .isEqualTo("sato");

    // a lean case (issue 17): the operation and the review get what they read, not a copy of every
    // answer; the answers stay in the application's history
    assertThat(runtimeService.getVariables(operation.getId()))
        .containsKeys(
            // the summary of every duty's form, the task list columns
            "caseNumber",
            "serviceName",
            "providerName",
            "departmentName",
            "routeLabel",
            "registryEntryId",
            "serviceManagerName",
            "serviceAdministratorName",
            // the monthly usage confirmation
            "purpose",
            "informationTypeLabels",
            // what a reclassification reads (ruling R-16)
            "serviceKind",
            "serviceCategory",
            "paid",
            "connectionZones",
            "exemption")
        .doesNotContainKeys(
            "measuresSelfCheck", "selectionCriteria", "doubleCheck", "checklists", "reasons");
    String review =
        historyService
            .createHistoricProcessInstanceQuery()
            .superProcessInstanceId(instance.getId())
            .singleResult()
            .getId();
    assertThat(historicVariables(review))
        .contains("purpose", "reasons", "doubleCheck", "selectionCriteria", "checkRows")
        .doesNotContain("measuresSelfCheck", "checklists", "zoneVerdicts", "informationTypes");
    assertThat(historicVariables(instance.getId()))
        .contains("measuresSelfCheck", "checklists", "zoneVerdicts", "informationTypes");
  }

  private List<String> historicVariables(String processInstanceId) {
    return historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .stream()
        .filter(variable -> variable.getTaskId() == null)
        .map(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)
        .toList();
  }

  @Test
  @DisplayName("更改（R-17）: 更改の申請が承認されると旧台帳は「更改により終了」となり、旧サービスの運用が終わる")
  void renewalClosesTheEntryItRenews() {
    ProcessInstance first = atDoubleCheck();
    complete(first, DOUBLE_CHECK, "takahashi", doubleCheck("FORWARD", null));
    complete(first, CaseSteps.REVIEW, "yamamoto", review("APPROVE", null));
    complete(first, CaseSteps.DECIDE, "kobayashi", decision("APPROVE", null));
    complete(
        first, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, "sato", usageRisksAcknowledged());
    String oldEntry =
        (String)
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(first.getId())
                .variableName("registryEntryId")
                .singleResult()
                .getValue();

    ProcessInstance renewal =
        submitApplication(
            "sato", kintone().paid(false).with("renewsRegistryEntryId", oldEntry).variables());
    submitTask("sato", task(renewal), risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(renewal), measuresAllMet());
    complete(renewal, DOUBLE_CHECK, "takahashi", doubleCheck("FORWARD", null));
    complete(renewal, CaseSteps.REVIEW, "yamamoto", review("APPROVE", null));
    complete(renewal, CaseSteps.DECIDE, "kobayashi", decision("APPROVE", null));
    complete(
        renewal, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, "sato", usageRisksAcknowledged());

    assertThat(registry.find(oldEntry).orElseThrow().status())
        .isEqualTo(jp.lg.externalservice.registry.RegistryStatus.RENEWED);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseProcesses.OPERATION)
                .processInstanceBusinessKey(oldEntry)
                .count())
        .as("the old operation ended")
        .isZero();
  }

  @Test
  @DisplayName("ダブルチェックで差し戻すと、申請者がコメントを見て申請全体を修正し、改めて判定されてダブルチェックに戻る")
  void doubleCheckReturnsForCorrection() {
    ProcessInstance instance = atDoubleCheck();
    InputValidationException noReason =
        refused(() -> complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("RETURN", null)));
    assertThat(noReason.getErrors())
        .extracting(FieldError::field)
        .containsExactly("doubleCheckComment");
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("RETURN", "利用者の人数を確認してください"));

    assertThat(instance).isWaitingAt(CORRECT_APPLICATION).task().isAssignedTo("sato");
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("returnComment", "利用者の人数を確認してください")
        .containsEntry("returnedBy", "高橋 健");
    InputValidationException noReply =
        refused(() -> submitTask("sato", task(instance), kintone().paid(false).variables()));
    assertThat(noReply.getErrors()).extracting(FieldError::field).containsExactly("correctionNote");
    InputValidationException badAnswer =
        refused(
            () ->
                submitTask(
                    "sato",
                    task(instance),
                    kintone()
                        .paid(false)
                        .with("userCount", 0)
                        .with("correctionNote", "人数を修正しました")
                        .variables()));
    assertThat(badAnswer.getErrors()).extracting(FieldError::field).containsExactly("userCount");
    // any answer may change, and the server classifies again: now it is paid
    submitTask(
        "sato",
        task(instance),
        kintone()
            .paid(true)
            .with("userCount", 12)
            .with("correctionNote", "有料プランの契約に変更し、利用者を 12 名にしました")
            .variables());

    assertThat(instance).isWaitingAt(ACCEPT_RISKS);
    assertThat(runtimeService.getVariable(instance.getId(), "route")).isEqualTo("PAID");
    assertThat(caseRecords.find(instance.getId()).orElseThrow().classified().route())
        .isEqualTo(jp.lg.externalservice.classification.Route.PAID);
    submitTask("sato", task(instance), risksAccepted("CONTRACT", CONTRACT_RISKS));
    submitTask("sato", task(instance), measures("YES", "YES", null));
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("FORWARD", null));
    assertThat(instance).isWaitingAt(REVIEW);
  }

  @Test
  @DisplayName("× の項目があるとダブルチェックから審査に進めない（ruling R-14）。却下すると申請者に理由が届く")
  void crossBlocksForwardingAndRejectionIsNotified() {
    ProcessInstance instance = atDoubleCheck();
    InputValidationException blocked =
        refused(
            () ->
                complete(
                    instance, DOUBLE_CHECK, "takahashi", doubleCheck("FORWARD", null, "item6")));
    assertThat(blocked.getErrors())
        .extracting(FieldError::field)
        .containsExactly("doubleCheckDecision");
    assertThat(blocked.getMessage()).contains("ruling R-14", "6");
    assertThat(instance).isWaitingAt(DOUBLE_CHECK);

    complete(
        instance,
        DOUBLE_CHECK,
        "takahashi",
        doubleCheck("REJECT", "過去 3 年以内にインシデントがあるため", "item6"));
    assertThat(instance).isWaitingAt(ACKNOWLEDGE_REJECTION).task().isAssignedTo("sato");
    assertThat(task(instance).getName()).isEqualTo("kintone：不承認の通知を確認する");
    assertThat(runtimeService.getVariable(instance.getId(), "decisionReason"))
        .isEqualTo("過去 3 年以内にインシデントがあるため");
    submitTask("sato", task(instance), Map.of());
    assertThat(instance).isEnded().hasPassed(END_REJECTED).hasNotPassed(REVIEW);
  }

  @Test
  @DisplayName("可否決定で差し戻すと修正とダブルチェックに戻り、不承認なら申請者に通知される")
  void decisionReturnsAndRejects() {
    ProcessInstance instance = atDoubleCheck();
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("FORWARD", null));
    complete(instance, CaseSteps.REVIEW, "yamamoto", review("APPROVE", null));
    complete(instance, CaseSteps.DECIDE, "kobayashi", decision("RETURN", "利用者の範囲を具体的にしてください"));
    assertThat(instance).isWaitingAt(CORRECT_APPLICATION);
    submitTask(
        "sato",
        task(instance),
        kintone()
            .paid(false)
            .with("userCount", 12)
            .with("correctionNote", "利用者を相談係の 12 名に限定しました")
            .variables());
    submitTask("sato", task(instance), risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(instance), measures("YES", "YES", null));
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("FORWARD", null));
    complete(instance, CaseSteps.REVIEW, "yamamoto", review("REJECT", "代替の全庁サービスがあるため"));
    complete(instance, CaseSteps.DECIDE, "kobayashi", decision("REJECT", "全庁導入済みのサービスで代替できるため"));
    assertThat(instance).isWaitingAt(ACKNOWLEDGE_REJECTION);
    submitTask("sato", task(instance), Map.of());
    assertThat(instance).isEnded().hasPassed(END_REJECTED);
  }

  @Test
  @DisplayName("ダブルチェックが期限を過ぎると情報政策課長に通知され、元のタスクは残る")
  void overdueDoubleCheckEscalates() {
    ProcessInstance instance = atDoubleCheck();
    ClockUtil.setCurrentTime(
        java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(11))));
    org.camunda.bpm.engine.runtime.Job timer =
        processEngine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .executable()
            .singleResult();
    processEngine.getManagementService().executeJob(timer.getId());

    assertThat(task(instance, DOUBLE_CHECK)).as("the overdue task stays open").isNotNull();
    org.camunda.bpm.engine.task.Task escalation = task(instance, ESCALATE_OVERDUE);
    assertThat(escalation.getName()).isEqualTo("kintone：期限超過のタスクを確認する");
    assertThat(taskService.getVariable(escalation.getId(), CaseVariables.OVERDUE_STEP.name()))
        .isEqualTo("申請内容をダブルチェックする");
    assertThat(
            taskService
                .createTaskQuery()
                .taskId(escalation.getId())
                .taskCandidateGroup("policy-head")
                .count())
        .isEqualTo(1);
    complete(instance, ESCALATE_OVERDUE, "kobayashi", Map.of("escalationNote", "区民課に確認した"));
    assertThat(instance).hasPassed(END_OVERDUE_ESCALATED).isWaitingAt(DOUBLE_CHECK);
  }

  @Test
  @DisplayName("SNS の広報用アカウント: 運用内容を記入し、利用責任者が承認すると SNS として台帳に載る。不承認は通知される")
  void snsAccountRegistration() {
    ProcessInstance approved = submitApplication("sato", sns().variables());
    assertThat(approved).isWaitingAt(REGISTER_SNS_ACCOUNT);
    complete(approved, SnsProcess.Element.PREPARE_SNS_REGISTRATION, "sato", snsRegistration());
    complete(
        approved,
        CaseSteps.APPROVE_SNS_REGISTRATION,
        "takahashi",
        Map.of("snsDecisionChoice", "APPROVE"));
    assertThat(approved).isEnded().hasPassed(END_SNS_REGISTERED);

    ProcessInstance rejected = submitApplication("sato", sns().variables());
    complete(rejected, SnsProcess.Element.PREPARE_SNS_REGISTRATION, "sato", snsRegistration());
    complete(
        rejected,
        CaseSteps.APPROVE_SNS_REGISTRATION,
        "takahashi",
        Map.of("snsDecisionChoice", "REJECT", "decisionReason", "既存の区公式アカウントで発信できるため"));
    assertThat(rejected).isWaitingAt(ACKNOWLEDGE_SNS_REJECTION);
    submitTask("sato", task(rejected), Map.of());
    assertThat(rejected).isEnded().hasPassed(END_SNS_REJECTED);
  }

  @Test
  @DisplayName("取下げ（差戻し中）: 申請者が理由を付けて取り下げると修正タスクが消え、申請は取下げで終わり、行為と理由が記録される")
  void withdrawnWhileReturnedForCorrection() {
    ProcessInstance instance = atDoubleCheck();
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("RETURN", "利用者の人数を確認してください"));
    assertThat(instance).isWaitingAt(CORRECT_APPLICATION);
    String caseNumber = caseRecords.find(instance.getId()).orElseThrow().caseNumber();

    as(
        "sato",
        () ->
            withdrawals.withdraw(
                caseNumber,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode()
                    .put("reason", "利用を見送るため")));

    assertThat(instance).isEnded().hasPassed(WITHDRAWAL_REQUESTED, END_WITHDRAWN_ON_REQUEST);
    assertThat(openTasks(instance)).isEmpty();
    assertThat(caseRecords.acts(instance.getId()))
        .last()
        .satisfies(
            act -> {
              assertThat(act.step()).isEqualTo(WITHDRAWAL);
              assertThat(act.result())
                  .isEqualTo(jp.lg.externalservice.caserecord.ActResult.WITHDRAWN);
              assertThat(act.actor().userId()).isEqualTo("sato");
            });
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(ApplicationProcess.Variables.WITHDRAWAL_REASON.name())
                .singleResult()
                .getValue())
        .isEqualTo("利用を見送るため");
  }

  private ProcessInstance atDoubleCheck() {
    ProcessInstance instance = submitApplication("sato", kintone().paid(false).variables());
    submitTask("sato", task(instance), risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(instance), measures("YES", "YES", null));
    assertThat(instance).isWaitingAt(DOUBLE_CHECK);
    return instance;
  }

  private static jp.lg.externalservice.ApplicationAnswers sns() {
    return kintone().service("X", "CLOUD_INTERNET", "SNS").paid(false).informationTypes("PUBLIC");
  }

  @Test
  @DisplayName("無料ルート: リスクを確認して自己チェックへ進む。必要なリスクの確認漏れは拒否される")
  void freeRouteAcceptsRisks() {
    ProcessInstance instance =
        submitApplication(
            "sato",
            kintone().service("Zoom", "CLOUD_INTERNET", "WEB_CONFERENCE").paid(false).variables());
    assertThat(instance).isWaitingAt(ACCEPT_RISKS);

    InputValidationException missing =
        refused(
            () ->
                submitTask(
                    "sato",
                    task(instance),
                    risksAccepted("TERMS_OF_USE", "[\"C1\",\"C2\",\"C3\",\"C4\",\"C5\",\"K1\"]")));
    assertThat(missing.getErrors()).extracting(FieldError::field).containsExactly("acceptedRisks");
    assertThat(missing.getMessage()).contains("Y1", "Y7");
    assertThat(instance).isWaitingAt(ACCEPT_RISKS);

    submitTask("sato", task(instance), risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    assertThat(instance).isWaitingAt(SELF_CHECK_MEASURES);
  }

  @Test
  @DisplayName("有料ルート: 契約書の場合は共通リスクと K1 を確認する")
  void paidRouteWithContract() {
    ProcessInstance instance = submitApplication("sato", kintone().variables());
    submitTask(
        "sato",
        task(instance),
        risksAccepted("CONTRACT", "[\"C1\",\"C2\",\"C3\",\"C4\",\"C5\",\"K1\"]"));
    assertThat(instance).isWaitingAt(SELF_CHECK_MEASURES);
  }

  @Test
  @DisplayName("リスクを許容できなければ理由を書いて取り下げる")
  void withdrawAfterRisks() {
    ProcessInstance instance = submitApplication("sato", kintone().paid(false).variables());
    InputValidationException noReason =
        refused(
            () -> submitTask("sato", task(instance), Map.of("preparationDecision", "WITHDRAW")));
    assertThat(noReason.getErrors())
        .extracting(FieldError::field)
        .containsExactly("preparationNote");

    submitTask(
        "sato",
        task(instance),
        Map.of("preparationDecision", "WITHDRAW", "preparationNote", "約款で目的外利用が禁止されていないため"));
    assertThat(instance).isEnded().hasPassed(END_WITHDRAWN).hasNotPassed(SELF_CHECK_MEASURES);
  }

  @Test
  @DisplayName("別表の必須項目が × のまま申請を続けることはできない（ruling R-12）。取り下げはできる")
  void mandatoryCriterionUnmet() {
    ProcessInstance instance =
        submitApplication("sato", kintone().informationTypes("PERSONAL").variables());
    Map<String, String> answers = new HashMap<>(Map.of("no02", "NO", "no05", "NOT_APPLICABLE"));
    answers.put("no34", null);
    Map<String, Object> unmet = criteria(answers);

    InputValidationException error = refused(() -> submitTask("sato", task(instance), unmet));
    assertThat(error.getErrors())
        .extracting(FieldError::field)
        .containsExactly("selectionCriteria.no02", "selectionCriteria.no34");
    assertThat(error.getMessage()).contains("No.2 は必須項目", "ruling R-12");
    assertThat(instance).isWaitingAt(CHECK_SELECTION_CRITERIA);

    unmet.put("preparationDecision", "WITHDRAW");
    unmet.put("preparationNote", "国外のデータセンターでのみ提供されるため");
    submitTask("sato", task(instance), unmet);
    assertThat(instance).isEnded().hasPassed(END_WITHDRAWN);
  }

  @Test
  @DisplayName("自己チェック: 項目 3 以外の「該当なし」には理由が要り、個人情報があれば項目 3 は「該当なし」にできない")
  void measuresSelfCheckRules() {
    ProcessInstance instance =
        submitApplication("sato", kintone().informationTypes("PERSONAL").variables());
    submitTask("sato", task(instance), allCriteriaMet());

    InputValidationException error =
        refused(
            () ->
                submitTask(
                    "sato", task(instance), measures("NOT_APPLICABLE", "NOT_APPLICABLE", null)));
    assertThat(error.getErrors())
        .extracting(FieldError::field)
        .containsExactly("measuresSelfCheck.item3", "selfCheckNote");
    InputValidationException unanswered =
        refused(
            () ->
                submitTask(
                    "sato",
                    task(instance),
                    Map.of(
                        "measuresSelfCheck",
                        SpinValues.jsonValue("{\"item1\":\"MAYBE\"}").create())));
    assertThat(unanswered.getErrors())
        .extracting(FieldError::field)
        .contains("measuresSelfCheck.item1", "measuresSelfCheck.item8");
    assertThat(instance).isWaitingAt(SELF_CHECK_MEASURES);

    // × is an honest answer: the 利用責任者 will deal with it (ruling R-14).
    submitTask("sato", task(instance), measures("YES", "NOT_APPLICABLE", "無償提供のため責任分界は契約で定めない"));
    assertThat(instance).isWaitingAt(DOUBLE_CHECK);
  }

  @Test
  @DisplayName("判定後に回答を書き換えて提出すると拒否され、ルートを書き換えても案件記録の判定どおりに進む")
  void tamperedClassificationRefused() {
    ProcessInstance instance =
        submitApplication("sato", kintone().informationTypes("PERSONAL").variables());
    submitTask("sato", task(instance), allCriteriaMet());
    Map<String, Object> changedAnswers = measures("YES", "YES", null);
    changedAnswers.put(
        "paid", false); // free with personal information: FORBIDDEN, not the recorded IMPORTANT
    InputValidationException error =
        refused(() -> submitTask("sato", task(instance), changedAnswers));
    assertThat(error.getErrors()).extracting(FieldError::field).containsExactly("outcome");

    Map<String, Object> tampered = measures("YES", "YES", null);
    tampered.put("route", "FREE"); // a display variable: the case record decides
    submitTask("sato", task(instance), tampered);
    assertThat(instance).isWaitingAt(DOUBLE_CHECK);
    assertThat(caseRecords.find(instance.getId()).orElseThrow().classified().route())
        .isEqualTo(Route.IMPORTANT);
  }

  @Test
  @DisplayName("申請不要・利用不可の判定は申請者のタスクで理由を確認して終わる")
  void outcomesThatEndAfterAcknowledgement() {
    ProcessInstance noApplication =
        submitApplication(
            "sato",
            kintone()
                .service("Google マップ", "WEB_SERVICE", "MAP_SEARCH_TRANSLATE")
                .paid(false)
                .exemption("FREE_MAP_SEARCH_TRANSLATE")
                .variables());
    assertThat(task(noApplication).getName()).isEqualTo("Google マップ：申請不要の判定を確認する");
    submitTask("sato", task(noApplication), Map.of());
    assertThat(noApplication).isEnded().hasPassed(END_NO_APPLICATION);

    ProcessInstance forbidden =
        submitApplication(
            "sato",
            kintone()
                .service("ChatGPT", "CLOUD_INTERNET", "GENERATIVE_AI")
                .paid(false)
                .informationTypes("PERSONAL")
                .variables());
    submitTask("sato", task(forbidden), Map.of());
    assertThat(forbidden)
        .isEnded()
        .hasPassed(END_FORBIDDEN)
        .variables()
        .containsEntry("outcome", "FORBIDDEN")
        .containsEntry("outcomeLabel", "利用不可");
    String reasons =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(forbidden.getId())
            .variableName("reasons")
            .singleResult()
            .getValue()
            .toString();
    assertThat(reasons).contains("004 §3 注記1", "無料の外部サービスで個人情報等の重要情報を取り扱うことは認められません");
  }

  @Test
  @DisplayName("申請者のタスクには 14 日後の期限がある（設定値、エンジンの時計で計算）")
  void applicantTaskDueDate() {
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2027-01-04T00:00:00Z")));
    ProcessInstance instance = submitApplication("sato", kintone().variables());
    assertThat(task(instance).getDueDate().toInstant())
        .isEqualTo(java.time.Instant.parse("2027-01-04T00:00:00Z").plus(Duration.ofDays(14)));
  }

  @Test
  @DisplayName("判定はルール表（DMN）の評価としてディシジョン履歴に残る")
  void classificationIsInDecisionHistory() {
    long before = historyService.createHistoricDecisionInstanceQuery().count();
    submitApplication("sato", kintone().connectionZones("INTERNET", "LGWAN").variables());
    assertThat(
            historyService
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(DmnRuleTables.EXEMPTION_DECISION)
                .count())
        .isPositive();
    assertThat(historyService.createHistoricDecisionInstanceQuery().count() - before)
        .as("one exemption evaluation and one per requested zone")
        .isEqualTo(3);
  }

  @Test
  @DisplayName("不正な申請は提出できず、何も保存されない。誤りのある項目がすべて示され、下書きは残る")
  void invalidApplicationIsNotStarted() {
    long decisions = historyService.createHistoricDecisionInstanceQuery().count();
    InputValidationException noName =
        refused(() -> startApplication("sato", kintone().without("serviceName").variables()));
    assertThat(noName.getErrors()).extracting(FieldError::field).containsExactly("serviceName");
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    ProcessInstance draft = startApplication("sato", kintone().variables());
    long acts = caseRecords.acts(draft.getId()).size();
    InputValidationException error =
        refused(
            () ->
                submitTask(
                    "sato",
                    fillInTask(draft),
                    kintone()
                        .with("serviceName", "  ")
                        .with("serviceKind", "SATELLITE")
                        .with("paid", "yes")
                        .with("userCount", 0)
                        .with("periodStart", "2027-04-01")
                        .with("periodEnd", "2027-03-31")
                        .with("serviceManager", "nobody")
                        .connectionZones()
                        .variables()));
    assertThat(error.getErrors())
        .extracting(FieldError::field)
        .containsExactly(
            "serviceName",
            "serviceKind",
            "paid",
            "connectionZones",
            "userCount",
            "periodEnd",
            "serviceManager");
    assertThat(error.getErrors())
        .allSatisfy(e -> assertThat(e.message()).isNotBlank())
        .allSatisfy(e -> assertThat(e.messageEn()).isNotBlank());
    assertThat(historyService.createHistoricProcessInstanceQuery().count())
        .isEqualTo(instances + 1);
    assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisions);
    assertThat(draft).isWaitingAtExactly(ApplicationProcess.Element.FILL_IN_APPLICATION);
    assertThat(caseRecords.acts(draft.getId())).hasSize((int) acts);
  }

  @Test
  @DisplayName("所属部署のない利用者は申請できない。申請の権限がない利用者は開始できない")
  void applicantMustBelongToADepartment() {
    InputValidationException error =
        refused(() -> submitApplication("demo", kintone().variables()));
    assertThat(error.getErrors()).extracting(FieldError::field).containsExactly("applicant");

    identityService.saveUser(identityService.newUser("outsider"));
    try {
      assertThatThrownBy(() -> submitApplication("outsider", kintone().variables()))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.deleteUser("outsider");
    }
  }

  @Test
  @DisplayName("他人の申請のタスクは完了できない")
  void othersCannotCompleteTheApplicantsTask() {
    ProcessInstance instance = submitApplication("sato", kintone().variables());
    assertThatThrownBy(
            () -> submitTask("suzuki", task(instance), risksAccepted("CONTRACT", TERMS_RISKS)))
        .isInstanceOf(AuthorizationException.class);
    assertThat(instance).isWaitingAt(ACCEPT_RISKS);
  }
}
