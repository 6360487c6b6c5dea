package jp.lg.externalservice.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of the exemption table (004 §9(1), domain-spec §3.3, ruling R-2) against {@code
 * processes/external-service-exemption.dmn}, evaluated by the standalone DMN engine: no Spring
 * context, no process engine.
 */
class ExemptionTableTest {

  private static final DmnDecision TABLE =
      RuleTableFiles.decision(DmnRuleTables.EXEMPTION_DECISION);

  /**
   * One line per row of the 004 §9(1) table, with its id and its two outcome columns as the source
   * writes them: 個人情報等の重要情報を取り扱うもの | 取り扱わないもの. Merged cells are read as ruling R-2 decides.
   */
  @ParameterizedTest(name = "{1} {0}: 重要情報あり {2} | なし {3}")
  @DisplayName("004 §9(1) の表の各行: 重要情報の有無ごとの判定と根拠が出典のとおり")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # not in the table: the normal routing follows (rulings.md §2, item 7)
      NONE                       | —   | —          | —
      # E1–E5: one merged 申請不要 over both columns (domain-spec §3.3 reading notes, ruling R-2)
      TELECOM                    | E1  | 申請不要    | 申請不要
      POSTAL_TRANSPORT           | E2  | 申請不要    | 申請不要
      FINANCIAL                  | E3  | 申請不要    | 申請不要
      PUBLIC_BODY_REQUESTED      | E4  | 申請不要    | 申請不要
      CONTRACTOR_INTRODUCED      | E5  | 申請不要    | 申請不要
      # E6 ① LoGo フォーム: its own 申請不要 over both columns (ruling R-2)
      LOGO_FORM                  | E6  | 申請不要    | 申請不要
      # E7 ② LoGo チャット and E8 ③ Microsoft 365: 利用不可（※）| 申請不要 (004 §9(1), footnote ※)
      LOGO_CHAT                  | E7  | 利用不可（※） | 申請不要
      MICROSOFT_365              | E8  | 利用不可（※） | 申請不要
      # E9–E12: continuing the E7–E8 cells (domain-spec §3.3 ‡, ruling R-2; for E9, E10 also 004 §3 bullet 1)
      FREE_MAP_SEARCH_TRANSLATE  | E9  | 利用不可（※） | 申請不要
      FREE_INFORMATION_GATHERING | E10 | 利用不可（※） | 申請不要
      DOWNLOAD_ONLY              | E11 | 利用不可（※） | 申請不要
      REQUIRED_FOR_TRAINING      | E12 | 利用不可（※） | 申請不要
      """)
  void everyRowAsInTheSource(
      Exemption exemption, String id, String important, String notImportant) {
    SoftAssertions softly = new SoftAssertions();
    // The id is what the reasons show the user, e.g. "E7「LoGo チャット（情報政策課が全庁導入）」".
    softly
        .assertThat(exemption.code())
        .as("id of %s", exemption)
        .isEqualTo("—".equals(id) ? null : id);
    softly
        .assertThat(evaluate(exemption.name(), true))
        .as("%s with important information", id)
        .isEqualTo(expected(important));
    softly
        .assertThat(evaluate(exemption.name(), false))
        .as("%s without important information", id)
        .isEqualTo(expected(notImportant));
    softly.assertAll();
  }

  @Test
  @DisplayName("上の表は申請不要の区分をすべて含む")
  void theTableAboveCoversEveryExemption() throws NoSuchMethodException {
    // A new Exemption must get its line above, checked against the DMN file.
    String source =
        getClass()
            .getDeclaredMethod(
                "everyRowAsInTheSource", Exemption.class, String.class, String.class, String.class)
            .getAnnotation(CsvSource.class)
            .textBlock();
    List<String> names =
        source
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(line -> line.split("\\|")[0].strip())
            .toList();
    assertThat(names)
        .containsExactlyInAnyOrder(
            Arrays.stream(Exemption.values()).map(Enum::name).toArray(String[]::new));
  }

  @Test
  @DisplayName("表にない区分には該当する行がない（分類はエラーになり、黙って申請不要にしない）")
  void unknownExemptionHasNoRow() {
    assertThat(result("E13_UNKNOWN", false)).isEmpty();
    assertThat(result("", true)).isEmpty();
  }

  @Test
  @DisplayName("重要情報の有無が不明なら、E7–E12 には該当する行がない")
  void unknownImportanceMatchesNoSplitRow() {
    // The classification always passes true or false; a missing flag must not fall into either
    // column.
    assertThat(result(Exemption.LOGO_CHAT.name(), null)).isEmpty();
  }

  /** The source's cell as the verdict and the citation the user reads in the reasons. */
  private static Map<String, String> expected(String cell) {
    return switch (cell) {
      case "—" -> Map.of("verdict", "NOT_EXEMPT", "rule", "-");
      case "申請不要" -> Map.of("verdict", "NO_APPLICATION", "rule", "004 §9(1) / ruling R-2");
      case "利用不可（※）" -> Map.of("verdict", "FORBIDDEN", "rule", "004 §9(1)（※） / ruling R-2");
      default -> throw new IllegalArgumentException("not a cell of 004 §9(1): " + cell);
    };
  }

  /** The matching row's outputs, as {@code DmnRuleTables} reads them; null when no row matches. */
  private static Map<String, Object> evaluate(String exemption, boolean importantInformation) {
    DmnDecisionTableResult result = result(exemption, importantInformation);
    return result.isEmpty() ? null : result.getSingleResult().getEntryMap();
  }

  private static DmnDecisionTableResult result(String exemption, Boolean importantInformation) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("exemption", exemption);
    variables.put("importantInformation", importantInformation);
    return RuleTableFiles.evaluate(TABLE, variables);
  }
}
