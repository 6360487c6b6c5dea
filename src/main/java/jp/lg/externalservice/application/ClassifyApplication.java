package jp.lg.externalservice.application;

import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.classification.Classification;
import jp.lg.externalservice.classification.ClassificationInput;
import jp.lg.externalservice.classification.ClassificationInputReader;
import jp.lg.externalservice.classification.ClassificationService;
import jp.lg.externalservice.classification.DmnRuleTables;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ClassifyApplication}: classifies the application with the rule tables (recorded in
 * Cockpit's decision history) and the outcome precedence of rulings.md §2. The result goes into the
 * case record, which the gateways and rules read; the variables written besides are for the forms
 * only.
 */
@Component("classifyApplication")
public class ClassifyApplication implements JavaDelegate {

  private final ClassificationService classificationService;
  private final DmnRuleTables ruleTables;
  private final CaseRecords caseRecords;

  public ClassifyApplication(
      ClassificationService classificationService,
      DmnRuleTables ruleTables,
      CaseRecords caseRecords) {
    this.classificationService = classificationService;
    this.ruleTables = ruleTables;
    this.caseRecords = caseRecords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InputReader reader = new InputReader(JsonInput.fromVariables(execution.getVariables()));
    ClassificationInput input = ClassificationInputReader.read(reader, true);
    reader.throwIfInvalid();
    Classification classification = classificationService.classify(input, ruleTables.recorded());
    caseRecords.classify(execution, classification);
    ClassificationVariables.write(execution, input, classification);
  }
}
