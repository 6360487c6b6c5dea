package jp.lg.externalservice.operation;

import static jp.lg.externalservice.caserecord.CaseVariables.APPLICANT_NAME;
import static jp.lg.externalservice.caserecord.CaseVariables.CASE_NUMBER;
import static jp.lg.externalservice.caserecord.CaseVariables.DEPARTMENT_NAME;
import static jp.lg.externalservice.caserecord.CaseVariables.REGISTRY_ENTRY_ID;
import static jp.lg.externalservice.caserecord.CaseVariables.SERVICE_ADMINISTRATOR;
import static jp.lg.externalservice.caserecord.CaseVariables.SERVICE_ADMINISTRATOR_NAME;
import static jp.lg.externalservice.caserecord.CaseVariables.SERVICE_MANAGER;
import static jp.lg.externalservice.caserecord.CaseVariables.SERVICE_MANAGER_NAME;

import java.util.List;
import java.util.Map;
import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.ClassificationInputReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code Event_ApplicationApproved} of the application process: the one boundary to operation.
 * Starts the operation of the approved registry entry (its id is the business key) with the few
 * application variables that the operation reads, and no more (issue 17: every variable is a
 * runtime row, a history row and, for JSON, two byte arrays, once more for each copy). The
 * application's answers stay in the application's history, where the case list, the printable
 * record and the audit read them; the facts the operation goes by are its registry entry ({@link
 * ServiceFacts}).
 */
@Component("operationHandover")
public class OperationHandover implements JavaDelegate {

  /** What the operation reads of the application. */
  static final List<String> CARRIED =
      List.of(
          // the operation's forms (the summary at the top of every duty) and the task list
          // columns, notifications and deputy mails (case number, service, department, route)
          CASE_NUMBER.name(),
          ClassificationInputReader.SERVICE_NAME,
          ClassificationInputReader.PROVIDER_NAME,
          DEPARTMENT_NAME.name(),
          CaseVariables.ROUTE_LABEL.name(),
          REGISTRY_ENTRY_ID.name(),
          SERVICE_MANAGER_NAME.name(),
          SERVICE_ADMINISTRATOR_NAME.name(),
          APPLICANT_NAME.name(), // the overdue escalation's summary
          // the monthly usage confirmation shows what was applied for
          CaseVariables.PURPOSE.name(),
          CaseVariables.INFORMATION_TYPE_LABELS.name(),
          // the holders, which a succession (後任) updates where they are shown
          SERVICE_MANAGER.name(),
          SERVICE_ADMINISTRATOR.name(),
          // ReclassifyUsage classifies again from the application's answers (ruling R-16); the
          // information types are the ones now handled
          ClassificationInputReader.SERVICE_KIND,
          ClassificationInputReader.SERVICE_CATEGORY,
          ClassificationInputReader.PAID,
          ClassificationInputReader.CONNECTION_ZONES,
          ClassificationInputReader.EXEMPTION,
          ClassificationInputReader.STREAMING_WITH_CONSENT,
          ClassificationInputReader.PROVIDED_BY_INFORMATION_POLICY_DIVISION);

  private final CaseMessages messages;
  private final CaseRecords caseRecords;

  public OperationHandover(CaseMessages messages, CaseRecords caseRecords) {
    this.messages = messages;
    this.caseRecords = caseRecords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String entryId = caseRecords.of(execution).registryEntryId(); // the entry approved in this case
    VariableMap variables = Variables.createVariables();
    for (String name : CARRIED) {
      var value = execution.getVariableTyped(name);
      if (value != null) {
        variables.putValueTyped(name, value);
      }
    }
    messages.startOperation(entryId, (Map<String, Object>) variables);
  }
}
