package jp.lg.externalservice.termination;

import static jp.lg.externalservice.termination.TerminationProcess.Variables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.checklist.CheckAnswer;
import jp.lg.externalservice.checklist.Checklist;
import jp.lg.externalservice.checklist.TerminationItem;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonInput;
import jp.lg.externalservice.system.JsonVariables;
import jp.lg.externalservice.system.ReasonedChoice;
import jp.lg.externalservice.system.TaskCompletion;
import jp.lg.externalservice.termination.TerminationProcess.TerminationDecision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DoubleCheckTermination}: the 利用責任者 re-answers the four items of the 終了確認書 (four-eyes,
 * R-15) and confirms, or returns it. Nothing is confirmed while an item is × — above all a
 * missing disposal certificate (item 2): the termination stays open and goes back to the service
 * manager.
 */
@Component("terminationDoubleCheckCompletion")
public class TerminationDoubleCheckCompletion extends TaskCompletion {

  private final FourEyes fourEyes;
  private final CaseRecords caseRecords;
  private final RegistryService registry;

  public TerminationDoubleCheckCompletion(
      FourEyes fourEyes, CaseRecords caseRecords, RegistryService registry) {
    this.fourEyes = fourEyes;
    this.caseRecords = caseRecords;
    this.registry = registry;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    CaseRecord record = caseRecords.of(execution); // requester and department: facts, not variables
    fourEyes.check(reader, record.applicant().userId(), record.department().code());
    ReasonedChoice<TerminationDecision> decided =
        ReasonedChoice.read(
            reader, TERMINATION_DECISION, TERMINATION_COMMENT, Set.of(TerminationDecision.RETURN));
    TerminationDecision decision = decided.choice();
    String comment = decided.reason();
    List<String> crosses =
        new ArrayList<>(Checklist.TERMINATION.readCrosses(reader, TERMINATION_DOUBLE_CHECK));
    if (registry
        .find(execution.getProcessBusinessKey())
        .map(entry -> entry.route() == Route.IMPORTANT)
        .orElse(false)) {
      crosses.addAll(
          Checklist.DISPOSAL.crosses(
              DISPOSAL_CHECKLIST.get(execution) == null
                  ? null
                  : JsonInput.toJson(DISPOSAL_CHECKLIST.get(execution))));
    }
    if (decision == TerminationDecision.CONFIRM
        && !crosses.isEmpty()
        && !reader.hasError(TERMINATION_DOUBLE_CHECK)) {
      reader.reject(
          TERMINATION_DECISION,
          "× の項目（" + String.join(", ", crosses) + "）があるため終了を確認できません。差し戻してください（ruling R-14）",
          "items " + crosses + " are answered NO: return the termination (ruling R-14)");
    }
    if (reader.errors().isEmpty()) {
      caseRecords.act(
          execution,
          record.department().securityOfficerGroupId(),
          decision == TerminationDecision.CONFIRM ? ActResult.CONFIRMED : ActResult.RETURNED);
      TERMINATION_ROWS.set(execution, JsonVariables.json(rows(execution)));
    }
  }

  private static List<Map<String, String>> rows(DelegateExecution execution) {
    com.fasterxml.jackson.databind.JsonNode requester =
        JsonInput.toJson(TERMINATION_CHECK.get(execution));
    com.fasterxml.jackson.databind.JsonNode checker =
        JsonInput.toJson(TERMINATION_DOUBLE_CHECK.get(execution));
    List<Map<String, String>> rows = new ArrayList<>();
    for (TerminationItem item : TerminationItem.values()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("item", item.label());
      row.put("applicant", CheckAnswer.labelOf(requester.path(item.key()).asText()));
      row.put("checker", CheckAnswer.labelOf(checker.path(item.key()).asText()));
      rows.add(row);
    }
    return rows;
  }
}
