package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Variables.NISC_ADVICE;

import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordNiscAdvice}: the review waits for NISC's advice, recorded here (000 §4, ruling
 *
 */
@Component("niscAdviceCompletion")
public class NiscAdviceCompletion extends TaskCompletion {

  private final CaseRecords caseRecords;

  public NiscAdviceCompletion(CaseRecords caseRecords) {
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    reader.requiredText(NISC_ADVICE, 4000);
    if (reader.errors().isEmpty()) {
      caseRecords.act(execution, StaffGroups.POLICY_REVIEWER, ActResult.RECORDED);
    }
  }
}
