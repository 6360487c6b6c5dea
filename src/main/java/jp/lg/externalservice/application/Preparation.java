package jp.lg.externalservice.application;

import jp.lg.externalservice.system.InputReader;

/** The decision that ends both preparation tasks: 続ける or 取り下げる (with a reason). */
final class Preparation {

  private Preparation() {}

  static ApplicationProcess.PreparationDecision decision(InputReader reader) {
    ApplicationProcess.PreparationDecision decision =
        reader.requiredEnum(ApplicationProcess.Var.PREPARATION_DECISION, ApplicationProcess.PreparationDecision.class);
    if (decision == ApplicationProcess.PreparationDecision.WITHDRAW) {
      reader.requiredText(ApplicationProcess.Var.PREPARATION_NOTE, ApplicationFormReader.MAX_TEXT);
    } else {
      reader.optionalText(ApplicationProcess.Var.PREPARATION_NOTE, ApplicationFormReader.MAX_TEXT);
    }
    return decision;
  }
}
