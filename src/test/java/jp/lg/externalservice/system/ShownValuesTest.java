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

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.DisplayName("日付は日本の書き方で: 2027年4月1日（ISO の 2027-04-01 や英語の曜日ではなく）")
  void datesTheJapaneseWay() {
    assertThat(ShownValues.display("2027-04-01")).isEqualTo("2027年4月1日");
    assertThat(ShownValues.display("2027-13-01")).isEqualTo("2027-13-01");
    assertThat(ShownValues.display("R8-0001")).isEqualTo("R8-0001");
    assertThat(
            ShownValues.display(
                java.util.Date.from(java.time.Instant.parse("2026-11-30T01:05:00Z"))))
        .isEqualTo("2026年11月30日 10:05");
    assertThat(ShownValues.display(12)).isEqualTo("12");
  }
}
