package jp.lg.externalservice.caselist;

import java.util.Optional;
import java.util.Set;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Who may withdraw an application, and until when (issue 16, item 4): the applicant, or the 所属長 of
 * the case's department, at any point before the decision. Both are read from the case record — the
 * applicant and the department it holds, the acts that decide — never from a variable. One rule for
 * the withdrawal itself ({@link Withdrawals}) and for the button 申請一覧 offers ({@link CaseList}).
 */
@Component
class WithdrawalRule {

  /** The steps whose approval or rejection decides a case ({@link CaseSteps}). */
  private static final Set<String> DECIDING_STEPS =
      Set.of(CaseSteps.DOUBLE_CHECK, CaseSteps.DECIDE, CaseSteps.APPROVE_SNS_REGISTRATION);

  private static final Set<ActResult> DECISIONS = Set.of(ActResult.APPROVED, ActResult.REJECTED);

  private static final Set<CaseStatus> BEFORE_THE_DECISION =
      Set.of(CaseStatus.DRAFT, CaseStatus.IN_PROGRESS, CaseStatus.RETURNED);

  private final CaseRecords caseRecords;
  private final IdentityService identityService;
  private final Privileged privileged;

  WithdrawalRule(CaseRecords caseRecords, IdentityService identityService, Privileged privileged) {
    this.caseRecords = caseRecords;
    this.identityService = identityService;
    this.privileged = privileged;
  }

  /**
   * The role in which {@code userId} may withdraw the case: {@link CaseAct#APPLICANT}, or the
   * department's 所属長 group ({@code unit-head-<code>} of the record's department); empty for anyone
   * else.
   */
  Optional<String> roleOf(CaseRecord record, String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    if (record.applicant().userId().equals(userId)) {
      return Optional.of(CaseAct.APPLICANT);
    }
    String unitHeads = record.department().unitHeadGroupId();
    boolean head =
        privileged.call(
                () ->
                    identityService
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(unitHeads)
                        .count())
            > 0;
    return head ? Optional.of(unitHeads) : Optional.empty();
  }

  /**
   * Whether the case has been decided: an approval or rejection by the double check (a rejection
   * there ends the case), the head of 情報政策課 or the SNS approval. A review's recommendation is no
   * decision.
   */
  boolean decided(CaseRecord record) {
    return caseRecords.acts(record.caseId()).stream()
        .anyMatch(act -> DECIDING_STEPS.contains(act.step()) && DECISIONS.contains(act.result()));
  }

  /** Whether a case in {@code status} may still be withdrawn, if nothing has decided it. */
  static boolean beforeTheDecision(CaseStatus status) {
    return BEFORE_THE_DECISION.contains(status);
  }
}
