package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Variables.*;

import jp.lg.externalservice.operation.OperationProcess.ReviewResult;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_QuarterlyReview} (002 §6(1), §6(2)): a change or overseas data needs a note; overseas
 * data stops the use.
 */
@Component("quarterlyReviewCompletion")
public class QuarterlyReviewCompletion extends TaskCompletion {

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ReviewResult result = reader.requiredEnum(REVIEW_RESULT);
    String note =
        result == null || result == ReviewResult.NO_CHANGE
            ? reader.optionalText(REVIEW_NOTE, InputReader.MAX_TEXT)
            : reader.requiredText(REVIEW_NOTE, InputReader.MAX_TEXT);
    if (result == ReviewResult.OVERSEAS_DATA && note != null) {
      STOP_REASON.set(execution, "国外のサーバ・ネットワークでの保存又は経由が判明したため（002 §6(2)）: " + note);
    }
  }
}
