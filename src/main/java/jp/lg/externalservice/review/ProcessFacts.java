package jp.lg.externalservice.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.application.CheckAnswer;
import jp.lg.externalservice.application.SecurityMeasure;
import jp.lg.externalservice.application.SelectionCriterion;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseClassification;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.system.JsonInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What the checks of the review go by: the facts (applicant, department, classification) from the case record,
 * which only the server writes, and the answers people gave in their tasks' forms from process variables.
 */
final class ProcessFacts {

  private final DelegateExecution scope;
  private final CaseRecords records;
  private final CaseRecord record;

  private ProcessFacts(DelegateExecution scope, CaseRecords records) {
    this.scope = scope;
    this.records = records;
    this.record = records.of(scope);
  }

  static ProcessFacts of(DelegateExecution execution, CaseRecords records) {
    return new ProcessFacts(execution, records);
  }

  /** The latest act at {@code step} of this review round (this process instance), from the case record. */
  Optional<CaseAct> act(String step) {
    return records.lastActInThisInstance(scope, step);
  }

  /** Whether this round has an act at {@code step} with {@code result}. */
  boolean acted(String step, ActResult result) {
    return act(step).map(act -> act.result() == result).orElse(false);
  }

  CaseRecord record() {
    return record;
  }

  String applicant() {
    return record.applicant().userId();
  }

  String departmentCode() {
    return record.department().code();
  }

  CaseClassification classification() {
    return record.classified();
  }

  boolean conditionApplies(Condition condition) {
    return classification().hasCondition(condition);
  }

  boolean discouraged() {
    return classification().discouraged();
  }

  Route route() {
    return classification().route();
  }

  /** An answer given in a task's form. */
  String string(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** An answer given in a task's form. */
  boolean flag(String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  /** Items of the double check answered × (ruling R-14); empty before the double check. */
  List<String> doubleCheckCrosses() {
    return crosses(json(ApplicationProcess.Var.DOUBLE_CHECK));
  }

  /** Mandatory 別表 items not answered ○ (ruling R-12). */
  List<String> unmetMandatoryCriteria() {
    JsonNode answers = json(ApplicationProcess.Var.SELECTION_CRITERIA);
    List<String> unmet = new ArrayList<>();
    for (SelectionCriterion criterion : SelectionCriterion.values()) {
      if (criterion.level() == SelectionCriterion.Level.MANDATORY
          && (answers == null || !CheckAnswer.YES.name().equals(answers.path(criterion.key()).asText()))) {
        unmet.add(criterion.number());
      }
    }
    return unmet;
  }

  static List<String> crosses(JsonNode answers) {
    List<String> crosses = new ArrayList<>();
    if (answers != null) {
      for (SecurityMeasure measure : SecurityMeasure.values()) {
        if (CheckAnswer.NO.name().equals(answers.path(measure.key()).asText())) {
          crosses.add(measure.key().substring(4));
        }
      }
    }
    return crosses;
  }

  /** An answer given in a task's form. */
  JsonNode json(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : JsonInput.toJson(value);
  }
}
