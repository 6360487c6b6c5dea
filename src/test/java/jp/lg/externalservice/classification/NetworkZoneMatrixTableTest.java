package jp.lg.externalservice.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
 * Every cell of the network-zone matrix (004 §3, domain-spec §4.1) against {@code
 * processes/network-zone-matrix.dmn} as administrators edit it, evaluated by the standalone DMN
 * engine: no Spring context, no process engine.
 */
class NetworkZoneMatrixTableTest {

  private static final DmnDecision MATRIX =
      RuleTableFiles.decision(DmnRuleTables.ZONE_MATRIX_DECISION);

  /**
   * One line per row of the 004 §3 table, its three cells written as the source writes them: 〇, ×,
   * or 〇 with its note. Columns: マイナンバー利用事務系 (MY_NUMBER), LGWAN 接続系 (LGWAN), インターネット接続系 (INTERNET).
   */
  @ParameterizedTest(name = "{0}: {1} | {2} | {3}")
  @DisplayName("004 §3 の表の各行: 接続元ごとの利用可否が出典のとおり")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # 004 §3 row 1 ガバメントクラウド (domain-spec §4.1); the note on LGWAN is ruling R-8 PRIOR_CONSULTATION
      GOVERNMENT_CLOUD   | 〇                      | 〇 ※情報政策課に要事前相談   | ×
      # 004 §3 row 2 LGWAN－ASP（国等が整備）
      LGWAN_ASP_NATIONAL | 〇                      | 〇                          | ×
      # 004 §3 row 3 LGWAN－ASP（インターネット接続なし）; the note is ruling R-8 SPECIFIC_COMMUNICATION
      LGWAN_ASP_CLOSED   | 〇 ※特定通信にする必要あり | 〇                          | ×
      # 004 §3 row 4 LGWAN－ASP（インターネット接続あり）; the note is ruling R-8 CAREFUL_JUDGMENT
      LGWAN_ASP_INTERNET | ×                       | 〇 ※要配慮個人情報は慎重に判断 | ×
      # 004 §3 row 5 クラウドサービス（インターネット）
      CLOUD_INTERNET     | ×                       | ×                           | 〇 ※要配慮個人情報は慎重に判断
      # 004 §3 row 6 クラウドサービス以外の Web サービス
      WEB_SERVICE        | ×                       | ×                           | 〇 ※要配慮個人情報は慎重に判断
      """)
  void everyCellAsInTheSource(ServiceKind kind, String myNumber, String lgwan, String internet) {
    Map<ConnectionZone, String> row =
        Map.of(
            ConnectionZone.MY_NUMBER,
            myNumber,
            ConnectionZone.LGWAN,
            lgwan,
            ConnectionZone.INTERNET,
            internet);
    SoftAssertions softly = new SoftAssertions();
    row.forEach(
        (zone, cell) -> {
          for (boolean sensitive : new boolean[] {false, true}) {
            softly
                .assertThat(verdict(kind, zone, sensitive))
                .as(
                    "%s × %s（要配慮個人情報%s）, source cell「%s」",
                    kind, zone, sensitive ? "あり" : "なし", cell)
                .isEqualTo(expected(cell, sensitive));
          }
        });
    softly.assertAll();
  }

  @Test
  @DisplayName("上の表は外部サービスの種類をすべて、接続元をすべて含む")
  void theTableAboveCoversEveryKindAndZone() throws NoSuchMethodException {
    // A new ServiceKind or ConnectionZone must get its line or column above, checked against the
    // DMN file.
    String table =
        getClass()
            .getDeclaredMethod(
                "everyCellAsInTheSource",
                ServiceKind.class,
                String.class,
                String.class,
                String.class)
            .getAnnotation(CsvSource.class)
            .textBlock();
    List<String[]> lines =
        table
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(line -> line.split("\\|"))
            .toList();
    assertThat(lines)
        .extracting(cells -> cells[0].strip())
        .containsExactlyInAnyOrder(
            Arrays.stream(ServiceKind.values()).map(Enum::name).toArray(String[]::new));
    assertThat(lines)
        .allSatisfy(cells -> assertThat(cells).hasSize(1 + ConnectionZone.values().length));
  }

  @Test
  @DisplayName("表にない種類には該当する行がない（分類はエラーになり、黙って許可しない）")
  void unknownKindHasNoRow() {
    assertThat(evaluate("SATELLITE", "LGWAN", false)).isEmpty();
  }

  /**
   * The source's notation turned into the verdict: 〇 allowed, × forbidden, and a note on 〇 a
   * condition of ruling R-8; the careful-judgment note applies only where 要配慮個人情報 is handled
   * (domain-spec §4.4).
   */
  private static ZoneVerdict expected(String cell, boolean sensitive) {
    return switch (cell) {
      case "〇" -> ZoneVerdict.ALLOWED;
      case "×" -> ZoneVerdict.FORBIDDEN;
      case "〇 ※情報政策課に要事前相談" -> ZoneVerdict.PRIOR_CONSULTATION;
      case "〇 ※特定通信にする必要あり" -> ZoneVerdict.SPECIFIC_COMMUNICATION;
      case "〇 ※要配慮個人情報は慎重に判断" -> sensitive ? ZoneVerdict.CAREFUL_JUDGMENT : ZoneVerdict.ALLOWED;
      default -> throw new IllegalArgumentException("not a cell of 004 §3: " + cell);
    };
  }

  private static ZoneVerdict verdict(ServiceKind kind, ConnectionZone zone, boolean sensitive) {
    DmnDecisionTableResult result = evaluate(kind.name(), zone.name(), sensitive);
    return result.isEmpty() ? null : ZoneVerdict.valueOf(result.getSingleEntry());
  }

  /** The inputs as {@code DmnRuleTables} passes them. */
  private static DmnDecisionTableResult evaluate(String kind, String zone, boolean sensitive) {
    return RuleTableFiles.evaluate(
        MATRIX,
        Map.of(
            "serviceKind",
            kind,
            "connectionZone",
            zone,
            "sensitivePersonalInformation",
            sensitive));
  }
}
