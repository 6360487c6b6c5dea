package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Variables.*;

import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.caserecord.ProcessFacts;
import jp.lg.externalservice.certification.CertificationReview;
import jp.lg.externalservice.classification.Condition;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code StartEvent_ReviewRequested}, start of the review: turns the recorded classification into
 * the flags the forms show, and clears what a previous round (after a return for correction) left
 * behind.
 */
@Component("prepareReview")
public class PrepareReview implements ExecutionListener {

  private final boolean nationalBody;
  private final CaseRecords caseRecords;
  private final CertificationReview certifications;

  /**
   * @param nationalBody true for a body listed in the 000 別紙 (annex): the reviewer may ask NISC for
   *     advice
   */
  public PrepareReview(
      @Value("${external-service.organisation.national-body:false}") boolean nationalBody,
      CaseRecords caseRecords,
      CertificationReview certifications) {
    this.nationalBody = nationalBody;
    this.caseRecords = caseRecords;
    this.certifications = certifications;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ProcessFacts facts = ProcessFacts.of(execution, caseRecords);
    // display only (the forms show or hide fields by them); the gateways and rules read the case
    // record
    PRIOR_CONSULTATION_REQUIRED.set(
        execution, facts.conditionApplies(Condition.PRIOR_CONSULTATION));
    SPECIFIC_COMMUNICATION_REQUIRED.set(
        execution, facts.conditionApplies(Condition.SPECIFIC_COMMUNICATION));
    CAREFUL_JUDGMENT_REQUIRED.set(execution, facts.conditionApplies(Condition.CAREFUL_JUDGMENT));
    GOVERNMENT_CLOUD_RULES.set(execution, facts.conditionApplies(Condition.GOVERNMENT_CLOUD_RULES));
    DISCOURAGED.set(execution, facts.discouraged());
    NISC_ADVICE_AVAILABLE.set(execution, nationalBody);
    certifications.show(execution); // 第三者認証 against the imported ISMAP lists, as of now
    for (String stale :
        new String[] {
          REVIEW_RECOMMENDATION.name(),
          IT_PLANNING_DECISION.name(),
          DECISION_CHOICE.name(),
          CaseVariables.DECISION_CONFIRMED.name(),
          REVIEWED_BY_NAME.name(),
          REVIEWED_ON.name(),
          CaseVariables.DECISION.name()
        }) {
      execution.removeVariable(stale);
    }
  }
}
