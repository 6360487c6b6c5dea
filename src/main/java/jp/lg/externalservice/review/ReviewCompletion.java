package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Variables.*;

import java.time.format.DateTimeFormatter;
import java.util.Set;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.Decisions;
import jp.lg.externalservice.caserecord.ProcessFacts;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.notification.CaseNotices;
import jp.lg.externalservice.review.ReviewProcess.ReviewRecommendation;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.ReasonedChoice;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Review} by 情報政策課 (004 §9(2), §9(3) 審査): a recommendation to the head of 情報政策課, or a
 * return for correction. Approval needs the explicit judgment on 要配慮個人情報, a justification for
 * a discouraged service, the 別表 mandatory items and no × in the double check.
 * NISC advice only for national bodies.
 */
@Component("reviewCompletion")
public class ReviewCompletion extends TaskCompletion {

  private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

  private final FourEyes fourEyes;
  private final ApprovalRules approvalRules;
  private final Decisions decisions;
  private final CaseRecords caseRecords;
  private final CaseNotices caseNotices;
  private final boolean nationalBody;

  /**
   * @param nationalBody true for a body listed in the 000 別紙 (annex): the reviewer may ask NISC for
   *     advice
   */
  public ReviewCompletion(
      FourEyes fourEyes,
      ApprovalRules approvalRules,
      Decisions decisions,
      CaseRecords caseRecords,
      CaseNotices caseNotices,
      @Value("${external-service.organisation.national-body:false}") boolean nationalBody) {
    this.fourEyes = fourEyes;
    this.approvalRules = approvalRules;
    this.decisions = decisions;
    this.caseRecords = caseRecords;
    this.caseNotices = caseNotices;
    this.nationalBody = nationalBody;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ProcessFacts facts = ProcessFacts.of(execution, caseRecords);
    String user = fourEyes.check(reader, facts.applicant(), facts.departmentCode());
    ReasonedChoice<ReviewRecommendation> recommended =
        ReasonedChoice.read(
            reader,
            REVIEW_RECOMMENDATION,
            REVIEW_COMMENT,
            Set.of(ReviewRecommendation.REJECT, ReviewRecommendation.RETURN));
    ReviewRecommendation recommendation = recommended.choice();
    String comment = recommended.reason();
    reader.optionalText(CAREFUL_JUDGMENT, InputReader.MAX_TEXT);
    reader.optionalText(DISCOURAGED_JUSTIFICATION, InputReader.MAX_TEXT);
    if (recommendation == ReviewRecommendation.REQUEST_NISC_ADVICE && !nationalBody) {
      reader.reject(
          REVIEW_RECOMMENDATION,
          "NISC への助言依頼は、000 別紙に掲げる国の機関等だけが行えます（ruling R-19）",
          "only national bodies listed in the 000 別紙 (annex) ask NISC for advice (ruling R-19)");
    }
    if (recommendation == ReviewRecommendation.APPROVE) {
      if (facts.conditionApplies(Condition.CAREFUL_JUDGMENT)) {
        reader.requiredText(CAREFUL_JUDGMENT, InputReader.MAX_TEXT);
      }
      if (facts.discouraged()) {
        reader.requiredText(DISCOURAGED_JUSTIFICATION, InputReader.MAX_TEXT);
      }
      approvalRules.checkRecommendation(reader, REVIEW_RECOMMENDATION.name(), facts);
    }
    if (!reader.errors().isEmpty()) {
      return;
    }
    CaseAct act =
        caseRecords.act(
            execution,
            StaffGroups.POLICY_REVIEWER,
            switch (recommendation) {
              case APPROVE -> ActResult.APPROVED;
              case REJECT -> ActResult.REJECTED;
              case RETURN -> ActResult.RETURNED;
              case REQUEST_NISC_ADVICE -> ActResult.NISC_ADVICE_REQUESTED;
            });
    REVIEWED_BY.set(execution, user); // display
    REVIEWED_BY_NAME.set(execution, act.actor().name()); // display: the decision's summary
    REVIEWED_ON.set(execution, JAPANESE_DATE.format(JapanClock.dayOf(act.actedAt())));
    if (recommendation == ReviewRecommendation.RETURN) {
      decisions.returned(execution, user, comment);
      caseNotices.decided(execution); // the applicant by mail
    }
  }
}
