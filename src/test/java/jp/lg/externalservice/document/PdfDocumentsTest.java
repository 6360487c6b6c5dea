package jp.lg.externalservice.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The layout: wrapped Japanese text, page breaks, and bounds on what a huge record makes. */
class PdfDocumentsTest {

  private final PdfDocuments pdf = new PdfDocuments();

  private static String text(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static int pages(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      return document.getNumberOfPages();
    }
  }

  @Test
  @DisplayName("長い日本語は折り返され、ページをまたいでも欠けない。絵文字など字形のない文字は〓になる")
  void longTextWrapsAndContinues() throws IOException {
    String long1 = "区民相談の記録を管理する。".repeat(250) + "おわり";
    byte[] bytes =
        pdf.render(
            new Document(
                "外部サービス利用申請書",
                "R8-0001",
                "申請書_R8-0001",
                List.of("前文"),
                List.of(
                    Document.Section.fields(
                        "申請の内容", List.of(List.of("利用目的", long1), List.of("絵文字", "😀 OK"))))),
            "出力 2026年11月30日");
    assertThat(pages(bytes)).isGreaterThan(1);
    String text =
        text(bytes).replaceAll("\\s", "").replaceAll("受付番号R8-0001　出力2026年11月30日[0-9]+/[0-9]+", "");
    assertThat(text).contains("おわり", "〓OK");
    assertThat(text(bytes)).contains("1 / ", "R8-0001");
    assertThat(text.split("区民相談の記録を管理する。", -1)).hasSize(251);
  }

  @Test
  @DisplayName("巨大な記録でも書類は上限のページ数で「以下省略」となる")
  void hugeRecordsAreCapped() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(List.of("項目" + i, "長い値".repeat(5_000)));
    }
    byte[] bytes =
        pdf.render(
            new Document(
                "外部サービス利用申請書",
                "R8-0002",
                "x",
                List.of(),
                List.of(Document.Section.fields("申請の内容", rows))),
            "");
    assertThat(pages(bytes)).isEqualTo(PdfDocuments.MAX_PAGES);
    assertThat(text(bytes)).contains("以下省略");
  }
}
