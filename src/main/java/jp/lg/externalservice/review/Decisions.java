package jp.lg.externalservice.review;

import static jp.lg.externalservice.application.ApplicationProcess.Var.*;

import java.util.Date;
import jp.lg.externalservice.application.ApplicationProcess.Decision;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Records the outcome of a double check, review or decision in the variables the diagrams branch on. */
@Component
class Decisions {

  private final DepartmentDirectory directory;

  Decisions(DepartmentDirectory directory) {
    this.directory = directory;
  }

  /** The act a decision choice records in the case record. */
  static ActResult result(ReviewProcess.DecisionChoice choice) {
    return switch (choice) {
      case APPROVE -> ActResult.APPROVED;
      case REJECT -> ActResult.REJECTED;
      case RETURN -> ActResult.RETURNED;
    };
  }

  /** Sent back to the applicant: the correction task shows who returned it and why. */
  void returned(VariableScope scope, String user, String comment) {
    scope.setVariable(DECISION, Decision.RETURNED.name());
    scope.setVariable(RETURN_COMMENT, comment);
    scope.setVariable(RETURNED_BY, directory.displayName(user));
  }

  void rejected(VariableScope scope, String user, String reason) {
    decided(scope, user, Decision.REJECTED, reason);
  }

  void approved(VariableScope scope, String user, String comment) {
    decided(scope, user, Decision.APPROVED, comment);
  }

  private void decided(VariableScope scope, String user, Decision decision, String reason) {
    scope.setVariable(DECISION, decision.name());
    scope.setVariable(DECISION_REASON, reason);
    scope.setVariable(DECIDED_BY, user);
    scope.setVariable(ReviewProcess.Var.DECIDED_AT, Date.from(JapanClock.now()));
  }
}
