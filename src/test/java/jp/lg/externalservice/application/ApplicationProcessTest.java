package jp.lg.externalservice.application;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.application.ApplicationProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application diagram walked task by task as the applicant would in Tasklist: every flow is covered (the
 * coverage listener fails this class below 100 % of {@code external-service-application}), every server-side
 * check refuses bad input with the field named, and the task stays open.
 */
class ApplicationProcessTest extends EngineTest {

  @TestConfiguration
  static class FullCoverage {
    @Bean
    ProcessEngineCoverageProperties coverageProperties() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .excludeProcessDefinitionKeys("external-service-review")
          .assertClassCoverageAtLeast(1.0)
          .build();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Map<String, Object> allCriteriaMet() {
    return criteria(Map.of());
  }

  /** Every 別表 item ○ except the given answers; an answer of null leaves the item out. */
  private static Map<String, Object> criteria(Map<String, String> exceptions) {
    StringBuilder json = new StringBuilder("{");
    for (SelectionCriterion criterion : SelectionCriterion.values()) {
      String answer = exceptions.containsKey(criterion.key()) ? exceptions.get(criterion.key()) : "YES";
      if (answer != null) {
        json.append(json.length() > 1 ? "," : "").append('"').append(criterion.key()).append("\":\"")
            .append(answer).append('"');
      }
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("selectionCriteria", SpinValues.jsonValue(json.append('}').toString()).create());
    variables.put("preparationDecision", "PROCEED");
    return variables;
  }

  private static Map<String, Object> measures(String item3, String item5, String note) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("measuresSelfCheck", SpinValues.jsonValue("{\"item1\":\"YES\",\"item2\":\"YES\",\"item3\":\"" + item3
        + "\",\"item4\":\"YES\",\"item5\":\"" + item5 + "\",\"item6\":\"YES\",\"item7\":\"YES\",\"item8\":\"NO\"}").create());
    variables.put("selfCheckNote", note);
    return variables;
  }

  private static Map<String, Object> risksAccepted(String contractType, String risks) {
    return Map.of("contractType", contractType, "acceptedRisks", SpinValues.jsonValue(risks).create(),
        "preparationDecision", "PROCEED");
  }

  private static final String TERMS_RISKS = "[\"C1\",\"C2\",\"C3\",\"C4\",\"C5\",\"Y1\",\"Y2\",\"Y3\",\"Y4\",\"Y5\",\"Y6\",\"Y7\"]";

  private InputValidationException refused(Runnable action) {
    Throwable thrown = catchThrowable(action);
    assertThat(thrown).isInstanceOf(InputValidationException.class);
    return (InputValidationException) thrown;
  }

