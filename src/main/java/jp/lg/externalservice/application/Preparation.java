package jp.lg.externalservice.application;

import java.util.function.BiConsumer;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.system.InputReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The decision that ends both preparation tasks: 続ける or 取り下げる (with a reason). */
final class Preparation {

  private Preparation() {}

  static ApplicationProcess.PreparationDecision decision(InputReader reader) {
    ApplicationProcess.PreparationDecision decision =
        reader.requiredEnum(ApplicationProcess.Variables.PREPARATION_DECISION);
    if (decision == ApplicationProcess.PreparationDecision.WITHDRAW) {
      reader.requiredText(ApplicationProcess.Variables.PREPARATION_NOTE, InputReader.MAX_TEXT);
    } else {
      reader.optionalText(ApplicationProcess.Variables.PREPARATION_NOTE, InputReader.MAX_TEXT);
    }
    return decision;
  }

  /**
   * The check of a preparation task: its own answers when the applicant goes on ({@code answers}),
   * then her act in the case record — 続ける (SUBMITTED) or 取り下げる (WITHDRAWN) — once everything is
   * valid.
   */
  static void check(
      DelegateExecution execution,
      InputReader reader,
      CaseRecords caseRecords,
      BiConsumer<DelegateExecution, InputReader> answers) {
    ApplicationProcess.PreparationDecision decision = decision(reader);
    if (decision == ApplicationProcess.PreparationDecision.PROCEED) {
      answers.accept(execution, reader);
    }
    if (decision != null && reader.errors().isEmpty()) {
      caseRecords.act(
          execution,
          CaseAct.APPLICANT,
          decision == ApplicationProcess.PreparationDecision.PROCEED
              ? ActResult.SUBMITTED
              : ActResult.WITHDRAWN);
    }
  }
}
