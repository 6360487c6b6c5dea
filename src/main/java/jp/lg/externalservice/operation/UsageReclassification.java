package jp.lg.externalservice.operation;

import jp.lg.externalservice.classification.Classification;
import jp.lg.externalservice.classification.ClassificationInput;
import jp.lg.externalservice.classification.ClassificationService;
import jp.lg.externalservice.classification.DmnRuleTables;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.operation.OperationProcess.Reclassification;
import org.springframework.stereotype.Service;

/**
 * Ruling R-16: the monthly confirmation found that the use differs from the application, so the
 * same rules (the recorded rule tables) classify the service again with the information now
 * handled. FORBIDDEN stops the use at once; another route (or none) needs a renewal application
 * (更改, ruling R-17); the same route goes on.
 */
@Service
public class UsageReclassification {

  static final String FORBIDDEN_STOP_REASON = "利用内容の再判定で利用不可となったため"; // ruling R-16

  /** What the reclassification found; {@code stopReason} is set only when the use must stop. */
  public record Result(Reclassification reclassification, String summary, String stopReason) {}

  private final ClassificationService classificationService;
  private final DmnRuleTables ruleTables;

  public UsageReclassification(
      ClassificationService classificationService, DmnRuleTables ruleTables) {
    this.classificationService = classificationService;
    this.ruleTables = ruleTables;
  }

  /**
   * {@code usage} as the service is used now; {@code approvedRoute} the route of its registry
   * entry.
   */
  public Result reclassify(ClassificationInput usage, Route approvedRoute) {
    Classification now = classificationService.classify(usage, ruleTables.recorded());
    if (now.outcome() == Outcome.FORBIDDEN) {
      return new Result(Reclassification.FORBIDDEN, now.summary(), FORBIDDEN_STOP_REASON);
    }
    Reclassification found =
        now.route() != null && now.route() == approvedRoute
            ? Reclassification.SAME_ROUTE
            : Reclassification.ROUTE_CHANGED;
    return new Result(found, now.summary(), null);
  }
}
