package jp.lg.externalservice.certification;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.lg.externalservice.system.FieldError;

/**
 * Reads an ISMAP or ISMAP-LIU service list as published, from the CSV 情報政策課 downloads: UTF-8 with
 * or without BOM, or Shift_JIS (CP932) as Japanese sites often publish; columns found by their
 * header, in any order, extra columns ignored. Every problem names its line and column, and nothing
 * is returned unless the whole file is good. The accepted headers are in docs/administration.md.
 */
final class ServiceListCsv {

  /** A row of the list as read. */
  record Row(
      int line,
      String registrationNumber,
      String serviceName,
      String providerName,
      LocalDate registeredOn,
      LocalDate validUntil) {}

  /** The columns, each with the header names accepted for it (compared after NFKC, no spaces). */
  enum Column {
    NUMBER("登録番号", true, "登録番号", "登録No", "登録no.", "登録No.", "登録ID", "ISMAP登録番号"),
    SERVICE("サービス名", true, "サービス名", "サービス名称", "サービスの名称", "クラウドサービス名", "クラウドサービス名称", "クラウドサービスの名称"),
    PROVIDER(
        "事業者名", true, "事業者名", "事業者", "クラウドサービス事業者名", "クラウドサービス事業者", "クラウドサービス提供者名", "申請者名", "法人名"),
    REGISTERED_ON("登録日", false, "登録日", "登録年月日", "登録日付"),
    VALID_UNTIL(
        "有効期限", false, "有効期限", "有効期限日", "登録有効期限", "有効期間満了日", "有効期間の満了日", "登録の有効期限", "有効期間（終了日）");

    final String label;
    final boolean required;
    final List<String> headers;

    Column(String label, boolean required, String... headers) {
      this.label = label;
      this.required = required;
      this.headers = List.of(headers).stream().map(ServiceListCsv::normalize).toList();
    }
  }

  /** The file is not a list that can be imported; every problem found. */
  static final class Invalid extends RuntimeException {
    final List<FieldError> errors;

    Invalid(List<FieldError> errors) {
      super(errors.toString());
      this.errors = errors;
    }
  }

  private static final Charset CP932 = Charset.forName("windows-31j");
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*[/\\-.年]\\s*(\\d{1,2})\\s*[/\\-.月]\\s*(\\d{1,2})\\s*日?");
  private static final Pattern REIWA =
      Pattern.compile(
          "(?:令和|R)\\s*(\\d{1,2}|元)\\s*[年/\\-.]\\s*(\\d{1,2})\\s*[/\\-.月]\\s*(\\d{1,2})\\s*日?");

  private final int maxRows;

  ServiceListCsv(int maxRows) {
    this.maxRows = maxRows;
  }

  /**
   * The text of the file: UTF-8 (BOM or not) when it decodes as such, else CP932. A file that is
   * neither is refused: decoded leniently, its names would be stored with U+FFFD in them, match no
   * service and silently show the reviewer "not on the list".
   */
  static String decode(byte[] content) {
    boolean bom =
        content.length >= 3
            && (content[0] & 0xFF) == 0xEF
            && (content[1] & 0xFF) == 0xBB
            && (content[2] & 0xFF) == 0xBF;
    ByteBuffer bytes = ByteBuffer.wrap(content, bom ? 3 : 0, content.length - (bom ? 3 : 0));
    try {
      return strict(StandardCharsets.UTF_8, bytes.duplicate());
    } catch (CharacterCodingException notUtf8) {
      if (bom) {
        throw unreadable();
      }
    }
    try {
      return strict(CP932, bytes);
    } catch (CharacterCodingException notCp932) {
      throw unreadable();
    }
  }

