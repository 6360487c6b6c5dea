package jp.lg.externalservice.operation;

import java.util.Map;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Messages between the flows of one registry entry, whose id is the business key of its operation and termination.
 * Sent by the system on behalf of whoever triggered them, so they run without the caller's authorization checks.
 */
@Component
public class OperationMessages {

  private final RuntimeService runtimeService;
  private final Privileged privileged;

  public OperationMessages(RuntimeService runtimeService, Privileged privileged) {
    this.runtimeService = runtimeService;
    this.privileged = privileged;
  }

  public void startOperation(String entryId, Map<String, Object> variables) {
    privileged.run(() -> runtimeService.createMessageCorrelation(OperationProcess.MESSAGE_SERVICE_APPROVED)
        .processInstanceBusinessKey(entryId).setVariables(variables).correlateStartMessage());
  }

  public void startTermination(String entryId, Map<String, Object> variables) {
    privileged.run(() -> runtimeService.createMessageCorrelation(OperationProcess.MESSAGE_TERMINATION_REQUIRED)
        .processInstanceBusinessKey(entryId).setVariables(variables).correlateStartMessage());
  }

  /** Sends an event to the running operation of the entry; false when the entry has no running operation. */
  public boolean toOperation(String entryId, String message, Map<String, Object> variables) {
    return privileged.call(() -> {
      boolean waiting = runtimeService.createExecutionQuery().processDefinitionKey(OperationProcess.KEY)
          .processInstanceBusinessKey(entryId).messageEventSubscriptionName(message).count() > 0;
      if (waiting) {
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(entryId).setVariables(variables)
            .correlateAll();
      }
      return waiting;
    });
  }
}
