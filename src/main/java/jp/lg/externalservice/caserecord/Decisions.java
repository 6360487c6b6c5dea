package jp.lg.externalservice.caserecord;

import static jp.lg.externalservice.caserecord.CaseVariables.*;

import java.util.Date;
import jp.lg.externalservice.caserecord.CaseVariables.Decision;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Records the outcome of a double check, review or decision in the variables the diagrams branch
 * on.
 */
@Component
public class Decisions {

  private final DepartmentDirectory directory;

  Decisions(DepartmentDirectory directory) {
    this.directory = directory;
  }

  /** The act a decision choice records in the case record. */
  public static ActResult result(CaseVariables.DecisionChoice choice) {
    return switch (choice) {
      case APPROVE -> ActResult.APPROVED;
      case REJECT -> ActResult.REJECTED;
      case RETURN -> ActResult.RETURNED;
    };
  }

  /** Sent back to the applicant: the correction task shows who returned it and why. */
  public void returned(VariableScope scope, String user, String comment) {
    DECISION.set(scope, Decision.RETURNED);
    RETURN_COMMENT.set(scope, comment);
    RETURNED_BY.set(scope, directory.displayName(user));
  }

  public void rejected(VariableScope scope, String user, String reason) {
    decided(scope, user, Decision.REJECTED, reason);
  }

  public void approved(VariableScope scope, String user, String comment) {
    decided(scope, user, Decision.APPROVED, comment);
  }

  private void decided(VariableScope scope, String user, Decision decision, String reason) {
    DECISION.set(scope, decision);
    DECISION_REASON.set(scope, reason);
    DECIDED_BY.set(scope, user);
    CaseVariables.DECIDED_AT.set(scope, Date.from(JapanClock.now()));
  }
}
