package jp.lg.externalservice.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The one checklist type (ruling R-14): which items are ×, every item answered, every item with its
 * source.
 */
class ChecklistTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("× の項目だけを、チェックリストの順に挙げる（○・／・未回答は × ではない）")
  void crossesAreTheItemsAnsweredNo() throws Exception {
    var answers =
        JSON.readTree("{\"t4\":\"NO\",\"t1\":\"NO\",\"t2\":\"YES\",\"t3\":\"NOT_APPLICABLE\"}");

    assertThat(Checklist.TERMINATION.crosses(answers)).containsExactly("t1", "t4");
    assertThat(Checklist.DISPOSAL.crosses(JSON.readTree("{\"d1\":\"YES\"}"))).isEmpty();
    assertThat(Checklist.OPERATION.crosses(null)).isEmpty();
  }

  @Test
  @DisplayName("提出された回答では全項目が必須で、不正な値と未回答は項目名つきのエラーになる")
  void aSubmissionAnswersEveryItem() {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("checklist").put("i1", "NO").put("i2", "YES").put("i3", "maybe");
    InputReader reader = new InputReader(body);

    assertThat(Checklist.INTRODUCTION.readCrosses(reader, "checklist")).containsExactly("i1");
    assertThat(reader.errors())
        .extracting(FieldError::field)
        .containsExactly("checklist.i3", "checklist.i4", "checklist.i5", "checklist.i6");
  }

  @Test
  @DisplayName("項目には出典がある（ruling R-13）")
  void everyItemCitesItsSource() {
    ChecklistItem[][] all = {
      SecurityMeasure.values(), SelectionCriterion.values(), TerminationItem.values()
    };
    Arrays.stream(all)
        .flatMap(Arrays::stream)
        .forEach(
            item -> {
              assertThat(item.text()).as(item.key()).isNotBlank();
              assertThat(item.source()).as(item.key()).matches(".*(\\d{3} |ruling R-).*");
            });
    assertThat(Checklist.MEASURES.keys()).hasSize(8);
    assertThat(Checklist.GOVERNMENT_CLOUD.keys()).hasSize(19).startsWith("g1").endsWith("g19");
  }
}
