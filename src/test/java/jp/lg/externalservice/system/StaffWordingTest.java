package jp.lg.externalservice.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaffWordingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "× の項目（1）があるため承認できません（ruling R-14） | × の項目（1）があるため承認できません",
        "## 利用状況の確認（外部サービス管理者、004 §14、毎年） | ## 利用状況の確認（外部サービス管理者、練馬区ガイドライン §14、毎年）",
        "契約の記録はありません（004 §8, ruling R-10）     | 契約の記録はありません（練馬区ガイドライン §8）",
        "SNS 登録手続（003 第7 5）                          | SNS 登録手続（情報セキュリティ対策基準 第7 5）",
        "国の機関等（000 別紙）                             | 国の機関等（関係省庁申合せ 別紙）",
        "第三者認証（001 8.2(2)、003 第10 2(2)②ア）          | 第三者認証（対策基準 8.2(2)、情報セキュリティ対策基準 第10 2(2)②ア）",
        "R8-0001 の 2004 §3 ではない                        | R8-0001 の 2004 §3 ではない",
        "件数 R8-001 2件                                    | 件数 R8-001 2件"
      })
  @DisplayName("職員向けの文: 文書番号は文書名に、プロダクトの裁定（ruling）は省く")
  void citationsInStaffWords(String code, String staff) {
    assertThat(StaffWording.citations(code)).isEqualTo(staff);
    assertThat(new FieldError("f", code, "en (ruling R-14)").message()).isEqualTo(staff);
    assertThat(new FieldError("f", code, "en (ruling R-14)").messageEn()).contains("ruling R-14");
  }
}
