package jp.lg.externalservice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import jp.lg.externalservice.CsvRows;
import jp.lg.externalservice.WebTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/services/export.xlsx} read back with Apache POI: the CSV's rows, the same access,
 * formula-like values neutralised as in the CSV, a bold frozen Japanese header, dates as dates.
 */
class RegistryXlsxApiTest extends WebTest {

  @Autowired RegistryService registry;

  private final String marker = "x" + UUID.randomUUID().toString().substring(0, 8);

  private String register(NewRegistryEntry entry) {
    return registry.register(entry, "kobayashi", "pi-" + marker);
  }

  private record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {}

  private Download download(String path, String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Download(response.statusCode(), response.body(), response.headers());
  }

  /** Each row's cells as the CSV writes them: text as is, dates as YYYY-MM-DD, empty as "". */
  private static List<List<String>> rows(Sheet sheet, int columns) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : sheet) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        Cell cell = row.getCell(i);
        if (cell == null) {
          values.add("");
        } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
          values.add(
              cell.getLocalDateTimeCellValue()
                  .toLocalDate()
                  .format(DateTimeFormatter.ISO_LOCAL_DATE));
        } else {
          assertThat(cell.getCellType()).as("no formula, no number").isEqualTo(CellType.STRING);
          values.add(cell.getStringCellValue());
        }
      }
      rows.add(values);
    }
    return rows;
  }

  @Test
  @DisplayName("Excel: xlsx は CSV と同じ行・同じ見出しで、数式になる値は無害化され、日付は日付、見出しは太字で固定、部署で絞られる")
  void xlsxReadsBackAsTheCsv() throws Exception {
    RegistryEntries.ExportEntries entries =
        RegistryEntries.ExportEntries.register(registry, marker);
    String formula = entries.formula();
    String account = entries.account();
    String zoom = entries.zoom();

    Download xlsx = download("/api/services/export.xlsx?q=" + marker, "sato");
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"approved-services.xlsx\"");
    List<List<String>> csv =
        CsvRows.parse(download("/api/services/export.csv?q=" + marker, "sato").body());

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("承認済み外部サービス台帳");
      List<List<String>> rows = rows(sheet, csv.get(0).size());
      assertThat(rows).as("the CSV's rows, header first").isEqualTo(csv);
      assertThat(rows.get(0)).startsWith("台帳番号", "種別", "サービス名");
      assertThat(rows)
          .extracting(row -> row.get(0))
          .contains(formula, account)
          .doesNotContain(zoom);

      Row injected = sheet.getRow(rows.stream().map(row -> row.get(0)).toList().indexOf(formula));
      assertThat(injected.getCell(2).getStringCellValue())
          .as("a value starting with = is text with a leading ', as in the CSV")
          .startsWith("'=HYPERLINK(");
      assertThat(injected.getCell(3).getStringCellValue()).isEqualTo("'+1 " + marker);
      assertThat(injected.getCell(7).getCellType()).as("承認日 is a date").isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(injected.getCell(10))).as("利用開始日").isTrue();

      assertThat(
              workbook
                  .getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex())
                  .getBold())
          .as("bold header")
          .isTrue();
      assertThat(sheet.getPaneInformation()).isNotNull();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getColumnWidth(2))
          .as("wide enough for the service name")
          .isGreaterThan(sheet.getColumnWidth(1));
    }

    Download all = download("/api/services/export.xlsx?q=" + marker, "yamamoto");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(all.body()))) {
      assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows())
          .as("情報政策課 sees all")
          .isEqualTo(4);
    }
    assertThat(download("/api/services/export.xlsx", null).status()).isEqualTo(401);
    assertThat(download("/api/services/export.xlsx?status=SLOW", "sato").status()).isEqualTo(400);
  }
}
