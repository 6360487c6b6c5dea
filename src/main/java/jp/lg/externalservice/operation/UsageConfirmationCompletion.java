package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Variables.*;

import jp.lg.externalservice.classification.InformationType;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code Task_ConfirmUsage}: a changed use names the information now handled (ruling R-16). */
@Component("usageConfirmationCompletion")
public class UsageConfirmationCompletion extends TaskCompletion {

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    Boolean differs = reader.requiredBoolean(USAGE_DIFFERS);
    if (Boolean.TRUE.equals(differs)) {
      reader.enumList(CURRENT_INFORMATION_TYPES, InformationType.class, true);
      reader.requiredText(USAGE_NOTE, InputReader.MAX_TEXT);
    } else {
      reader.optionalText(USAGE_NOTE, InputReader.MAX_TEXT);
    }
  }
}
