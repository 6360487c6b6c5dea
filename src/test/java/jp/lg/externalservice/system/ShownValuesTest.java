package jp.lg.externalservice.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShownValuesTest {

  @Test
  @DisplayName("HTML・Markdown・テンプレートとして読める文字はすべて文字参照になり、日本語と英数字はそのまま")
  void everyMarkupCharacterBecomesAReference() {
    assertThat(ShownValues.asText("<b>kintone</b> **1**"))
        .isEqualTo("&#60;b&#62;kintone&#60;&#47;b&#62; &#42;&#42;1&#42;&#42;");
    assertThat(ShownValues.asText("区民課 相談係{{x}}")).isEqualTo("区民課 相談係&#123;&#123;x&#125;&#125;");
    assertThat(ShownValues.asText("一行目\r\n二行目")).isEqualTo("一行目<br>二行目");
    assertThat(ShownValues.asText("[a](javascript:x)&amp;")).doesNotContain("[", "(", "&amp;", ":");
  }
}
