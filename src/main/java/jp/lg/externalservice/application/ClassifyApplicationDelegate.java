package jp.lg.externalservice.application;

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
 * {@code Task_ClassifyApplication}: classifies the application with the rule tables (recorded in Cockpit's
 * decision history) and the outcome precedence of rulings.md §2; the gateways branch on the result.
 */
@Component("classifyApplicationDelegate")
public class ClassifyApplicationDelegate implements JavaDelegate {

  private final ClassificationService classificationService;
  private final DmnRuleTables ruleTables;

  public ClassifyApplicationDelegate(ClassificationService classificationService, DmnRuleTables ruleTables) {
    this.classificationService = classificationService;
    this.ruleTables = ruleTables;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InputReader reader = new InputReader(JsonInput.fromVariables(execution.getVariables()));
    ClassificationInput input = ClassificationInputReader.read(reader, true);
    reader.throwIfInvalid();
    Classification classification = classificationService.classify(input, ruleTables.recorded());
    ClassificationVariables.write(execution, input, classification);
  }
}
