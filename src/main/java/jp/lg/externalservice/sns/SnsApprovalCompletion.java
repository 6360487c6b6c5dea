package jp.lg.externalservice.sns;

import static jp.lg.externalservice.caserecord.CaseVariables.DECISION_CONFIRMED;
import static jp.lg.externalservice.caserecord.CaseVariables.DECISION_REASON;
import static jp.lg.externalservice.sns.SnsProcess.Variables.SNS_DECISION_CHOICE;

import java.util.Set;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables.DecisionChoice;
import jp.lg.externalservice.caserecord.Decisions;
import jp.lg.externalservice.caserecord.ProcessFacts;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.ReasonedChoice;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ApproveSnsRegistration}: the department's 情報セキュリティ管理者 (its 利用責任者, 002 §3) approves,
 * returns or rejects; never the applicant or their 所属長 (ruling R-15).
 */
@Component("snsApprovalCompletion")
public class SnsApprovalCompletion extends TaskCompletion {

  private final FourEyes fourEyes;
  private final Decisions decisions;
  private final CaseRecords caseRecords;

  public SnsApprovalCompletion(FourEyes fourEyes, Decisions decisions, CaseRecords caseRecords) {
    this.fourEyes = fourEyes;
    this.decisions = decisions;
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ProcessFacts facts = ProcessFacts.of(execution, caseRecords);
    String user = fourEyes.check(reader, facts.applicant(), facts.departmentCode());
    ReasonedChoice<DecisionChoice> decided =
        ReasonedChoice.read(
            reader,
            SNS_DECISION_CHOICE,
            DECISION_REASON,
            Set.of(DecisionChoice.REJECT, DecisionChoice.RETURN));
    DecisionChoice choice = decided.choice();
    String reason = decided.reason();
    if (!reader.errors().isEmpty()) {
      return;
    }
    caseRecords.act(
        execution, facts.record().department().securityOfficerGroupId(), Decisions.result(choice));
    // the form asks 「この内容で決定します」; a return starts the next round unticked
    DECISION_CONFIRMED.remove(execution);
    switch (choice) {
      case APPROVE -> decisions.approved(execution, user, reason);
      case REJECT -> decisions.rejected(execution, user, reason);
      case RETURN -> decisions.returned(execution, user, reason);
    }
  }
}
