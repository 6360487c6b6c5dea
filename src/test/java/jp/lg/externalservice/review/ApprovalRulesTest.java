package jp.lg.externalservice.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.Actor;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseClassification;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.caserecord.ProcessFacts;
import jp.lg.externalservice.checklist.CheckAnswer;
import jp.lg.externalservice.checklist.SecurityMeasure;
import jp.lg.externalservice.checklist.SelectionCriterion;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputReader;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What must hold before an application may be recommended for approval and approved (ruling R-7,
 * 004 §9(2)). The case record (facts, acts) and the answers of the forms
 * (variables) are given by hand.
 */
class ApprovalRulesTest {

  private static final String FIELD = "decision";

  private final ApprovalRules rules = new ApprovalRules();
  private final InputReader reader = new InputReader(JsonNodeFactory.instance.objectNode());

  @Nested
  @DisplayName("審査の承認の推薦（ReviewCheck）と承認（DecisionCheck）の両方")
  class Recommendation {

    @Test
    @DisplayName("ダブルチェックに × がなく、別表の必須項目がすべて ○ なら推薦できる")
    void aCompleteApplicationMayBeRecommended() {
      rules.checkRecommendation(reader, FIELD, important().facts());

      assertThat(reader.errors()).isEmpty();
    }

    @Test
    @DisplayName("ダブルチェックで × の項目があれば承認できず、その番号を示す")
    void crossesInTheDoubleCheckRefuse() {
      rules.checkRecommendation(
          reader,
          FIELD,
          important()
              .doubleCheck(SecurityMeasure.ITEM3, CheckAnswer.NO)
              .doubleCheck(SecurityMeasure.ITEM5, CheckAnswer.NO)
              .facts());

      assertThat(errors())
          .containsExactly(
              tuple(
                  FIELD,
                  "ダブルチェックで × の項目（3, 5）があるため承認できません",
                  "items [3, 5] were answered NO in the double check: no approval (ruling R-14)"));
    }

    @Test
    @DisplayName("／（該当なし）は × ではない")
    void notApplicableIsNoCross() {
      rules.checkRecommendation(
          reader,
          FIELD,
          important().doubleCheck(SecurityMeasure.ITEM3, CheckAnswer.NOT_APPLICABLE).facts());

      assertThat(reader.errors()).isEmpty();
    }

    @Test
    @DisplayName("重要情報のルートで別表の必須項目が ○ でなければ承認できず、その番号を示す")
    void unmetMandatoryCriteriaRefuse() {
      rules.checkRecommendation(
          reader,
          FIELD,
          important()
              .criterion(SelectionCriterion.NO_02, CheckAnswer.NO)
              .criterion(SelectionCriterion.NO_34, CheckAnswer.NOT_APPLICABLE)
              .criterion(SelectionCriterion.NO_03, CheckAnswer.NO) // 高, not 必須: not refused
              .facts());

      assertThat(errors())
          .containsExactly(
              tuple(
                  FIELD,
                  "別表の必須項目（No.2, No.34）を満たしていないため承認できません",
                  "mandatory selection criteria [No.2, No.34] are not met (ruling R-12)"));
    }

    @Test
    @DisplayName("別表が答えられていなければ、重要情報のルートでは必須項目がすべて未達")
    void noSelectionCriteriaMeansAllMandatoryItemsUnmet() {
      rules.checkRecommendation(reader, FIELD, important().withoutSelectionCriteria().facts());

      assertThat(reader.errors())
          .extracting(FieldError::message)
          .containsExactly("別表の必須項目（No.1, No.2, No.32, No.34）を満たしていないため承認できません");
    }

    @ParameterizedTest
    @EnumSource(
        value = Route.class,
        names = {"PAID", "FREE"})
    @DisplayName("重要情報のルート以外では別表を問わない")
    void otherRoutesNeedNoSelectionCriteria(Route route) {
      rules.checkRecommendation(reader, FIELD, route(route).withoutSelectionCriteria().facts());

      assertThat(reader.errors()).isEmpty();
    }
  }

