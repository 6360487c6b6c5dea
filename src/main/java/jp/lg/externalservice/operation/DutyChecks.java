package jp.lg.externalservice.operation;

import java.util.List;
import jp.lg.externalservice.checklist.CheckAnswer;
import jp.lg.externalservice.checklist.Checklist;
import jp.lg.externalservice.classification.InformationType;
import jp.lg.externalservice.operation.OperationProcess.ContinuationDecision;
import jp.lg.externalservice.operation.OperationProcess.ReviewResult;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletionCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import static jp.lg.externalservice.operation.OperationProcess.Var.*;


/** The server-side checks of the operation's tasks (bean names as the diagram uses them). */
@Configuration(proxyBeanMethods = false)
class DutyChecks {

  /** A checklist of ○/×/／ items; a × needs a note saying what is being done about it. */
  static void checklist(InputReader reader, Checklist checklist) {
    boolean crossed = !checklist.readCrosses(reader, CHECKLIST).isEmpty();
    String note = reader.optionalText(CHECKLIST_NOTE, InputReader.MAX_TEXT);
    if (crossed && note == null && !reader.hasError(CHECKLIST_NOTE)) {
      reader.reject(CHECKLIST_NOTE, "× の項目への対応を記入してください", "say what is done about the items answered NO");
    }
  }

  @Bean("introductionChecklistCheck")
  TaskCompletionCheck introductionChecklistCheck() {
    return check((execution, reader) -> checklist(reader, Checklist.INTRODUCTION));
  }

  @Bean("governmentCloudChecklistCheck")
  TaskCompletionCheck governmentCloudChecklistCheck() {
    return check((execution, reader) -> checklist(reader, Checklist.GOVERNMENT_CLOUD));
  }

  @Bean("operationChecklistCheck")
  TaskCompletionCheck operationChecklistCheck() {
    return check((execution, reader) -> checklist(reader, Checklist.OPERATION));
  }

  @Bean("quarterlyReviewCheck")
  TaskCompletionCheck quarterlyReviewCheck() {
    return check((execution, reader) -> {
      ReviewResult result = reader.requiredEnum(REVIEW_RESULT, ReviewResult.class);
      String note = result == null || result == ReviewResult.NO_CHANGE ? reader.optionalText(REVIEW_NOTE, InputReader.MAX_TEXT)
          : reader.requiredText(REVIEW_NOTE, InputReader.MAX_TEXT);
      if (result == ReviewResult.OVERSEAS_DATA && note != null) {
        execution.setVariable(STOP_REASON, "国外のサーバ・ネットワークでの保存又は経由が判明したため（002 §6(2)）: " + note);
      }
    });
  }

  @Bean("continuationDecisionCheck")
  TaskCompletionCheck continuationDecisionCheck(FourEyes fourEyes, ServiceFacts facts) {
    return check((execution, reader) -> {
      // service manager and department from the registry entry, never from variables (issue 12)
      fourEyes.check(reader, facts.serviceManager(execution), facts.departmentCode(execution));
      ContinuationDecision decision = reader.requiredEnum(CONTINUATION_DECISION, ContinuationDecision.class);
      String reason = reader.requiredText(CONTINUATION_REASON, InputReader.MAX_TEXT);
      if (decision == ContinuationDecision.STOP && reason != null) {
        execution.setVariable(STOP_REASON, "利用責任者が利用の停止を決定したため（002 §6(1)）: " + reason);
      }
    });
  }

  @Bean("backupConfirmationCheck")
  TaskCompletionCheck backupConfirmationCheck() {
    return check((execution, reader) -> {
      Boolean taken = reader.requiredBoolean(BACKUP_TAKEN);
      String note = reader.optionalText(BACKUP_NOTE, InputReader.MAX_TEXT);
      if (Boolean.FALSE.equals(taken) && note == null) {
        reader.reject(BACKUP_NOTE, "バックアップを取得できなかった理由と対応を記入してください",
            "say why no backup was taken and what is done about it");
      }
    });
  }

  @Bean("usageConfirmationCheck")
  TaskCompletionCheck usageConfirmationCheck() {
    return check((execution, reader) -> {
      Boolean differs = reader.requiredBoolean(USAGE_DIFFERS);
      if (Boolean.TRUE.equals(differs)) {
        reader.enumList(CURRENT_INFORMATION_TYPES, InformationType.class, true);
        reader.requiredText(USAGE_NOTE, InputReader.MAX_TEXT);
      } else {
        reader.optionalText(USAGE_NOTE, InputReader.MAX_TEXT);
      }
    });
  }

  @Bean("administratorUsageCheck")
  TaskCompletionCheck administratorUsageCheck() {
    return check((execution, reader) -> {
      Boolean appropriate = reader.requiredBoolean(USAGE_APPROPRIATE);
      String note = reader.optionalText(USAGE_CHECK_NOTE, InputReader.MAX_TEXT);
      if (Boolean.FALSE.equals(appropriate) && note == null) {
        reader.reject(USAGE_CHECK_NOTE, "適正でない点と対応を記入してください", "say what is not appropriate and what is done");
      }
    });
  }

  @Bean("incidentAlertCheck")
  TaskCompletionCheck incidentAlertCheck() {
    return check((execution, reader) -> reader.requiredText(ALERT_NOTE, InputReader.MAX_TEXT));
  }

  interface Rule {
    void check(DelegateExecution execution, InputReader reader);
  }

  private static TaskCompletionCheck check(Rule rule) {
    return new TaskCompletionCheck() {
      @Override
      protected void check(DelegateExecution execution, InputReader reader) {
        rule.check(execution, reader);
      }
    };
  }
}
