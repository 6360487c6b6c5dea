package jp.lg.externalservice.termination;

import static jp.lg.externalservice.termination.TerminationProcess.Var.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.checklist.CheckAnswer;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonInput;
import jp.lg.externalservice.system.JsonVariables;
import jp.lg.externalservice.system.TaskCompletionCheck;
import jp.lg.externalservice.termination.TerminationProcess.TerminationDecision;
import jp.lg.externalservice.termination.TerminationProcess.TerminationItem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DoubleCheckTermination}: the 利用責任者 re-answers the four items of the 終了確認書 (four-eyes, R-15) and
 * confirms, or returns it. Nothing is confirmed while an item is × — above all a missing disposal
 * certificate (item 2): the termination stays open and goes back to the service manager.
 */
@Component("terminationConfirmationCheck")
public class TerminationDoubleCheck extends TaskCompletionCheck {

  private final FourEyes fourEyes;
  private final CaseRecords caseRecords;
  private final RegistryService registry;

  public TerminationDoubleCheck(FourEyes fourEyes, CaseRecords caseRecords, RegistryService registry) {
    this.fourEyes = fourEyes;
    this.caseRecords = caseRecords;
    this.registry = registry;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    CaseRecord record = caseRecords.of(execution); // requester and department: facts, not variables
    fourEyes.check(reader, record.applicant().userId(), record.department().code());
    TerminationDecision decision = reader.requiredEnum(TERMINATION_DECISION, TerminationDecision.class);
    String comment = reader.optionalText(TERMINATION_COMMENT, 2000);
    List<String> crosses = new ArrayList<>(
        TerminationAnswers.crosses(reader, TERMINATION_DOUBLE_CHECK, TerminationAnswers.terminationKeys()));
    if (registry.find(execution.getProcessBusinessKey()).map(entry -> "IMPORTANT".equals(entry.route()))
        .orElse(false)) {
      crosses.addAll(crossesOf(execution, DISPOSAL_CHECKLIST, TerminationAnswers.disposalKeys()));
    }
    if (decision == TerminationDecision.CONFIRM && !crosses.isEmpty() && !reader.hasError(TERMINATION_DOUBLE_CHECK)) {
      reader.reject(TERMINATION_DECISION, "× の項目（" + String.join(", ", crosses)
          + "）があるため終了を確認できません。差し戻してください（ruling R-14）",
          "items " + crosses + " are answered NO: return the termination (ruling R-14)");
    }
    if (decision == TerminationDecision.RETURN && comment == null && !reader.hasError(TERMINATION_COMMENT)) {
      reader.reject(TERMINATION_COMMENT, "差戻しの理由を記入してください", "give the reason for returning");
    }
    if (reader.errors().isEmpty()) {
      caseRecords.act(execution, record.department().securityOfficerGroupId(),
          decision == TerminationDecision.CONFIRM ? ActResult.CONFIRMED : ActResult.RETURNED);
      execution.setVariable(TERMINATION_ROWS, JsonVariables.json(rows(execution)));
    }
  }

  private static List<String> crossesOf(DelegateExecution execution, String variable, List<String> keys) {
    Object value = execution.getVariable(variable);
    List<String> crosses = new ArrayList<>();
    if (value != null) {
      com.fasterxml.jackson.databind.JsonNode answers = JsonInput.toJson(value);
      keys.stream().filter(key -> CheckAnswer.NO.name().equals(answers.path(key).asText())).forEach(crosses::add);
    }
    return crosses;
  }

  private static List<Map<String, String>> rows(DelegateExecution execution) {
    com.fasterxml.jackson.databind.JsonNode requester = JsonInput.toJson(execution.getVariable(TERMINATION_CHECK));
    com.fasterxml.jackson.databind.JsonNode checker = JsonInput.toJson(execution.getVariable(TERMINATION_DOUBLE_CHECK));
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