  @Nested
  @DisplayName("情報政策課長の承認（DecisionCheck）")
  class Decision {

    @Test
    @DisplayName("推薦の条件を満たし、情報化企画が承認されていれば承認できる")
    void aCompleteApplicationMayBeApproved() {
      rules.checkDecision(reader, FIELD, important().facts());

      assertThat(reader.errors()).isEmpty();
    }

    @Test
    @DisplayName("推薦の条件は承認でも確かめる: ダブルチェックで × があれば承認できない")
    void theRecommendationsRulesHoldAgain() {
      rules.checkDecision(
          reader, FIELD, important().doubleCheck(SecurityMeasure.ITEM1, CheckAnswer.NO).facts());

      assertThat(reader.errors())
          .extracting(FieldError::message)
          .containsExactly("ダブルチェックで × の項目（1）があるため承認できません");
    }

    @ParameterizedTest(name = "情報化企画の審査: {0}")
    @NullSource
    @EnumSource(
        value = ActResult.class,
        names = {"REJECTED", "RETURNED"})
    @DisplayName("情報化企画が必要なのに承認されていなければ、利用を許可できない（004 §9(2)）")
    void itPlanningMustBeApproved(ActResult itPlanning) {
      rules.checkDecision(
          reader,
          FIELD,
          important().act(ReviewProcess.Element.REVIEW_IT_PLANNING, itPlanning).facts());

      assertThat(errors())
          .containsExactly(
              tuple(
                  FIELD,
                  "情報化企画が承認されていないため、利用を許可できません（練馬区ガイドライン §9(2)）",
                  "the IT planning (情報化企画) was not approved: use cannot be permitted (004 §9(2))"));
    }

    @Test
    @DisplayName("無料のルートには情報化企画がない")
    void theFreeRouteNeedsNoItPlanning() {
      rules.checkDecision(
          reader,
          FIELD,
          route(Route.FREE).act(ReviewProcess.Element.REVIEW_IT_PLANNING, null).facts());

      assertThat(reader.errors()).isEmpty();
    }

    @ParameterizedTest(name = "正当な理由: \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   "})
    @DisplayName("原則不可のサービスは、審査で正当な理由が記録されていなければ承認できない")
    void aDiscouragedServiceNeedsAJustification(String justification) {
      rules.checkDecision(
          reader,
          FIELD,
          important()
              .discouraged()
              .variable(ReviewProcess.Variables.DISCOURAGED_JUSTIFICATION.name(), justification)
              .facts());

      assertThat(errors())
          .containsExactly(
              tuple(
                  FIELD,
                  "原則不可のサービスを承認するには、審査で正当な理由が記録されている必要があります",
                  "a discouraged service needs a recorded justification from the review (ruling R-7)"));
    }

    @Test
    @DisplayName("正当な理由が記録されていれば、原則不可のサービスも承認できる")
    void aJustifiedDiscouragedServiceMayBeApproved() {
      rules.checkDecision(
          reader,
          FIELD,
          important()
              .discouraged()
              .variable(
                  ReviewProcess.Variables.DISCOURAGED_JUSTIFICATION.name(),
                  "全庁の代替サービスでは業務が成り立たないため")
              .facts());

      assertThat(reader.errors()).isEmpty();
    }

    @Test
    @DisplayName("要配慮個人情報の条件があれば、審査の判断が記録されていなければ承認できない")
    void carefulJudgmentMustBeRecorded() {
      ReviewCase application = important().condition(Condition.CAREFUL_JUDGMENT);
      rules.checkDecision(reader, FIELD, application.facts());

      assertThat(errors())
          .containsExactly(
              tuple(
                  FIELD,
                  "要配慮個人情報についての審査の判断が記録されていません",
                  "the review's judgment on special-care personal information is missing (ruling R-8)"));

      InputReader judged = new InputReader(JsonNodeFactory.instance.objectNode());
      rules.checkDecision(
          judged,
          FIELD,
          application
              .variable(ReviewProcess.Variables.CAREFUL_JUDGMENT.name(), "利用目的に照らし必要最小限と判断")
              .facts());
      assertThat(judged.errors()).isEmpty();
    }

