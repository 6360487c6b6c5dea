package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Variables.SPECIFIC_COMMUNICATION_CONFIRMED;
import static jp.lg.externalservice.review.ReviewProcess.Variables.SPECIFIC_COMMUNICATION_NOTE;

import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ConfirmSpecificCommunication}: an LGWAN-ASP without internet used from the My Number
 * segment must be reached through 特定通信 (004 §3 note, ruling R-8); the applicant confirms the
 * configuration before the decision.
 */
@Component("specificCommunicationCompletion")
public class SpecificCommunicationCompletion extends TaskCompletion {

  private final CaseRecords caseRecords;

  public SpecificCommunicationCompletion(CaseRecords caseRecords) {
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    Boolean confirmed = reader.requiredBoolean(SPECIFIC_COMMUNICATION_CONFIRMED);
    String note = reader.requiredText(SPECIFIC_COMMUNICATION_NOTE, InputReader.MAX_TEXT);
    if (Boolean.FALSE.equals(confirmed)) {
      reader.reject(
          SPECIFIC_COMMUNICATION_CONFIRMED,
          "特定通信の構成を確認してから完了してください（ruling R-8）",
          "confirm the 特定通信 configuration before completing (ruling R-8)");
    }
    if (reader.errors().isEmpty()) {
      caseRecords.act(
          execution, CaseAct.APPLICANT, ActResult.CONFIRMED); // what the decision goes by
    }
  }
}
