package jp.lg.externalservice.audit;

import java.util.Map;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.sns.SnsProcess;
import jp.lg.externalservice.termination.TerminationProcess;

/**
 * The rule each step of a case applies, as the audit record cites it: the citations of the check
 * that completes the step (its {@code *Completion} class; docs/rules.md resolves them). A step not
 * listed cites none.
 */
final class StepCitations {

  /**
   * The registry entry written at approval (003 第10 2(4): recorded as an approved external
   * service).
   */
  static final String REGISTERED = "003 第10 2(4)";

  private static final Map<String, String> BY_STEP =
      Map.ofEntries(
          Map.entry(ApplicationProcess.Element.FILL_IN_APPLICATION, "様式1, 様式2"),
          Map.entry(ApplicationProcess.Element.CORRECT_APPLICATION, "様式1, 様式2"),
          Map.entry(
              ApplicationProcess.Element.CHECK_SELECTION_CRITERIA,
              "004 §7(1), 004 別表, ruling R-12"),
          Map.entry(ApplicationProcess.Element.ACCEPT_RISKS, "004 §6, 004 §7(2)"),
          Map.entry(ApplicationProcess.Element.SELF_CHECK_MEASURES, "002 §5(2)"),
          Map.entry(CaseSteps.DOUBLE_CHECK, "002 §5(2), ruling R-14, R-15"),
          Map.entry(CaseSteps.REVIEW, "004 §9(2), §9(3), ruling R-7, R-8, R-12"),
          Map.entry(ReviewProcess.Element.REVIEW_IT_PLANNING, "004 §9(2)"),
          Map.entry(ReviewProcess.Element.RECORD_PRIOR_CONSULTATION, "ruling R-8"),
          Map.entry(
              ReviewProcess.Element.CONFIRM_SPECIFIC_COMMUNICATION, "003 第4 1(1), ruling R-8"),
          Map.entry(ReviewProcess.Element.RECORD_NISC_ADVICE, "000 別紙, ruling R-19"),
          Map.entry(CaseSteps.DECIDE, "003 第10 2(4), ruling R-15"),
          Map.entry(ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, "002 §5(3)"),
          Map.entry(ReviewProcess.Element.RECORD_CONTRACT, "004 参考フローチャート"),
          Map.entry(SnsProcess.Element.PREPARE_SNS_REGISTRATION, "003 第7 5(1), ruling R-10"),
          Map.entry(CaseSteps.APPROVE_SNS_REGISTRATION, "002 §3, ruling R-15"),
          Map.entry(TerminationProcess.Element.START_REQUESTED, "002 §7(1), ruling R-5"),
          Map.entry(TerminationProcess.Element.FILL_TERMINATION_REQUEST, "002 §7(1), ruling R-5"),
          Map.entry(TerminationProcess.Element.DOUBLE_CHECK, "002 §7(2), ruling R-14, R-15"));

  private StepCitations() {}

  static String of(String step) {
    return BY_STEP.get(step);
  }
}
