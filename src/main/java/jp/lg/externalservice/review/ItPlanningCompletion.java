package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Variables.*;

import java.util.Set;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.ProcessFacts;
import jp.lg.externalservice.review.ReviewProcess.ItPlanningDecision;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.ReasonedChoice;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReviewItPlanning}: the 情報化企画書 review that runs beside the review for routes IMPORTANT
 * and PAID; permission to use follows its decision (004 §9(2) 審査).
 */
@Component("itPlanningCompletion")
public class ItPlanningCompletion extends TaskCompletion {

  private final FourEyes fourEyes;
  private final CaseRecords caseRecords;

  public ItPlanningCompletion(FourEyes fourEyes, CaseRecords caseRecords) {
    this.fourEyes = fourEyes;
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ProcessFacts facts = ProcessFacts.of(execution, caseRecords);
    String user = fourEyes.check(reader, facts.applicant(), facts.departmentCode());
    ItPlanningDecision decision =
        ReasonedChoice.read(
                reader,
                IT_PLANNING_DECISION,
                IT_PLANNING_COMMENT,
                Set.of(ItPlanningDecision.REJECTED))
            .choice();
    if (reader.errors().isEmpty()) {
      // the decision counts through this act (ApprovalRules), not through the variable
      // itPlanningDecision
      caseRecords.act(
          execution,
          StaffGroups.IT_PLANNING,
          decision == ItPlanningDecision.APPROVED ? ActResult.APPROVED : ActResult.REJECTED);
      IT_PLANNING_DECIDED_BY.set(execution, user); // display
    }
  }
}
