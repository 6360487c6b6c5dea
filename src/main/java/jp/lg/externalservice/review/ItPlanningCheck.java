package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Var.*;

import jp.lg.externalservice.review.ReviewProcess.ItPlanningDecision;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReviewItPlanning}: the 情報化企画書 review that runs beside the review for routes IMPORTANT and PAID;
 * permission to use follows its decision (004 §9(2) 審査).
 */
@Component("itPlanningCheck")
public class ItPlanningCheck extends TaskCompletionCheck {

  private final FourEyes fourEyes;

  public ItPlanningCheck(FourEyes fourEyes) {
    this.fourEyes = fourEyes;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ProcessFacts facts = new ProcessFacts(execution);
    String user = fourEyes.check(reader, facts.applicant(), facts.departmentCode());
    ItPlanningDecision decision = reader.requiredEnum(IT_PLANNING_DECISION, ItPlanningDecision.class);
    String comment = reader.optionalText(IT_PLANNING_COMMENT, 2000);
    if (decision == ItPlanningDecision.REJECTED && comment == null && !reader.hasError(IT_PLANNING_COMMENT)) {
      reader.reject(IT_PLANNING_COMMENT, "不承認の理由を記入してください", "give the reason for the rejection");
    }
    if (reader.errors().isEmpty()) {
      execution.setVariable(IT_PLANNING_DECIDED_BY, user);
    }
  }
}
