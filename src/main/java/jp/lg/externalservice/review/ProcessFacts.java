package jp.lg.externalservice.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.application.CheckAnswer;
import jp.lg.externalservice.application.SecurityMeasure;
import jp.lg.externalservice.application.SelectionCriterion;
import jp.lg.externalservice.system.JsonInput;
import org.camunda.bpm.engine.delegate.VariableScope;

/** What the recorded application says, read from process variables for the checks of the review. */
final class ProcessFacts {

  private final VariableScope scope;

  ProcessFacts(VariableScope scope) {
    this.scope = scope;
  }

  String string(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  boolean flag(String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  String applicant() {
    return string(ApplicationProcess.Var.APPLICANT);
  }

  String departmentCode() {
    return string(ApplicationProcess.Var.DEPARTMENT_CODE);
  }

  boolean conditionApplies(String condition) {
    JsonNode conditions = json(ApplicationProcess.Var.CONDITIONS);
    if (conditions != null) {
      for (JsonNode node : conditions) {
        if (node.asText().equals(condition)) {
          return true;
        }
      }
    }
    return false;
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

  JsonNode json(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : JsonInput.toJson(value);
  }
}
