package jp.lg.externalservice.review;

import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.caserecord.ProcessFacts;
import jp.lg.externalservice.classification.Condition;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import static jp.lg.externalservice.review.ReviewProcess.Var.*;


/**
 * Start of the review: turns the recorded classification into the flags the forms show, and clears
 * what a previous round (after a return for correction) left behind.
 */
@Component("prepareReview")
public class PrepareReview implements ExecutionListener {

  private final boolean nationalBody;
  private final CaseRecords caseRecords;

  /** @param nationalBody true for a body listed in the 000 別紙 (annex): the reviewer may ask NISC for advice */
  public PrepareReview(@Value("${external-service.organisation.national-body:false}") boolean nationalBody,
      CaseRecords caseRecords) {
    this.nationalBody = nationalBody;
    this.caseRecords = caseRecords;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ProcessFacts facts = ProcessFacts.of(execution, caseRecords);
    // display only (the forms show or hide fields by them); the gateways and rules read the case record
    execution.setVariable(PRIOR_CONSULTATION_REQUIRED, facts.conditionApplies(Condition.PRIOR_CONSULTATION));
    execution.setVariable(SPECIFIC_COMMUNICATION_REQUIRED, facts.conditionApplies(Condition.SPECIFIC_COMMUNICATION));
    execution.setVariable(CAREFUL_JUDGMENT_REQUIRED, facts.conditionApplies(Condition.CAREFUL_JUDGMENT));
    execution.setVariable(GOVERNMENT_CLOUD_RULES, facts.conditionApplies(Condition.GOVERNMENT_CLOUD_RULES));
    execution.setVariable(DISCOURAGED, facts.discouraged());
    execution.setVariable(NISC_ADVICE_AVAILABLE, nationalBody);
    for (String stale : new String[] {REVIEW_RECOMMENDATION, IT_PLANNING_DECISION, DECISION_CHOICE,
        CaseVariables.DECISION.name()}) {
      execution.removeVariable(stale);
    }
  }
}
