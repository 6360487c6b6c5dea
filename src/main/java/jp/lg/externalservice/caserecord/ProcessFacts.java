package jp.lg.externalservice.caserecord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.lg.externalservice.checklist.CheckAnswer;
import jp.lg.externalservice.checklist.Checklist;
import jp.lg.externalservice.checklist.SelectionCriterion;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.system.JsonInput;
import jp.lg.externalservice.system.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What the checks of the review go by: the facts (applicant, department, classification) from the
 * case record, which only the server writes, and the answers people gave in their tasks' forms from
 * process variables.
 */
public final class ProcessFacts {

  private final DelegateExecution scope;
  private final CaseRecords records;
  private final CaseRecord record;

  private ProcessFacts(DelegateExecution scope, CaseRecords records) {
    this.scope = scope;
    this.records = records;
    this.record = records.of(scope);
  }

  public static ProcessFacts of(DelegateExecution execution, CaseRecords records) {
    return new ProcessFacts(execution, records);
  }

  /**
   * The latest act at {@code step} of this review round (this process instance), from the case
   * record.
   */
  public Optional<CaseAct> act(String step) {
    return records.lastActInThisInstance(scope, step);
  }

  /** Whether this round has an act at {@code step} with {@code result}. */
  public boolean acted(String step, ActResult result) {
    return act(step).map(act -> act.result() == result).orElse(false);
  }

  public CaseRecord record() {
    return record;
  }

  public String applicant() {
    return record.applicant().userId();
  }

  public String departmentCode() {
    return record.department().code();
  }

  public CaseClassification classification() {
    return record.classified();
  }

  public boolean conditionApplies(Condition condition) {
    return classification().hasCondition(condition);
  }

  public boolean discouraged() {
    return classification().discouraged();
  }

  public Route route() {
    return classification().route();
  }

  /** An answer given in a task's form. */
  public String string(Var<String> variable) {
    return variable.get(scope);
  }

  /** An answer given in a task's form. */
  public boolean flag(Var<Boolean> variable) {
    return variable.isTrue(scope);
  }

  /** An answer given in a task's form. */
  public JsonNode json(Var<Object> variable) {
    return json(variable.name());
  }

  /** An answer given in a task's form. */
  public String string(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** Items of the double check answered × (ruling R-14); empty before the double check. */
  public List<String> doubleCheckCrosses() {
    return crosses(json(CaseVariables.DOUBLE_CHECK));
  }

  /** Mandatory 別表 items not answered ○ (ruling R-12). */
  public List<String> unmetMandatoryCriteria() {
    JsonNode answers = json(CaseVariables.SELECTION_CRITERIA);
    List<String> unmet = new ArrayList<>();
    for (SelectionCriterion criterion : SelectionCriterion.values()) {
      if (criterion.level() == SelectionCriterion.Level.MANDATORY
          && (answers == null
              || !CheckAnswer.YES.name().equals(answers.path(criterion.key()).asText()))) {
        unmet.add(criterion.number());
      }
    }
    return unmet;
  }

  /** Items answered × among the eight measures, by number (1–8). */
  public static List<String> crosses(JsonNode answers) {
    return Checklist.MEASURES.crosses(answers).stream()
        .map(key -> key.substring("item".length()))
        .toList();
  }

  /** An answer given in a task's form. */
  public JsonNode json(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : JsonInput.toJson(value);
  }
}
