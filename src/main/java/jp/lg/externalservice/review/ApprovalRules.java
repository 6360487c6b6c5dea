package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Variables.*;

import java.util.List;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.ProcessFacts;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.system.InputReader;
import org.springframework.stereotype.Component;

/**
 * What must hold before an application may be approved, checked on the server when the reviewer
 * recommends approval and again when the head of 情報政策課 approves, for Tasklist and REST alike. The
 * facts — route, conditions, "原則不可", 情報化企画 required, and who confirmed or approved what — come from
 * the case record; only the answers of the reviewers' own forms (justification, judgment) from
 * their variables.
 */
@Component
class ApprovalRules {

  /** The rules the reviewer's recommendation must already meet. */
  void checkRecommendation(InputReader reader, String field, ProcessFacts facts) {
    List<String> crosses = facts.doubleCheckCrosses();
    if (!crosses.isEmpty()) {
      reader.reject(
          field,
          "ダブルチェックで × の項目（" + String.join(", ", crosses) + "）があるため承認できません（ruling R-14）",
          "items " + crosses + " were answered NO in the double check: no approval (ruling R-14)");
    }
    if (facts.route() == Route.IMPORTANT) {
      List<String> unmet = facts.unmetMandatoryCriteria();
      if (!unmet.isEmpty()) {
        reader.reject(
            field,
            "別表の必須項目（" + String.join(", ", unmet) + "）を満たしていないため承認できません（ruling R-12）",
            "mandatory selection criteria " + unmet + " are not met (ruling R-12)");
      }
    }
  }

  /** Everything the approval by the head of 情報政策課 needs. */
  void checkDecision(InputReader reader, String field, ProcessFacts facts) {
    checkRecommendation(reader, field, facts);
    if (facts.classification().itPlanningRequired()
        && !facts.acted(ReviewProcess.Element.REVIEW_IT_PLANNING, ActResult.APPROVED)) {
      reader.reject(
          field,
          "情報化企画が承認されていないため、利用を許可できません（004 §9(2)）",
          "the IT planning (情報化企画) was not approved: use cannot be permitted (004 §9(2))");
    }
    if (facts.discouraged() && blank(facts.string(DISCOURAGED_JUSTIFICATION))) {
      reader.reject(
          field,
          "原則不可のサービスを承認するには、審査で正当な理由が記録されている必要があります（ruling R-7）",
          "a discouraged service needs a recorded justification from the review (ruling R-7)");
    }
    if (facts.conditionApplies(Condition.CAREFUL_JUDGMENT)
        && blank(facts.string(CAREFUL_JUDGMENT))) {
      reader.reject(
          field,
          "要配慮個人情報についての審査の判断が記録されていません（ruling R-8）",
          "the review's judgment on special-care personal information is missing (ruling R-8)");
    }
    if (facts.conditionApplies(Condition.PRIOR_CONSULTATION)
        && (!facts.acted(ReviewProcess.Element.RECORD_PRIOR_CONSULTATION, ActResult.RECORDED)
            || blank(facts.string(PRIOR_CONSULTATION_RESULT)))) {
      reader.reject(
          field,
          "情報政策課への事前相談の結果が記録されていません（ruling R-8）",
          "the result of the prior consultation is missing (ruling R-8)");
    }
    if (facts.conditionApplies(Condition.SPECIFIC_COMMUNICATION)
        && !facts.acted(
            ReviewProcess.Element.CONFIRM_SPECIFIC_COMMUNICATION, ActResult.CONFIRMED)) {
      reader.reject(
          field,
          "特定通信の構成が確認されていません（ruling R-8）",
          "the 特定通信 configuration has not been confirmed (ruling R-8)");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