    @Test
    @DisplayName("事前相談の条件があれば、事前相談の記録と結果の両方がなければ承認できない")
    void priorConsultationMustBeRecordedWithItsResult() {
      String missing = "情報政策課への事前相談の結果が記録されていません";

      InputReader noAct = new InputReader(JsonNodeFactory.instance.objectNode());
      rules.checkDecision(
          noAct,
          FIELD,
          important()
              .condition(Condition.PRIOR_CONSULTATION)
              .variable(ReviewProcess.Variables.PRIOR_CONSULTATION_RESULT.name(), "構成は妥当")
              .facts());
      InputReader noResult = new InputReader(JsonNodeFactory.instance.objectNode());
      rules.checkDecision(
          noResult,
          FIELD,
          important()
              .condition(Condition.PRIOR_CONSULTATION)
              .act(ReviewProcess.Element.RECORD_PRIOR_CONSULTATION, ActResult.RECORDED)
              .facts());
      InputReader both = new InputReader(JsonNodeFactory.instance.objectNode());
      rules.checkDecision(
          both,
          FIELD,
          important()
              .condition(Condition.PRIOR_CONSULTATION)
              .act(ReviewProcess.Element.RECORD_PRIOR_CONSULTATION, ActResult.RECORDED)
              .variable(ReviewProcess.Variables.PRIOR_CONSULTATION_RESULT.name(), "構成は妥当")
              .facts());

      assertThat(noAct.errors()).extracting(FieldError::message).containsExactly(missing);
      assertThat(noResult.errors()).extracting(FieldError::message).containsExactly(missing);
      assertThat(both.errors()).isEmpty();
    }

    @Test
    @DisplayName("特定通信の条件があれば、申請者が構成を確認していなければ承認できない")
    void specificCommunicationMustBeConfirmed() {
      ReviewCase application = important().condition(Condition.SPECIFIC_COMMUNICATION);
      rules.checkDecision(reader, FIELD, application.facts());

      assertThat(errors())
          .containsExactly(
              tuple(
                  FIELD,
                  "特定通信の構成が確認されていません",
                  "the 特定通信 configuration has not been confirmed (ruling R-8)"));

      InputReader confirmed = new InputReader(JsonNodeFactory.instance.objectNode());
      rules.checkDecision(
          confirmed,
          FIELD,
          application
              .act(ReviewProcess.Element.CONFIRM_SPECIFIC_COMMUNICATION, ActResult.CONFIRMED)
              .facts());
      assertThat(confirmed.errors()).isEmpty();
    }

