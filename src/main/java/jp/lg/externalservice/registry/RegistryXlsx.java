package jp.lg.externalservice.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The registry as an Excel workbook ({@code GET /api/services/export.xlsx}): the CSV's columns and
 * values ({@link RegistryCsv}), one sheet, the header row bold and frozen, columns wide enough for
 * their Japanese text, dates as Excel dates. Text goes through the CSV's {@link RegistryCsv#safe}:
 * a cell is never a formula here, but a value starting with = reads the same in both files, and a
 * copy-paste out of the sheet stays harmless.
 */
final class RegistryXlsx {

  static final String FILE_NAME = "approved-services.xlsx";
  static final String SHEET_NAME = "承認済み外部サービス台帳";

  /** Excel's widest column is 255 characters; a longer name wraps in the cell instead. */
  private static final int MAX_WIDTH_CHARS = 60;

  private RegistryXlsx() {}

  static byte[] write(List<RegistryEntry> entries) {
    // streaming: only a window of rows is kept in memory, whatever the registry's size
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      Sheet sheet = workbook.createSheet(SHEET_NAME);
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/mm/dd"));

      List<String> headers = RegistryCsv.headers();
      int[] widths = new int[headers.size()];
      Row first = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        Cell cell = first.createCell(i);
        cell.setCellValue(headers.get(i));
        cell.setCellStyle(header);
        widths[i] = width(headers.get(i));
      }
      int rowIndex = 1;
      for (RegistryEntry entry : entries) {
        Row row = sheet.createRow(rowIndex++);
        List<Object> values = RegistryCsv.row(entry);
        for (int i = 0; i < values.size(); i++) {
          Object value = values.get(i);
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(i);
          if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
            widths[i] = Math.max(widths[i], 11);
          } else {
            String text = RegistryCsv.safe(value);
            cell.setCellValue(text);
            widths[i] = Math.max(widths[i], width(text));
          }
        }
      }
      sheet.createFreezePane(0, 1);
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, (Math.min(widths[i], MAX_WIDTH_CHARS) + 2) * 256);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Width in Excel's character units: a Japanese character is about two. */
  private static int width(String text) {
    return text.codePoints().map(c -> c < 0x1100 ? 1 : 2).sum();
  }
}
