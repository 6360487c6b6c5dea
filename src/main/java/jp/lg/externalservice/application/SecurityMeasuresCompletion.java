package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Variables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseClassification;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.checklist.CheckAnswer;
import jp.lg.externalservice.checklist.SecurityMeasure;
import jp.lg.externalservice.classification.Classification;
import jp.lg.externalservice.classification.ClassificationInput;
import jp.lg.externalservice.classification.ClassificationInputReader;
import jp.lg.externalservice.classification.ClassificationService;
import jp.lg.externalservice.classification.DmnRuleTables;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonVariables;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SelfCheckMeasures} (bean name differs from the variable {@code measuresSelfCheck}:
 * variables shadow beans in expressions): the applicant's ○/×/／ for the eight measures of 002
 * §5(2). × may be answered honestly (the 利用責任者 then returns or rejects, ruling R-14); ／ is expected
 * only for item 3 and needs a note elsewhere (FE-6). Before the application leaves the applicant it
 * is classified again: answers or results changed through the REST API since the classification (as
 * the case record holds it) are refused. It classifies with the rule-table versions that classified
 * the application: a table revised in the meantime does not count as a change.
 */
@Component("securityMeasuresCompletion")
public class SecurityMeasuresCompletion extends TaskCompletion {

  private final ClassificationService classificationService;
  private final DmnRuleTables ruleTables;
  private final CaseRecords caseRecords;

  public SecurityMeasuresCompletion(
      ClassificationService classificationService,
      DmnRuleTables ruleTables,
      CaseRecords caseRecords) {
    this.classificationService = classificationService;
    this.ruleTables = ruleTables;
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ClassificationInput input = ClassificationInputReader.read(reader, true);
    InputReader answers = reader.object(MEASURES_SELF_CHECK);
    String note = reader.optionalText(SELF_CHECK_NOTE, InputReader.MAX_TEXT);
    if (answers != null) {
      boolean unexplainedNotApplicable = false;
      List<Map<String, String>> rows = new ArrayList<>();
      for (SecurityMeasure measure : SecurityMeasure.values()) {
        CheckAnswer answer = answers.requiredEnum(measure.key(), CheckAnswer.class);
        rows.add(
            Map.of(
                "no",
                measure.key().substring(4),
                "item",
                measure.text(),
                "applicant",
                answer == null ? "" : answer.label()));
        if (answer != CheckAnswer.NOT_APPLICABLE) {
          continue;
        }
        if (measure == SecurityMeasure.ITEM3
            && input != null
            && input.informationTypes().stream().anyMatch(type -> type.isPersonal())) {
          answers.reject(
              measure.key(),
              "個人情報を取り扱うため「該当なし（／）」は選べません",
              "personal information is handled, so this item cannot be 'not applicable'");
        }
        unexplainedNotApplicable |= !measure.mayBeNotApplicable();
      }
      if (unexplainedNotApplicable && note == null && !reader.hasError(SELF_CHECK_NOTE)) {
        reader.reject(
            SELF_CHECK_NOTE,
            "項目 3 以外を「該当なし（／）」とした理由を記入してください",
            "explain why an item other than item 3 is 'not applicable'");
      }
      CHECK_ROWS.set(execution, JsonVariables.json(rows));
    }
    if (input != null) {
      Classification current =
          classificationService.classify(
              input, ruleTables.unrecordedAsClassified(execution.getProcessInstanceId()));
      CaseClassification recorded = caseRecords.of(execution).classified();
      if (current.outcome() != recorded.outcome() || current.route() != recorded.route()) {
        reader.reject(
            OUTCOME,
            "申請内容または判定結果が判定時から変更されています。申請をやり直してください",
            "the answers or the classification changed after the classification; file a new application");
      }
    }
    if (reader
        .errors()
        .isEmpty()) { // a later error (e.g. the correction's reply) rolls the act back with the
      // rest
      caseRecords.act(execution, CaseAct.APPLICANT, ActResult.SUBMITTED);
    }
  }
}
