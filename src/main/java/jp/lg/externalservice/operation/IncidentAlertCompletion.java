package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Variables.*;

import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code Task_AlertUsers}: what users were told about an incident elsewhere. */
@Component("incidentAlertCompletion")
public class IncidentAlertCompletion extends TaskCompletion {

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    reader.requiredText(ALERT_NOTE, InputReader.MAX_TEXT);
  }
}
