package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Variables.*;

import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.ClassificationInput;
import jp.lg.externalservice.classification.ClassificationInputReader;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Reclassify} (ruling R-16): the monthly confirmation found that the use differs from
 * the application; {@link UsageReclassification} classifies the service again with the information
 * now handled.
 */
@Component("reclassifyUsage")
public class ReclassifyUsage implements JavaDelegate {

  private final UsageReclassification reclassification;
  private final ServiceFacts facts;

  public ReclassifyUsage(UsageReclassification reclassification, ServiceFacts facts) {
    this.reclassification = reclassification;
    this.facts = facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UsageReclassification.Result result =
        reclassification.reclassify(usage(execution), facts.entry(execution).route());
    if (result.stopReason() != null) {
      STOP_REASON.set(execution, result.stopReason());
    }
    RECLASSIFICATION.set(execution, result.reclassification());
    RECLASSIFICATION_SUMMARY.set(execution, result.summary());
  }

  /**
   * The application's answers with the information types now handled (a form's answer, read at the
   * edge).
   */
  private static ClassificationInput usage(DelegateExecution execution) {
    var variables = JsonInput.fromVariables(execution.getVariables());
    variables.set(
        CaseVariables.INFORMATION_TYPES.name(), variables.get(CURRENT_INFORMATION_TYPES.name()));
    InputReader reader = new InputReader(variables);
    ClassificationInput input = ClassificationInputReader.read(reader, true);
    reader.throwIfInvalid();
    return input;
  }
}
