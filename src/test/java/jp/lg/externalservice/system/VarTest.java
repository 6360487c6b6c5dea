package jp.lg.externalservice.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Typed variables: declared once, enums stored by name, a value of another type never read as the
 * declared one.
 */
class VarTest {

  enum Choice {
    APPROVE,
    REJECT
  }

  private static final Var<Choice> CHOICE = Var.enumeration("choice", Choice.class);
  private static final Var<String> NOTE = Var.string("note");
  private static final Var<Boolean> FLAG = Var.bool("flag");

  @Test
  @DisplayName("列挙は名前で保存し、型つきで読む")
  void enumsAreStoredByName() {
    Map<String, Object> variables = new HashMap<>();
    CHOICE.put(variables, Choice.REJECT);

    assertThat(variables).containsEntry("choice", "REJECT");
    assertThat(CHOICE.from(variables)).isEqualTo(Choice.REJECT);
    assertThatThrownBy(() -> CHOICE.from(Map.of("choice", "MAYBE")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("宣言と違う型の値は、未回答と同じく null として読む")
  void aValueOfAnotherTypeReadsAsNull() {
    Map<String, Object> variables = Map.of("note", 42L, "flag", "true", "choice", 1);

    assertThat(NOTE.from(variables)).isNull();
    assertThat(FLAG.from(variables)).isNull();
    assertThat(CHOICE.from(variables)).isNull();
    assertThat(NOTE.from(Map.of())).isNull();
    assertThat(NOTE.from(Map.of("note", "text"))).isEqualTo("text");
    assertThat(NOTE.name()).isEqualTo("note").isEqualTo(NOTE.toString());
  }
}
