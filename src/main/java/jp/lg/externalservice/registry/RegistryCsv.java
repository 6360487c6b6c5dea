package jp.lg.externalservice.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.lg.externalservice.system.JapanClock;

/**
 * Tables as CSV files that Excel opens correctly: UTF-8 with a byte order mark (without it, Excel
 * reads Japanese as Shift_JIS), CRLF line ends, every field quoted, Japanese headers and labels. A
 * value that Excel would take for a formula (starting with =, +, -, @, tab or CR) gets a leading '
 * so that it is shown as text ({@link #safe}). The registry's columns are here; the xlsx export
 * ({@link RegistryXlsx}) and the audit record's CSV use the same conventions through {@link
 * #write(List, List)} and {@link #safe}.
 */
public final class RegistryCsv {

  static final String FILE_NAME = "approved-services.csv";

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private record Column(String header, Function<RegistryEntry, Object> value) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("台帳番号", RegistryEntry::id),
          new Column("種別", entry -> entry.entryType().label()),
          new Column("サービス名", RegistryEntry::serviceName),
          new Column("提供会社名", RegistryEntry::providerName),
          new Column("部署", RegistryEntry::departmentName),
          new Column("ルート", entry -> entry.route() == null ? null : entry.route().label()),
          new Column("状態", entry -> entry.status().label()),
          new Column("承認日", entry -> JapanClock.dayOf(entry.approvedAt())),
          new Column("外部サービス管理者", RegistryEntry::serviceAdministratorName),
          new Column("サービス管理担当者", RegistryEntry::serviceManagerName),
          new Column("利用開始日", RegistryEntry::periodStart),
          new Column("利用終了日", RegistryEntry::periodEnd),
          new Column("契約日", RegistryEntry::contractDate),
          new Column("終了日", RegistryEntry::endDate));

  private RegistryCsv() {}

  static byte[] write(List<RegistryEntry> entries) {
    return write(headers(), entries.stream().map(RegistryCsv::row).toList());
  }

  /** The registry's column headers. */
  static List<String> headers() {
    return COLUMNS.stream().map(Column::header).toList();
  }

  /** One entry's values, typed (dates as {@code LocalDate}), not yet made safe. */
  static List<Object> row(RegistryEntry entry) {
    return COLUMNS.stream().map(column -> column.value().apply(entry)).toList();
  }

  /** Any table in this CSV format: a header line, then one line per row. */
  public static byte[] write(List<String> headers, List<? extends List<?>> rows) {
    StringBuilder csv = new StringBuilder();
    line(csv, headers);
    rows.forEach(row -> line(csv, row));
    byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, file, 0, BOM.length);
    System.arraycopy(text, 0, file, BOM.length, text.length);
    return file;
  }

  private static void line(StringBuilder csv, List<?> values) {
    csv.append(values.stream().map(RegistryCsv::field).collect(Collectors.joining(",")))
        .append("\r\n");
  }

  static String field(Object value) {
    return "\"" + safe(value).replace("\"", "\"\"") + "\"";
  }

  /**
   * The value as text that a spreadsheet shows as text: one that Excel would take for a formula
   * gets a leading '.
   */
  public static String safe(Object value) {
    String text = value == null ? "" : value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text;
  }
}
