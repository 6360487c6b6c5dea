package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Variables.SELECTION_CRITERIA_ROWS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.checklist.CheckAnswer;
import jp.lg.externalservice.checklist.SelectionCriterion;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonVariables;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckSelectionCriteria}: every 別表 item answered; to proceed, every mandatory (必須)
 * item must be ○ (004 §7(1) "必須 must always be met", ruling R-12). A service that fails one is
 * withdrawn, not filed.
 */
@Component("selectionCriteriaCompletion")
public class SelectionCriteriaCompletion extends TaskCompletion {

  private final CaseRecords caseRecords;

  public SelectionCriteriaCompletion(CaseRecords caseRecords) {
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    Preparation.check(execution, reader, caseRecords, this::checkAnswers);
  }

  private void checkAnswers(DelegateExecution execution, InputReader reader) {
    InputReader criteria = reader.object(CaseVariables.SELECTION_CRITERIA);
    if (criteria == null) {
      return;
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (SelectionCriterion criterion : SelectionCriterion.values()) {
      CheckAnswer answer = criteria.requiredEnum(criterion.key(), CheckAnswer.class);
      rows.add(
          Map.of(
              "number",
              criterion.number(),
              "level",
              criterion.level().label(),
              "item",
              criterion.text(),
              "answer",
              answer == null ? "" : answer.label()));
      if (criterion.level() == SelectionCriterion.Level.MANDATORY
          && answer != null
          && answer != CheckAnswer.YES) {
        criteria.reject(
            criterion.key(),
            criterion.number() + " は必須項目のため ○ でなければ申請できません（ruling R-12）",
            criterion.number()
                + " is mandatory: it must be met (YES) to file the application (ruling R-12)");
      }
    }
    SELECTION_CRITERIA_ROWS.set(execution, JsonVariables.json(rows));
  }
}
