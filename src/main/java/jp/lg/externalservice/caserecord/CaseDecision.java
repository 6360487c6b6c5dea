package jp.lg.externalservice.caserecord;

import java.util.List;
import jp.lg.externalservice.caserecord.CaseVariables.Decision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The decision of the review or the SNS approval as the case record holds it, for the gateways
 * after them: {@code ${caseDecision.of(execution) == 'APPROVED'}}. The variable {@code decision} is
 * written as well, for the forms; a user who rewrites it (e.g. on the contract task after the
 * approval) does not change where the case goes.
 */
@Component("caseDecision")
public class CaseDecision {

  private final CaseRecords records;

  public CaseDecision(CaseRecords records) {
    this.records = records;
  }

  /** APPROVED, REJECTED or RETURNED: the latest decisive act of the case; null before any. */
  public String of(DelegateExecution execution) {
    List<CaseAct> acts = records.acts(CaseRecords.caseIdOf(execution));
    for (int i = acts.size() - 1; i >= 0; i--) {
      Decision decision = decision(acts.get(i));
      if (decision != null) {
        return decision.name();
      }
    }
    return null;
  }

  /**
   * Acts that decide: the head of 情報政策課's decision, the 利用責任者's SNS approval, a return by the
   * reviewer and a rejection by the double check. The reviewer's approval or rejection is a
   * recommendation only.
   */
  private static Decision decision(CaseAct act) {
    boolean decisive =
        switch (act.step()) {
          case CaseSteps.DECIDE, CaseSteps.APPROVE_SNS_REGISTRATION -> true;
          case CaseSteps.REVIEW -> act.result() == ActResult.RETURNED;
          case CaseSteps.DOUBLE_CHECK ->
              act.result() == ActResult.REJECTED || act.result() == ActResult.RETURNED;
          default -> false;
        };
    if (!decisive) {
      return null;
    }
    return switch (act.result()) {
      case APPROVED -> Decision.APPROVED;
      case REJECTED -> Decision.REJECTED;
      case RETURNED -> Decision.RETURNED;
      default -> null;
    };
  }
}