    @Test
    @DisplayName("満たしていない規則はすべて一度に示す")
    void everyUnmetRuleIsNamedAtOnce() {
      rules.checkDecision(
          reader,
          FIELD,
          important()
              .discouraged()
              .condition(Condition.CAREFUL_JUDGMENT)
              .condition(Condition.PRIOR_CONSULTATION)
              .condition(Condition.SPECIFIC_COMMUNICATION)
              .doubleCheck(SecurityMeasure.ITEM8, CheckAnswer.NO)
              .criterion(SelectionCriterion.NO_01, CheckAnswer.NO)
              .act(ReviewProcess.Element.REVIEW_IT_PLANNING, ActResult.REJECTED)
              .facts());

      assertThat(reader.errors())
          .extracting(FieldError::messageEn)
          .hasSize(7)
          .allSatisfy(
              message ->
                  assertThat(message).containsPattern("\\((ruling R-\\d+|004 §9\\(2\\))\\)$"));
    }
  }

  private List<Tuple> errors() {
    return reader.errors().stream().map(e -> tuple(e.field(), e.message(), e.messageEn())).toList();
  }

  /** An application on route IMPORTANT, complete: double check all ○, 別表 all ○, 情報化企画 approved. */
  private static ReviewCase important() {
    return route(Route.IMPORTANT);
  }

  private static ReviewCase route(Route route) {
    return new ReviewCase(route);
  }

  /**
   * A review round as the checks see it: the case record and the variables of this process
   * instance.
   */
  private static final class ReviewCase {
    private final Route route;
    private Outcome outcome = Outcome.APPLICATION_REQUIRED;
    private final List<Condition> conditions = new ArrayList<>();
    private final Map<String, Object> variables = new HashMap<>();
    private final Map<String, String> doubleCheck = new LinkedHashMap<>();
    private Map<String, String> selectionCriteria = new LinkedHashMap<>();
    private final Map<String, ActResult> acts = new HashMap<>();

    ReviewCase(Route route) {
      this.route = route;
      Arrays.stream(SecurityMeasure.values())
          .forEach(item -> doubleCheck.put(item.key(), CheckAnswer.YES.name()));
      Arrays.stream(SelectionCriterion.values())
          .forEach(item -> selectionCriteria.put(item.key(), CheckAnswer.YES.name()));
      if (route.itPlanningRequired()) {
        acts.put(ReviewProcess.Element.REVIEW_IT_PLANNING, ActResult.APPROVED);
      }
    }

    ReviewCase discouraged() {
      outcome = Outcome.DISCOURAGED;
      return this;
    }

    ReviewCase condition(Condition condition) {
      conditions.add(condition);
      return this;
    }

    ReviewCase doubleCheck(SecurityMeasure item, CheckAnswer answer) {
      doubleCheck.put(item.key(), answer.name());
      return this;
    }

    ReviewCase criterion(SelectionCriterion item, CheckAnswer answer) {
      selectionCriteria.put(item.key(), answer.name());
      return this;
    }

    ReviewCase withoutSelectionCriteria() {
      selectionCriteria = null;
      return this;
    }

    ReviewCase variable(String name, Object value) {
      variables.put(name, value);
      return this;
    }

    /** The act recorded at {@code step} in this round; null: none. */
    ReviewCase act(String step, ActResult result) {
      acts.put(step, result);
      return this;
    }

    ProcessFacts facts() {
      CaseClassification classification =
          new CaseClassification(
              outcome,
              route,
              route.applicationForm(),
              route == Route.IMPORTANT,
              route.itPlanningRequired(),
              conditions,
              Instant.EPOCH);
      CaseRecord record =
          new CaseRecord(
              "case-1",
              "R8-0001",
              "kintone",
              new Actor("yamada", "山田 太郎"),
              new Department("kumin", "区民課"),
              "sato",
              null,
              null,
              Instant.EPOCH,
              classification);
      Map<String, Object> values = new HashMap<>(variables);
      CaseVariables.DOUBLE_CHECK.put(values, doubleCheck);
      CaseVariables.SELECTION_CRITERIA.put(values, selectionCriteria);

      DelegateExecution execution = mock(DelegateExecution.class);
      when(execution.getVariable(anyString()))
          .thenAnswer(invocation -> values.get(invocation.getArgument(0)));
      CaseRecords records = mock(CaseRecords.class);
      when(records.of(any())).thenReturn(record);
      when(records.lastActInThisInstance(any(), anyString()))
          .thenAnswer(
              invocation -> {
                String step = invocation.getArgument(1);
                ActResult result = acts.get(step);
                return Optional.ofNullable(
                    result == null
                        ? null
                        : new CaseAct(
                            "case-1",
                            "review-1",
                            step,
                            new Actor("kobayashi", "小林 恵"),
                            "policy",
                            result,
                            Instant.EPOCH));
              });
      return ProcessFacts.of(execution, records);
    }
  }
}
