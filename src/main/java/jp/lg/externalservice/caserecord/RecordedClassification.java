package jp.lg.externalservice.caserecord;

import java.time.Instant;
import java.util.List;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Reason;
import jp.lg.externalservice.classification.Route;

/**
 * One classification of a case, as recorded when it was made (V6): the outcome, the route and the
 * reasons with the rules they cite ({@link Reason#source()}).
 */
public record RecordedClassification(
    String processInstanceId,
    Outcome outcome,
    Route route,
    List<Reason> reasons,
    Instant classifiedAt) {

  public RecordedClassification {
    reasons = List.copyOf(reasons);
  }
}
