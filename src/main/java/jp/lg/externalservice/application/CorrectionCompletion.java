package jp.lg.externalservice.application;

import static jp.lg.externalservice.caserecord.CaseVariables.CORRECTION_NOTE;

import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.classification.ClassificationService;
import jp.lg.externalservice.classification.DmnRuleTables;
import jp.lg.externalservice.system.InputReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CorrectApplication}: the applicant answers the comment of whoever returned the
 * application and corrects the self-check; the same rules as the first self-check apply, and a
 * reply is required.
 */
@Component("correctionCompletion")
public class CorrectionCompletion extends SecurityMeasuresCompletion {

  public CorrectionCompletion(
      ClassificationService classificationService,
      DmnRuleTables ruleTables,
      CaseRecords caseRecords) {
    super(classificationService, ruleTables, caseRecords);
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    super.check(execution, reader);
    reader.requiredText(CORRECTION_NOTE, InputReader.MAX_TEXT);
  }
}
