package jp.lg.externalservice.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "004 §9(2)                | 練馬区ガイドライン §9(2)",
        "004 §9(3)(b) / ruling R-5 | 練馬区ガイドライン §9(3)(b)",
        "ruling R-10 / 003 第7 5   | 情報セキュリティ対策基準 第7 5",
        "ruling R-3               | 区の運用判断",
        "002 §5(2)                | 約款による外部サービスの利用手順 §5(2)"
      })
  @DisplayName("職員が読む根拠: 文書番号でなく文書名、プロダクトの裁定は「区の運用判断」")
  void staffReadTheSourceByName(String rule, String source) {
    assertThat(new Reason(rule, "理由").source()).isEqualTo(source);
    assertThat(new Reason(rule, "理由").source()).doesNotContainPattern("ruling|R-[0-9]|^00[0-4]");
  }

  @org.junit.jupiter.api.Test
  @DisplayName("JSON（フォームと事前判定 API）には rule と並んで source が入る")
  void theJsonCarriesTheSource() throws Exception {
    String json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(new Reason("004 §3", "理由"));
    assertThat(json).contains("\"rule\":\"004 §3\"", "\"source\":\"練馬区ガイドライン §3\"");
  }
}
