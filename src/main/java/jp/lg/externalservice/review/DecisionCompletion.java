package jp.lg.externalservice.review;

import static jp.lg.externalservice.caserecord.CaseVariables.DECISION_CONFIRMED;
import static jp.lg.externalservice.caserecord.CaseVariables.DECISION_REASON;
import static jp.lg.externalservice.review.ReviewProcess.Variables.DECISION_CHOICE;

import java.util.Set;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables.DecisionChoice;
import jp.lg.externalservice.caserecord.Decisions;
import jp.lg.externalservice.caserecord.ProcessFacts;
import jp.lg.externalservice.notification.CaseNotices;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.security.UnitHeads;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.ReasonedChoice;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Decide}: the head of 情報政策課 (利用申請の許可権限者, ruling R-21) approves, rejects with a reason,
 * or returns the application for correction. Four-eyes again; approval only when every rule
 * holds.
 */
@Component("decisionCompletion")
public class DecisionCompletion extends TaskCompletion {

  private final FourEyes fourEyes;
  private final ApprovalRules approvalRules;
  private final Decisions decisions;
  private final UnitHeads unitHeads;
  private final CaseRecords caseRecords;
  private final CaseNotices caseNotices;

  public DecisionCompletion(
      FourEyes fourEyes,
      ApprovalRules approvalRules,
      Decisions decisions,
      UnitHeads unitHeads,
      CaseRecords caseRecords,
      CaseNotices caseNotices) {
    this.fourEyes = fourEyes;
    this.approvalRules = approvalRules;
    this.decisions = decisions;
    this.unitHeads = unitHeads;
    this.caseRecords = caseRecords;
    this.caseNotices = caseNotices;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ProcessFacts facts = ProcessFacts.of(execution, caseRecords);
    String user = fourEyes.check(reader, facts.applicant(), facts.departmentCode());
    ReasonedChoice<DecisionChoice> decided =
        ReasonedChoice.read(
            reader,
            DECISION_CHOICE,
            DECISION_REASON,
            Set.of(DecisionChoice.REJECT, DecisionChoice.RETURN));
    DecisionChoice choice = decided.choice();
    String reason = decided.reason();
    if (!Boolean.TRUE.equals(reader.requiredBoolean(DECISION_CONFIRMED))
        && !reader.hasError(DECISION_CONFIRMED)) {
      reader.reject(
          DECISION_CONFIRMED, "「この内容で決定します」を確認してください", "confirm the decision (この内容で決定します)");
    }
    if (choice == DecisionChoice.APPROVE) {
      approvalRules.checkDecision(reader, DECISION_CHOICE.name(), facts);
      if (unitHeads.of(facts.departmentCode()).isEmpty()) {
        reader.reject(
            DECISION_CHOICE,
            "申請部署の所属長（外部サービス管理者）が登録されていないため承認できません（004 §2(3)）",
            "the department has no unit head to designate as service administrator (004 §2(3))");
      }
    }
    if (!reader.errors().isEmpty()) {
      return;
    }
    caseRecords.act(execution, StaffGroups.POLICY_HEAD, Decisions.result(choice));
    DECISION_CONFIRMED.remove(execution);
    switch (choice) {
      case APPROVE -> decisions.approved(execution, user, reason);
      case REJECT -> decisions.rejected(execution, user, reason);
      case RETURN -> decisions.returned(execution, user, reason);
    }
    caseNotices.decided(execution); // the applicant (and, for an approval, the 所属長) by mail
  }
}
