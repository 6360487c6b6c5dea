package jp.lg.externalservice.document;

import java.util.List;
import jp.lg.externalservice.system.StaffWording;

/**
 * A document of a case as it will be printed: its title, its 受付番号, the lines under the title and
 * its sections, every value ready to show. {@link PdfDocuments} lays it out; {@link CaseDocuments}
 * fills it from the case record.
 *
 * @param fileName the name of the downloaded file (Japanese allowed), without ".pdf"
 */
public record Document(
    String title,
    String caseNumber,
    String fileName,
    List<String> preamble,
    List<Section> sections) {

  public Document {
    preamble = List.copyOf(preamble);
    sections = List.copyOf(sections);
  }

  /**
   * A heading with a table: labelled values (two columns, no header row) or rows under column
   * headers. {@code widths} are the columns' shares of the page width.
   */
  public record Section(
      String heading, List<String> headers, List<List<String>> rows, List<Float> widths) {

    /** Every heading and cell as staff cite rules: 練馬区ガイドライン §7(1), not 004 §7(1). */
    public Section {
      heading = StaffWording.citations(heading);
      headers = List.copyOf(headers);
      rows = rows.stream().map(row -> row.stream().map(StaffWording::citations).toList()).toList();
      widths = List.copyOf(widths);
    }

    /** Labelled values: label, value. */
    static Section fields(String heading, List<List<String>> rows) {
      return new Section(heading, List.of(), rows, List.of(0.28f, 0.72f));
    }

    static Section table(
        String heading, List<String> headers, List<List<String>> rows, List<Float> widths) {
      return new Section(heading, headers, rows, widths);
    }

    /** A paragraph without a table. */
    static Section text(String heading, String text) {
      return new Section(heading, List.of(), List.of(List.of(text)), List.of(1f));
    }
  }
}
