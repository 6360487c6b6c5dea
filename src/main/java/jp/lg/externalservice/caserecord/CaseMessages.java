package jp.lg.externalservice.caserecord;

import java.util.Map;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Messages between the flows of one registry entry, whose id is the business key of its operation
 * and termination. Sent by the system on behalf of whoever triggered them, so they run without the
 * caller's authorization checks.
 */
@Component
public class CaseMessages {

  private final RuntimeService runtimeService;
  private final Privileged privileged;

  public CaseMessages(RuntimeService runtimeService, Privileged privileged) {
    this.runtimeService = runtimeService;
    this.privileged = privileged;
  }

  public void startOperation(String entryId, Map<String, Object> variables) {
    privileged.run(
        () ->
            runtimeService
                .createMessageCorrelation(CaseProcesses.MESSAGE_SERVICE_APPROVED)
                .processInstanceBusinessKey(entryId)
                .setVariables(variables)
                .correlateStartMessage());
  }

  public void startTermination(String entryId, Map<String, Object> variables) {
    privileged.run(
        () ->
            runtimeService
                .createMessageCorrelation(CaseProcesses.MESSAGE_TERMINATION_REQUIRED)
                .processInstanceBusinessKey(entryId)
                .setVariables(variables)
                .correlateStartMessage());
  }

  /** Ends the running operation of the entry, if any (termination, renewal). */
  public void closeOperation(String entryId) {
    toOperation(entryId, CaseProcesses.MESSAGE_OPERATION_CLOSED, Map.of());
  }

  /**
   * Sends an event to the running operation of the entry; false when the entry has no running
   * operation.
   */
  public boolean toOperation(String entryId, String message, Map<String, Object> variables) {
    return privileged.call(
        () -> {
          boolean waiting =
              runtimeService
                      .createExecutionQuery()
                      .processDefinitionKey(CaseProcesses.OPERATION)
                      .processInstanceBusinessKey(entryId)
                      .messageEventSubscriptionName(message)
                      .count()
                  > 0;
          if (waiting) {
            runtimeService
                .createMessageCorrelation(message)
                .processInstanceBusinessKey(entryId)
                .setVariables(variables)
                .correlateAll();
          }
          return waiting;
        });
  }
}
