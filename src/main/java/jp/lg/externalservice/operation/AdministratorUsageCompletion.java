package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Variables.*;

import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_UsageCheckByAdministrator}: the 外部サービス管理者's yearly check (004 §14); what is not
 * appropriate is named.
 */
@Component("administratorUsageCompletion")
public class AdministratorUsageCompletion extends TaskCompletion {

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    Boolean appropriate = reader.requiredBoolean(USAGE_APPROPRIATE);
    String note = reader.optionalText(USAGE_CHECK_NOTE, InputReader.MAX_TEXT);
    if (Boolean.FALSE.equals(appropriate) && note == null) {
      reader.reject(
          USAGE_CHECK_NOTE, "適正でない点と対応を記入してください", "say what is not appropriate and what is done");
    }
  }
}
