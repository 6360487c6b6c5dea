package jp.lg.externalservice.audit;

import java.util.List;
import jp.lg.externalservice.registry.RegistryCsv;

/**
 * The audit record as CSV, in the registry CSV's format ({@link RegistryCsv}: UTF-8 with BOM, CRLF,
 * every field quoted, formula-like values made text). One line per step; the columns are the
 * JSON's, in Japanese.
 */
final class AuditCsv {

  static final List<String> HEADERS =
      List.of(
          "受付番号",
          "日時",
          "日時（ISO 8601）",
          "手続",
          "手順",
          "実施者ID",
          "実施者",
          "役割",
          "代理",
          "代理元",
          "回答",
          "結果",
          "根拠");

  private AuditCsv() {}

  static String fileName(AuditRecord record) {
    return "audit-" + record.caseNumber() + ".csv";
  }

  static byte[] write(AuditRecord record) {
    return RegistryCsv.write(HEADERS, rows(record));
  }

  /** The values of each line, before the CSV's quoting and formula safety. */
  static List<List<Object>> rows(AuditRecord record) {
    return record.steps().stream()
        .map(
            step ->
                List.<Object>of(
                    record.caseNumber(),
                    step.atDisplay(),
                    step.atIso(),
                    step.processLabel(),
                    step.stepName(),
                    nullToEmpty(step.actorId()),
                    nullToEmpty(step.actorName()),
                    nullToEmpty(step.roleLabel()),
                    step.deputy() ? "代理" : "",
                    nullToEmpty(step.deputyFor()),
                    step.answersText(),
                    nullToEmpty(step.resultLabel()),
                    nullToEmpty(step.ruleLabel())))
        .toList();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
