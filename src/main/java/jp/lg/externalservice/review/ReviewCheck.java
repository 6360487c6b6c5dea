package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Var.*;

import jp.lg.externalservice.review.ReviewProcess.ReviewRecommendation;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Review} by 情報政策課 (004 §9(2)(3) 審査): a recommendation to the head of 情報政策課, or a return for
 * correction. Approval needs the explicit judgment on 要配慮個人情報, a justification for a discouraged service
 * the 別表 mandatory items and no × in the double check. NISC advice only for national bodies
 * (R-19).
 */
@Component("reviewCheck")
public class ReviewCheck extends TaskCompletionCheck {

  private final FourEyes fourEyes;
  private final ApprovalRules approvalRules;
  private final Decisions decisions;

  public ReviewCheck(FourEyes fourEyes, ApprovalRules approvalRules, Decisions decisions) {
    this.fourEyes = fourEyes;
    this.approvalRules = approvalRules;
    this.decisions = decisions;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ProcessFacts facts = new ProcessFacts(execution);
    String user = fourEyes.check(reader, facts.applicant(), facts.departmentCode());
    ReviewRecommendation recommendation = reader.requiredEnum(REVIEW_RECOMMENDATION, ReviewRecommendation.class);
    String comment = reader.optionalText(REVIEW_COMMENT, 2000);
    reader.optionalText(CAREFUL_JUDGMENT, 2000);
    reader.optionalText(DISCOURAGED_JUSTIFICATION, 2000);
    if (recommendation == ReviewRecommendation.REQUEST_NISC_ADVICE && !facts.flag(NISC_ADVICE_AVAILABLE)) {
      reader.reject(REVIEW_RECOMMENDATION, "NISC への助言依頼は、000 の別紙に掲げる国の機関等だけが行えます（ruling R-19）",
          "only national bodies listed in the 000 annex ask NISC for advice (ruling R-19)");
    }
    if ((recommendation == ReviewRecommendation.REJECT || recommendation == ReviewRecommendation.RETURN)
        && comment == null && !reader.hasError(REVIEW_COMMENT)) {
      reader.reject(REVIEW_COMMENT, "不承認・差戻しの理由を記入してください", "give the reason for rejecting or returning");
    }
    if (recommendation == ReviewRecommendation.APPROVE) {
      if (facts.flag(CAREFUL_JUDGMENT_REQUIRED)) {
        reader.requiredText(CAREFUL_JUDGMENT, 2000);
      }
      if (facts.flag(DISCOURAGED)) {
        reader.requiredText(DISCOURAGED_JUSTIFICATION, 2000);
      }
      approvalRules.checkRecommendation(reader, REVIEW_RECOMMENDATION, facts);
    }
    if (!reader.errors().isEmpty()) {
      return;
    }
    execution.setVariable(REVIEWED_BY, user);
    if (recommendation == ReviewRecommendation.RETURN) {
      decisions.returned(execution, user, comment);
    }
  }
}
