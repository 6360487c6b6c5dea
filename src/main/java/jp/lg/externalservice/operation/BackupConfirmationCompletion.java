package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Variables.*;

import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code Task_ConfirmBackup}: a missing backup needs the reason and what is done. */
@Component("backupConfirmationCompletion")
public class BackupConfirmationCompletion extends TaskCompletion {

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    Boolean taken = reader.requiredBoolean(BACKUP_TAKEN);
    String note = reader.optionalText(BACKUP_NOTE, InputReader.MAX_TEXT);
    if (Boolean.FALSE.equals(taken) && note == null) {
      reader.reject(
          BACKUP_NOTE,
          "バックアップを取得できなかった理由と対応を記入してください",
          "say why no backup was taken and what is done about it");
    }
  }
}