  private static String strict(Charset charset, ByteBuffer bytes) throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(bytes)
        .toString();
  }

  private static Invalid unreadable() {
    return new Invalid(
        List.of(
            new FieldError(
                "file",
                "ファイルの文字コードを読めません。UTF-8 か Shift_JIS の CSV として保存し直してください",
                "the file's encoding cannot be read: save it as a UTF-8 or Shift_JIS CSV")));
  }

  List<Row> read(byte[] content) {
    List<FieldError> errors = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<List<String>> records = records(decode(content), lines, errors);
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    // the header is the first line that names a registration number (a title may stand above it)
    int headerIndex = -1;
    for (int i = 0; i < Math.min(records.size(), 10) && headerIndex < 0; i++) {
      for (String cell : records.get(i)) {
        if (Column.NUMBER.headers.contains(normalize(cell))) {
          headerIndex = i;
        }
      }
    }
    if (headerIndex < 0) {
      throw new Invalid(
          List.of(
              new FieldError(
                  "line 1",
                  "見出し行が見つかりません。「登録番号」「サービス名」「事業者名」の列が必要です",
                  "no header line: the columns 登録番号, サービス名 and 事業者名 are required")));
    }
    List<String> header = records.get(headerIndex);
    int headerLine = lines.get(headerIndex);
    Map<Column, Integer> positions = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = normalize(header.get(i));
      for (Column column : Column.values()) {
        if (column.headers.contains(name) && !positions.containsKey(column)) {
          positions.put(column, i);
        }
      }
    }
    for (Column column : Column.values()) {
      if (column.required && !positions.containsKey(column)) {
        errors.add(
            new FieldError(
                "line " + headerLine + ", " + column.label,
                headerLine
                    + " 行目（見出し）に「"
                    + column.label
                    + "」の列がありません（使える見出し: "
                    + String.join("、", column.headers)
                    + "）",
                "line " + headerLine + " (header): no column " + column.label));
      }
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = headerIndex + 1; i < records.size(); i++) {
      List<String> record = records.get(i);
      int line = lines.get(i);
      if (record.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (rows.size() >= maxRows) {
        throw new Invalid(
            List.of(
                new FieldError(
                    "line " + line,
                    "行が多すぎます（上限 " + maxRows + " 行）",
                    "too many rows (at most " + maxRows + ")")));
      }
      String number = text(record, positions, Column.NUMBER, line, 100, errors);
      String service = text(record, positions, Column.SERVICE, line, 500, errors);
      String provider = text(record, positions, Column.PROVIDER, line, 500, errors);
      LocalDate registered = date(record, positions, Column.REGISTERED_ON, line, errors);
      LocalDate validUntil = date(record, positions, Column.VALID_UNTIL, line, errors);
      if (number != null && seen.containsKey(number)) {
        errors.add(
            new FieldError(
                "line " + line + ", " + Column.NUMBER.label,
                line + " 行目: 登録番号「" + number + "」は " + seen.get(number) + " 行目と重複しています",
                "line "
                    + line
                    + ": registration number "
                    + number
                    + " repeats line "
                    + seen.get(number)));
      } else if (number != null) {
        seen.put(number, line);
      }
      rows.add(new Row(line, number, service, provider, registered, validUntil));
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(
          new FieldError(
              "line " + (headerLine + 1), "見出しの後に登録された行がありません", "no rows after the header"));
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    return rows;
  }

  private static String text(
      List<String> record,
      Map<Column, Integer> positions,
      Column column,
      int line,
      int maxLength,
      List<FieldError> errors) {
    String value = cell(record, positions, column);
    String field = "line " + line + ", " + column.label;
    if (value == null) {
      errors.add(
          new FieldError(
              field,
              line + " 行目: 「" + column.label + "」が空です",
              "line " + line + ", column " + column.label + ": empty"));
      return null;
    }
    if (value.length() > maxLength) {
      errors.add(
          new FieldError(
              field,
              line + " 行目: 「" + column.label + "」が長すぎます（" + maxLength + " 文字まで）",
              "line " + line + ", column " + column.label + ": longer than " + maxLength));
      return null;
    }
    if (value.chars().anyMatch(c -> c < 0x20)) {
      errors.add(
          new FieldError(
              field,
              line + " 行目: 「" + column.label + "」に制御文字があります",
              "line " + line + ", column " + column.label + ": control characters"));
      return null;
    }
    return value;
  }

  private static LocalDate date(
      List<String> record,
      Map<Column, Integer> positions,
      Column column,
      int line,
      List<FieldError> errors) {
    if (!positions.containsKey(column)) {
      return null;
    }
    String value = cell(record, positions, column);
    if (value == null || value.equals("-") || value.equals("ー") || value.equals("－")) {
      return null;
    }
    LocalDate date = parseDate(Normalizer.normalize(value, Normalizer.Form.NFKC));
    if (date == null) {
      errors.add(
          new FieldError(
              "line " + line + ", " + column.label,
              line
                  + " 行目: 「"
                  + column.label
                  + "」の「"
                  + abbreviate(value)
                  + "」は日付として読めません（例: 2024/04/01、令和6年4月1日）",
              "line " + line + ", column " + column.label + ": not a date"));
    }
    return date;
  }

  static LocalDate parseDate(String text) {
    try {
      Matcher western = DATE.matcher(text.strip());
      if (western.matches()) {
        return LocalDate.of(
            Integer.parseInt(western.group(1)),
            Integer.parseInt(western.group(2)),
            Integer.parseInt(western.group(3)));
      }
      Matcher reiwa = REIWA.matcher(text.strip());
      if (reiwa.matches()) {
        int year = reiwa.group(1).equals("元") ? 1 : Integer.parseInt(reiwa.group(1));
        return LocalDate.of(
            2018 + year, Integer.parseInt(reiwa.group(2)), Integer.parseInt(reiwa.group(3)));
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static String cell(List<String> record, Map<Column, Integer> positions, Column column) {
    Integer position = positions.get(column);
    if (position == null || position >= record.size()) {
      return null;
    }
    String value = record.get(position).strip();
    return value.isEmpty() ? null : value;
  }

  private static String abbreviate(String value) {
    return value.length() > 30 ? value.substring(0, 30) + "…" : value;
  }

  /** A header as compared: NFKC (full-width to half-width), no spaces, no line breaks. */
  static String normalize(String header) {
    return Normalizer.normalize(header, Normalizer.Form.NFKC).replaceAll("[\\s\u3000]", "");
  }

  /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
  private static List<List<String>> records(
      String text, List<Integer> startLines, List<FieldError> errors) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int quoteLine = 0;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        quoted = true;
        quoteLine = line;
        cell.setLength(0);
      } else if (c == ',') {
        record.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(cell.toString());
        cell.setLength(0);
        records.add(record);
        startLines.add(recordLine);
        record = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      errors.add(
          new FieldError(
              "line " + quoteLine,
              quoteLine + " 行目: 引用符（\"）が閉じられていません",
              "line " + quoteLine + ": a quoted field is not closed"));
    }
    if (cell.length() > 0 || !record.isEmpty()) {
      record.add(cell.toString());
      records.add(record);
      startLines.add(recordLine);
    }
    return records;
  }
}
