package jp.lg.externalservice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads back the CSV files the API writes (registry/RegistryCsv's format: UTF-8 with BOM, CRLF,
 * every field quoted, a quote inside doubled, line breaks allowed inside a field), as Excel would.
 */
public final class CsvRows {

  private CsvRows() {}

  /** The rows of the file, the header first; fails unless the file starts with the BOM. */
  public static List<List<String>> parse(byte[] file) {
    if (file.length < 3
        || !Arrays.equals(
            Arrays.copyOf(file, 3), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
      throw new AssertionError("no UTF-8 byte order mark");
    }
    String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '"') {
        throw new AssertionError("unquoted field at " + i + ": " + text.substring(i));
      }
      StringBuilder field = new StringBuilder();
      i++;
      while (true) {
        char c = text.charAt(i);
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
        } else if (c == '"') {
          i++;
          break;
        } else {
          field.append(c);
          i++;
        }
      }
      row.add(field.toString());
      if (text.startsWith(",", i)) {
        i++;
      } else if (text.startsWith("\r\n", i)) {
        rows.add(row);
        row = new ArrayList<>();
        i += 2;
      } else {
        throw new AssertionError("expected , or CRLF at " + i);
      }
    }
    if (!row.isEmpty()) {
      throw new AssertionError("the last line has no CRLF");
    }
    return rows;
  }
}
