package jp.lg.externalservice.review;

import static jp.lg.externalservice.application.ApplicationProcess.Var.DECISION_REASON;
import static jp.lg.externalservice.review.ReviewProcess.Var.SNS_DECISION_CHOICE;

import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.review.ReviewProcess.DecisionChoice;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ApproveSnsRegistration}: the department's 情報セキュリティ管理者 (its 利用責任者, 002 §3) approves, returns
 * or rejects; never the applicant or their 所属長 (ruling R-15).
 */
@Component("snsApprovalCheck")
public class SnsApprovalCheck extends TaskCompletionCheck {

  private final FourEyes fourEyes;
  private final Decisions decisions;
  private final CaseRecords caseRecords;

  public SnsApprovalCheck(FourEyes fourEyes, Decisions decisions, CaseRecords caseRecords) {
    this.fourEyes = fourEyes;
    this.decisions = decisions;
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ProcessFacts facts = ProcessFacts.of(execution, caseRecords);
    String user = fourEyes.check(reader, facts.applicant(), facts.departmentCode());
    DecisionChoice choice = reader.requiredEnum(SNS_DECISION_CHOICE, DecisionChoice.class);
    String reason = reader.optionalText(DECISION_REASON, 2000);
    if (choice != null && choice != DecisionChoice.APPROVE && reason == null && !reader.hasError(DECISION_REASON)) {
      reader.reject(DECISION_REASON, "不承認・差戻しの理由を記入してください", "give the reason for rejecting or returning");
    }
    if (!reader.errors().isEmpty()) {
      return;
    }
    caseRecords.act(execution, facts.record().department().securityOfficerGroupId(), Decisions.result(choice));
    switch (choice) {
      case APPROVE -> decisions.approved(execution, user, reason);
      case REJECT -> decisions.rejected(execution, user, reason);
      case RETURN -> decisions.returned(execution, user, reason);
    }
  }
}
