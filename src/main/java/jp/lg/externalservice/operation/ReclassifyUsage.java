package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Variables.*;

import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.Classification;
import jp.lg.externalservice.classification.ClassificationInput;
import jp.lg.externalservice.classification.ClassificationInputReader;
import jp.lg.externalservice.classification.ClassificationService;
import jp.lg.externalservice.classification.DmnRuleTables;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.operation.OperationProcess.Reclassification;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Reclassify} (ruling R-16): the monthly confirmation found that the use differs from the application;
 * the same rules classify the service again with the information now handled. FORBIDDEN stops the use at once; a
 * different route needs a renewal application (更改) and 情報政策課 is told.
 */
@Component("reclassifyUsage")
public class ReclassifyUsage implements JavaDelegate {

  private final ClassificationService classificationService;
  private final DmnRuleTables ruleTables;

  private final ServiceFacts facts;

  public ReclassifyUsage(ClassificationService classificationService, DmnRuleTables ruleTables, ServiceFacts facts) {
    this.classificationService = classificationService;
    this.ruleTables = ruleTables;
    this.facts = facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var variables = JsonInput.fromVariables(execution.getVariables());
    variables.set(CaseVariables.INFORMATION_TYPES.name(), variables.get(CURRENT_INFORMATION_TYPES.name()));
    InputReader reader = new InputReader(variables);
    ClassificationInput input = ClassificationInputReader.read(reader, true);
    reader.throwIfInvalid();
    Classification now = classificationService.classify(input, ruleTables.recorded());
    Reclassification result;
    if (now.outcome() == Outcome.FORBIDDEN) {
      result = Reclassification.FORBIDDEN;
      STOP_REASON.set(execution, "利用内容の再判定で利用不可となったため（ruling R-16）");
    } else if (now.route() == null || !now.route().name().equals(facts.route(execution))) {
      result = Reclassification.ROUTE_CHANGED;
    } else {
      result = Reclassification.SAME_ROUTE;
    }
    RECLASSIFICATION.set(execution, result);
    RECLASSIFICATION_SUMMARY.set(execution, now.summary());
  }
}
