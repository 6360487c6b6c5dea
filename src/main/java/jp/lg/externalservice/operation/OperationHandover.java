package jp.lg.externalservice.operation;

import java.util.HashMap;
import java.util.Map;
import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.certification.CertificationReview;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Event_ApplicationApproved} of the application process: the one boundary to operation.
 * Starts the operation of the approved registry entry (its id is the business key) with the
 * application's variables.
 */
@Component("operationHandover")
public class OperationHandover implements JavaDelegate {

  private static final String[] NOT_CARRIED = {
    "checkRows",
    "selectionCriteriaRows",
    "reasons",
    "classificationSummary",
    CertificationReview.ROWS // the reviewer's check against the lists, as of the review
  };

  private final CaseMessages messages;
  private final CaseRecords caseRecords;

  public OperationHandover(CaseMessages messages, CaseRecords caseRecords) {
    this.messages = messages;
    this.caseRecords = caseRecords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String entryId = caseRecords.of(execution).registryEntryId(); // the entry approved in this case
    Map<String, Object> variables = new HashMap<>(execution.getVariablesTyped());
    for (String name : NOT_CARRIED) {
      variables.remove(name);
    }
    messages.startOperation(entryId, variables);
  }
}