  private static Throwable catchThrowable(Runnable action) {
    try {
      action.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  @Test
  @DisplayName("重要情報ルート: 別表を確認し、自己チェックして、情報政策課の受付まで進む")
  void importantRouteReachesReview() {
    ProcessInstance instance = submitApplication("sato", kintone().informationTypes("PERSONAL").variables());
    assertThat(instance).isWaitingAt(CHECK_SELECTION_CRITERIA).task().isAssignedTo("sato");
    submitTask("sato", task(instance), allCriteriaMet());
    assertThat(instance).isWaitingAt(SELF_CHECK_MEASURES);
    submitTask("sato", task(instance), measures("YES", "YES", null));

    assertThat(instance).isWaitingAt(REVIEW);
    ProcessInstance review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .singleResult();
    assertThat(review).hasProcessDefinitionKey("external-service-review")
        .hasVariables("serviceName", "route", "measuresSelfCheck", "selectionCriteria");
    Task reception = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();
    assertThat(reception.getName()).isEqualTo("kintone：利用申請を受け付ける");
    assertThat(taskService.createTaskQuery().taskCandidateGroup("policy-reviewer").count()).isEqualTo(1);
    asUser("yamamoto", () -> taskService.claim(reception.getId(), "yamamoto"));
    submitTask("yamamoto", reception, Map.of("receptionNote", "受け付けました"));

    assertThat(instance).isEnded().hasPassedInOrder(CLASSIFY, CHECK_SELECTION_CRITERIA, SELF_CHECK_MEASURES, REVIEW,
        END_REVIEWED);
  }

  @Test
  @DisplayName("無料ルート: リスクを確認して自己チェックへ進む。必要なリスクの確認漏れは拒否される")
  void freeRouteAcceptsRisks() {
    ProcessInstance instance = submitApplication("sato",
        kintone().service("Zoom", "CLOUD_INTERNET", "WEB_CONFERENCE").paid(false).variables());
    assertThat(instance).isWaitingAt(ACCEPT_RISKS);

    InputValidationException missing = refused(() -> submitTask("sato", task(instance),
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
    submitTask("sato", task(instance), risksAccepted("CONTRACT", "[\"C1\",\"C2\",\"C3\",\"C4\",\"C5\",\"K1\"]"));
    assertThat(instance).isWaitingAt(SELF_CHECK_MEASURES);
  }

  @Test
  @DisplayName("リスクを許容できなければ理由を書いて取り下げる")
  void withdrawAfterRisks() {
    ProcessInstance instance = submitApplication("sato", kintone().paid(false).variables());
    InputValidationException noReason = refused(() -> submitTask("sato", task(instance),
        Map.of("preparationDecision", "WITHDRAW")));
    assertThat(noReason.getErrors()).extracting(FieldError::field).containsExactly("preparationNote");

    submitTask("sato", task(instance), Map.of("preparationDecision", "WITHDRAW",
        "preparationNote", "約款で目的外利用が禁止されていないため"));
    assertThat(instance).isEnded().hasPassed(END_WITHDRAWN).hasNotPassed(SELF_CHECK_MEASURES);
  }

  @Test
  @DisplayName("別表の必須項目が × のまま申請を続けることはできない（ruling R-12）。取り下げはできる")
  void mandatoryCriterionUnmet() {
    ProcessInstance instance = submitApplication("sato", kintone().informationTypes("PERSONAL").variables());
    Map<String, String> answers = new HashMap<>(Map.of("no02", "NO", "no05", "NOT_APPLICABLE"));
    answers.put("no34", null);
    Map<String, Object> unmet = criteria(answers);

    InputValidationException error = refused(() -> submitTask("sato", task(instance), unmet));
    assertThat(error.getErrors()).extracting(FieldError::field)
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
    ProcessInstance instance = submitApplication("sato", kintone().informationTypes("PERSONAL").variables());
    submitTask("sato", task(instance), allCriteriaMet());

    InputValidationException error = refused(() -> submitTask("sato", task(instance),
        measures("NOT_APPLICABLE", "NOT_APPLICABLE", null)));
    assertThat(error.getErrors()).extracting(FieldError::field)
        .containsExactly("measuresSelfCheck.item3", "selfCheckNote");
    InputValidationException unanswered = refused(() -> submitTask("sato", task(instance),
        Map.of("measuresSelfCheck", SpinValues.jsonValue("{\"item1\":\"MAYBE\"}").create())));
    assertThat(unanswered.getErrors()).extracting(FieldError::field).contains("measuresSelfCheck.item1",
        "measuresSelfCheck.item8");
    assertThat(instance).isWaitingAt(SELF_CHECK_MEASURES);

    // × is an honest answer: the 利用責任者 will deal with it (ruling R-14).
    submitTask("sato", task(instance), measures("YES", "NOT_APPLICABLE", "無償提供のため責任分界は契約で定めない"));
    assertThat(instance).isWaitingAt(REVIEW);
  }

  @Test
  @DisplayName("判定後に REST でルートを書き換えて提出しても拒否される")
  void tamperedClassificationRefused() {
    ProcessInstance instance = submitApplication("sato", kintone().informationTypes("PERSONAL").variables());
    submitTask("sato", task(instance), allCriteriaMet());
    Map<String, Object> tampered = measures("YES", "YES", null);
    tampered.put("route", "FREE");
    InputValidationException error = refused(() -> submitTask("sato", task(instance), tampered));
    assertThat(error.getErrors()).extracting(FieldError::field).containsExactly("outcome");
    assertThat(runtimeService.getVariable(instance.getId(), "route")).isEqualTo("IMPORTANT");
  }

  @Test
  @DisplayName("申請不要・利用不可・SNS の判定は申請者のタスクで理由を確認して終わる")
  void outcomesThatEndAfterAcknowledgement() {
    ProcessInstance noApplication = submitApplication("sato", kintone().service("Google マップ", "WEB_SERVICE",
        "MAP_SEARCH_TRANSLATE").paid(false).exemption("FREE_MAP_SEARCH_TRANSLATE").variables());
    assertThat(task(noApplication).getName()).isEqualTo("Google マップ：申請不要の判定を確認する");
    submitTask("sato", task(noApplication), Map.of());
    assertThat(noApplication).isEnded().hasPassed(END_NO_APPLICATION);

    ProcessInstance forbidden = submitApplication("sato", kintone().service("ChatGPT", "CLOUD_INTERNET",
        "GENERATIVE_AI").paid(false).informationTypes("PERSONAL").variables());
    submitTask("sato", task(forbidden), Map.of());
    assertThat(forbidden).isEnded().hasPassed(END_FORBIDDEN).variables()
        .containsEntry("outcome", "FORBIDDEN").containsEntry("outcomeLabel", "利用不可");
    String reasons = historyService.createHistoricVariableInstanceQuery().processInstanceId(forbidden.getId())
        .variableName("reasons").singleResult().getValue().toString();
    assertThat(reasons).contains("004 §3 注記1", "無料の外部サービスで個人情報等の重要情報を取り扱うことは認められません");

    ProcessInstance sns = submitApplication("sato", kintone().service("X", "CLOUD_INTERNET", "SNS").paid(false)
        .informationTypes("PUBLIC").variables());
    submitTask("sato", task(sns), Map.of());
    assertThat(sns).isEnded().hasPassed(END_SNS_PROCEDURE);
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
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("external-service-exemption")
        .count()).isPositive();
    assertThat(historyService.createHistoricDecisionInstanceQuery().count() - before)
        .as("one exemption evaluation and one per requested zone").isEqualTo(3);
  }

  @Test
  @DisplayName("不正な申請は開始されず、何も保存されない。誤りのある項目がすべて示される")
  void invalidApplicationIsNotStarted() {
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    long decisions = historyService.createHistoricDecisionInstanceQuery().count();
    InputValidationException error = refused(() -> submitApplication("sato", kintone()
        .without("serviceName").with("serviceKind", "SATELLITE").with("paid", "yes").with("userCount", 0)
        .with("periodStart", "2027-04-01").with("periodEnd", "2027-03-31").with("serviceManager", "nobody")
        .connectionZones().variables()));
    assertThat(error.getErrors()).extracting(FieldError::field).containsExactly("serviceName", "serviceKind", "paid",
        "connectionZones", "userCount", "periodEnd", "serviceManager");
    assertThat(error.getErrors()).allSatisfy(e -> assertThat(e.message()).isNotBlank())
        .allSatisfy(e -> assertThat(e.messageEn()).isNotBlank());
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisions);
  }

  @Test
  @DisplayName("所属部署のない利用者は申請できない。申請の権限がない利用者は開始できない")
  void applicantMustBelongToADepartment() {
    InputValidationException error = refused(() -> submitApplication("demo", kintone().variables()));
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
    assertThatThrownBy(() -> submitTask("suzuki", task(instance), risksAccepted("CONTRACT", TERMS_RISKS)))
        .isInstanceOf(AuthorizationException.class);
    assertThat(instance).isWaitingAt(ACCEPT_RISKS);
  }
}
