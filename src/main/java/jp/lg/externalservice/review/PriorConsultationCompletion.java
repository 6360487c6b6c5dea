package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Variables.PRIOR_CONSULTATION_DATE;
import static jp.lg.externalservice.review.ReviewProcess.Variables.PRIOR_CONSULTATION_RESULT;

import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.ProcessFacts;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordPriorConsultation}: the government cloud from the LGWAN segment needs 情報政策課's
 * prior consultation.
 */
@Component("priorConsultationCompletion")
public class PriorConsultationCompletion extends TaskCompletion {

  private final FourEyes fourEyes;
  private final CaseRecords caseRecords;

  public PriorConsultationCompletion(FourEyes fourEyes, CaseRecords caseRecords) {
    this.fourEyes = fourEyes;
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ProcessFacts facts = ProcessFacts.of(execution, caseRecords);
    fourEyes.check(reader, facts.applicant(), facts.departmentCode());
    reader.requiredText(PRIOR_CONSULTATION_RESULT, InputReader.MAX_TEXT);
    reader.requiredDate(PRIOR_CONSULTATION_DATE);
    if (reader.errors().isEmpty()) {
      caseRecords.act(execution, StaffGroups.POLICY_REVIEWER, ActResult.RECORDED);
    }
  }
}
