package jp.lg.externalservice.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import jp.lg.externalservice.classification.Classification;
import jp.lg.externalservice.classification.ClassificationInput;
import jp.lg.externalservice.classification.ClassificationService;
import jp.lg.externalservice.classification.DmnRuleTables;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.RuleTables;
import jp.lg.externalservice.operation.OperationProcess.Reclassification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the monthly confirmation does with the service classified again (ruling R-16), without the
 * engine: the classification is a stand-in that answers the outcome and route given; the rules
 * themselves are pinned by {@code ClassificationServiceTest}.
 */
class UsageReclassificationTest {

  private final ClassificationService classificationService = mock(ClassificationService.class);
  private final DmnRuleTables ruleTables = mock(DmnRuleTables.class);
  private final RuleTables recorded = mock(RuleTables.class);
  private final UsageReclassification reclassification =
      new UsageReclassification(classificationService, ruleTables);

  @ParameterizedTest(name = "approved {0}, now {1} {2} → {3}")
  @DisplayName("利用不可なら直ちに停止、ルートが変われば（なくなれば）更改、同じルートなら継続（ruling R-16, R-17）")
  @CsvSource(
      nullValues = "NULL",
      textBlock =
          """
      IMPORTANT, FORBIDDEN,            NULL,      FORBIDDEN
      PAID,      FORBIDDEN,            NULL,      FORBIDDEN
      PAID,      APPLICATION_REQUIRED, PAID,      SAME_ROUTE
      FREE,      DISCOURAGED,          FREE,      SAME_ROUTE
      PAID,      APPLICATION_REQUIRED, IMPORTANT, ROUTE_CHANGED
      IMPORTANT, APPLICATION_REQUIRED, FREE,      ROUTE_CHANGED
      PAID,      NO_APPLICATION,       NULL,      ROUTE_CHANGED
      NULL,      APPLICATION_REQUIRED, PAID,      ROUTE_CHANGED
      # no route now is never the same route, even for an entry approved without one (an SNS account)
      NULL,      NO_APPLICATION,       NULL,      ROUTE_CHANGED
      """)
  void theUseIsClassifiedAgain(
      Route approved, Outcome outcome, Route route, Reclassification expected) {
    ClassificationInput usage = mock(ClassificationInput.class);
    Classification now =
        new Classification(
            outcome,
            route,
            route == Route.IMPORTANT,
            null,
            false,
            List.of(),
            Map.of(),
            List.of(),
            List.of());
    when(ruleTables.recorded()).thenReturn(recorded);
    when(classificationService.classify(any(), any())).thenReturn(now);

    UsageReclassification.Result result = reclassification.reclassify(usage, approved);

    assertThat(result.reclassification()).isEqualTo(expected);
    assertThat(result.summary()).isEqualTo(now.summary());
    assertThat(result.stopReason())
        .isEqualTo(expected == Reclassification.FORBIDDEN ? "利用内容の再判定で利用不可となったため" : null);
    // the rule tables as recorded, as the application was classified (not a later, unrecorded edit)
    verify(classificationService).classify(usage, recorded);
  }
}
