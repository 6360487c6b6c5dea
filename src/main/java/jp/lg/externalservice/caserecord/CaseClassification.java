package jp.lg.externalservice.caserecord;

import java.time.Instant;
import java.util.List;
import jp.lg.externalservice.classification.Classification;
import jp.lg.externalservice.classification.Condition;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;

/**
 * The classification as recorded for a case (rulings.md §2): what the gateways and the approval
 * rules go by.
 */
public record CaseClassification(
    Outcome outcome,
    Route route,
    String applicationForm,
    boolean importantInformation,
    boolean itPlanningRequired,
    List<Condition> conditions,
    Instant classifiedAt) {

  public CaseClassification {
    conditions = List.copyOf(conditions);
  }

  static CaseClassification of(Classification classification, Instant classifiedAt) {
    return new CaseClassification(
        classification.outcome(),
        classification.route(),
        classification.applicationForm(),
        classification.importantInformation(),
        classification.itPlanningRequired(),
        classification.conditions(),
        classifiedAt);
  }

  /** "原則不可": approval needs a recorded justification (ruling R-7). */
  public boolean discouraged() {
    return outcome == Outcome.DISCOURAGED;
  }

  public boolean hasCondition(Condition condition) {
    return conditions.contains(condition);
  }
}
