package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Variables.*;
import static jp.lg.externalservice.caserecord.CaseVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.externalservice.application.ApplicationProcess.DoubleCheckDecision;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.caserecord.Decisions;
import jp.lg.externalservice.caserecord.ProcessFacts;
import jp.lg.externalservice.checklist.CheckAnswer;
import jp.lg.externalservice.checklist.SecurityMeasure;
import jp.lg.externalservice.notification.CaseNotices;
import jp.lg.externalservice.security.FourEyes;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonVariables;
import jp.lg.externalservice.system.ReasonedChoice;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DoubleCheck} (002 §5(2)): the department's 利用責任者 answers the eight items again.
 * Someone else than the applicant and their 所属長 (ruling R-15); no forwarding while an item is ×
 * (ruling R-14); a return or a rejection says why.
 */
@Component("doubleCheckCompletion")
public class DoubleCheckCompletion extends TaskCompletion {

  private final FourEyes fourEyes;
  private final Decisions decisions;
  private final CaseRecords caseRecords;
  private final CaseNotices caseNotices;

  public DoubleCheckCompletion(
      FourEyes fourEyes, Decisions decisions, CaseRecords caseRecords, CaseNotices caseNotices) {
    this.fourEyes = fourEyes;
    this.decisions = decisions;
    this.caseRecords = caseRecords;
    this.caseNotices = caseNotices;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ProcessFacts facts = ProcessFacts.of(execution, caseRecords);
    String user = fourEyes.check(reader, facts.applicant(), facts.departmentCode());
    ReasonedChoice<DoubleCheckDecision> decided =
        ReasonedChoice.read(
            reader,
            DOUBLE_CHECK_DECISION,
            DOUBLE_CHECK_COMMENT,
            Set.of(DoubleCheckDecision.RETURN, DoubleCheckDecision.REJECT));
    DoubleCheckDecision decision = decided.choice();
    String comment = decided.reason();
    InputReader answers = reader.object(CaseVariables.DOUBLE_CHECK);
    JsonNode applicantAnswers = facts.json(MEASURES_SELF_CHECK);
    List<Map<String, String>> rows = new ArrayList<>();
    if (answers != null) {
      for (SecurityMeasure measure : SecurityMeasure.values()) {
        CheckAnswer answer = answers.requiredEnum(measure.key(), CheckAnswer.class);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("no", measure.key().substring(4));
        row.put("item", measure.text());
        row.put(
            "applicant",
            CheckAnswer.labelOf(
                applicantAnswers == null ? null : applicantAnswers.path(measure.key()).asText()));
        row.put("checker", answer == null ? "" : answer.label());
        rows.add(row);
      }
    }
    List<String> crosses = ProcessFacts.crosses(facts.json(CaseVariables.DOUBLE_CHECK));
    if (decision == DoubleCheckDecision.FORWARD
        && !crosses.isEmpty()
        && !reader.hasError(CaseVariables.DOUBLE_CHECK)) {
      reader.reject(
          DOUBLE_CHECK_DECISION,
          "× の項目（" + String.join(", ", crosses) + "）があるため審査に進められません。差し戻すか却下してください（ruling R-14）",
          "items " + crosses + " are answered NO: return or reject the application (ruling R-14)");
    }
    if (!reader.errors().isEmpty()) {
      return;
    }
    caseRecords.act(
        execution,
        facts.record().department().securityOfficerGroupId(),
        switch (decision) {
          case FORWARD -> ActResult.FORWARDED;
          case RETURN -> ActResult.RETURNED;
          case REJECT -> ActResult.REJECTED;
        });
    DOUBLE_CHECKED_BY.set(execution, user); // display; the act above is the record
    CHECK_ROWS.set(execution, JsonVariables.json(rows));
    switch (decision) {
      case RETURN -> decisions.returned(execution, user, comment);
      case REJECT -> decisions.rejected(execution, user, comment);
      case FORWARD -> DECISION.remove(execution);
    }
    caseNotices.decided(execution); // a return or rejection: the applicant by mail
  }
}
