package jp.lg.externalservice.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Lays a {@link Document} out as an A4 PDF with PDFBox: the title, the 受付番号, then each section as a
 * table whose Japanese text wraps by character width, rows continuing on the next page when the
 * page is full, and a footer with the page number. The font is IPAex Gothic ({@code
 * fonts/ipaexg.ttf}, IPA Font License v1.0, which allows embedding and shipping it), embedded as a
 * subset, so the document reads the same on every PC and in the document management system.
 *
 * <p>The work is bounded whatever the record holds: a value longer than {@link #MAX_CELL_CHARS}
 * characters and a document longer than {@link #MAX_PAGES} pages end with 「以下省略」.
 */
@Component
public class PdfDocuments {

  /** The longest value printed in one cell; the forms allow less (InputReader.MAX_TEXT). */
  static final int MAX_CELL_CHARS = 4_000;

  /** A record is bounded; this bounds a record that is not. */
  static final int MAX_PAGES = 30;

  static final String OMITTED = "（以下省略）";
  private static final String FONT = "/fonts/ipaexg.ttf";

  private static final float MARGIN = 48;
  private static final float FOOTER = 28;
  private static final float TITLE_SIZE = 17;
  private static final float HEADING_SIZE = 12;
  private static final float TEXT_SIZE = 9.5f;
  private static final float LEADING = TEXT_SIZE * 1.45f;
  private static final float PADDING = 4;
  private static final String NO_LINE_START = "、。，．）」』】〕！？：；ー・)]}.,:;!?";
  private static final String MISSING_GLYPH = "〓"; // the printer's mark for a character it lacks

  private final byte[] font;

  public PdfDocuments() {
    try (InputStream in = PdfDocuments.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("font " + FONT + " is missing from the jar");
      }
      this.font = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The PDF of {@code document}; {@code footer} is printed on every page (e.g. when it was made).
   */
  public byte[] render(Document document, String footer) {
    try (PDDocument pdf = new PDDocument()) {
      PDType0Font type0 = PDType0Font.load(pdf, new ByteArrayInputStream(font), true);
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle(document.title() + "（受付番号 " + document.caseNumber() + "）");
      info.setCreator("外部サービス管理");
      pdf.getDocumentCatalog().setLanguage("ja-JP");
      new Layout(pdf, new Glyphs(type0)).write(document);
      footers(pdf, new Glyphs(type0), document.caseNumber(), footer);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void footers(PDDocument pdf, Glyphs glyphs, String caseNumber, String footer)
      throws IOException {
    int total = pdf.getNumberOfPages();
    for (int i = 0; i < total; i++) {
      PDPage page = pdf.getPage(i);
      try (PDPageContentStream out =
          new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true)) {
        String left = "受付番号 " + caseNumber + "　" + footer;
        String right = (i + 1) + " / " + total;
        float size = 8;
        glyphs.show(out, glyphs.fit(left, 380, size), MARGIN, MARGIN - FOOTER + 6, size);
        float width = glyphs.width(right, size);
        glyphs.show(
            out, right, page.getMediaBox().getWidth() - MARGIN - width, MARGIN - FOOTER + 6, size);
      }
    }
  }

  /** The font's glyphs: widths, and characters it lacks replaced. */
  static final class Glyphs {
    private final PDType0Font font;
    private final Map<Integer, String> shown = new HashMap<>();
    private final Map<String, Float> widths = new HashMap<>();

    Glyphs(PDType0Font font) {
      this.font = font;
    }

    /** The character as it can be printed: tabs as spaces, controls dropped, missing glyphs 〓. */
    String printable(int codePoint) {
      return shown.computeIfAbsent(
          codePoint,
          cp -> {
            if (cp == '\t') {
              return " ";
            }
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
              return "";
            }
            String text = new String(Character.toChars(cp));
            try {
              font.encode(text);
              return text;
            } catch (IllegalArgumentException | IOException noGlyph) {
              return MISSING_GLYPH;
            }
          });
    }

    float width(String text, float size) {
      float units =
          widths.computeIfAbsent(
              text,
              t -> {
                try {
                  return font.getStringWidth(t);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      return units / 1000 * size;
    }

    /** The text cut to one line of {@code width}. */
    String fit(String text, float width, float size) {
      List<String> lines = wrap(text, width, size);
      return lines.isEmpty() ? "" : lines.get(0) + (lines.size() > 1 ? "…" : "");
    }

    /** The text in lines no wider than {@code width}: broken at line breaks and by character. */
    List<String> wrap(String text, float width, float size) {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      float used = 0;
      String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
      for (int i = 0; i < normalised.length(); ) {
        int cp = normalised.codePointAt(i);
        i += Character.charCount(cp);
        if (cp == '\n') {
          lines.add(line.toString());
          line.setLength(0);
          used = 0;
          continue;
        }
        String glyph = printable(cp);
        if (glyph.isEmpty()) {
          continue;
        }
        float w = width(glyph, size);
        if (used + w > width && line.length() > 0) {
          // 行頭禁則: a closing mark does not start a line; it takes the character before it along
          String carried = "";
          if (NO_LINE_START.indexOf(glyph) >= 0 && line.length() > 1) {
            int last = line.offsetByCodePoints(line.length(), -1);
            carried = line.substring(last);
            line.setLength(last);
          }
          lines.add(line.toString());
          line.setLength(0);
          line.append(carried);
          used = carried.isEmpty() ? 0 : width(carried, size);
        }
        line.append(glyph);
        used += w;
      }
      lines.add(line.toString());
      return lines;
    }

    void show(PDPageContentStream out, String text, float x, float y, float size)
        throws IOException {
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(x, y);
      out.showText(text);
      out.endText();
    }
  }

  /** Writes pages top to bottom, starting a new page when the next piece does not fit. */
  private static final class Layout {
    private final PDDocument pdf;
    private final Glyphs glyphs;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream out;
    private float y;
    private boolean full;

    Layout(PDDocument pdf, Glyphs glyphs) {
      this.pdf = pdf;
      this.glyphs = glyphs;
    }

    void write(Document document) throws IOException {
      newPage();
      try {
        title(document);
        for (Document.Section section : document.sections()) {
          if (full) {
            break;
          }
          section(section);
        }
      } finally {
        out.close();
      }
    }

    private void newPage() throws IOException {
      if (out != null) {
        out.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      out = new PDPageContentStream(pdf, page);
      out.setLineWidth(0.5f);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Room for {@code height} more, on this page or the next; false once the cap is reached. */
    private boolean room(float height) throws IOException {
      if (y - height >= MARGIN) {
        return true;
      }
      if (pdf.getNumberOfPages() >= MAX_PAGES) {
        omitted();
        return false;
      }
      newPage();
      return true;
    }

    private void omitted() throws IOException {
      if (!full) {
        full = true;
        float size = TEXT_SIZE;
        glyphs.show(out, "以下省略（この書類は " + MAX_PAGES + " ページまでです）", MARGIN, MARGIN - 12, size);
      }
    }

    private void title(Document document) throws IOException {
      float titleWidth = glyphs.width(document.title(), TITLE_SIZE);
      y -= TITLE_SIZE;
      glyphs.show(out, document.title(), MARGIN + (width - titleWidth) / 2, y, TITLE_SIZE);
      y -= TITLE_SIZE * 0.9f;
      String number = "受付番号　" + document.caseNumber();
      glyphs.show(out, number, MARGIN + width - glyphs.width(number, 10.5f), y, 10.5f);
      y -= 6;
      for (String line : document.preamble()) {
        for (String wrapped : glyphs.wrap(line, width, TEXT_SIZE)) {
          y -= LEADING;
          glyphs.show(out, wrapped, MARGIN, y, TEXT_SIZE);
        }
      }
      y -= 6;
    }

    private void section(Document.Section section) throws IOException {
      // a heading is not left alone at the bottom of a page
      // nor a table's column headers without a row under them
      if (!room(HEADING_SIZE + 13 + 2 * (2 * LEADING + 2 * PADDING))) {
        return;
      }
      y -= HEADING_SIZE + 8;
      glyphs.show(out, section.heading(), MARGIN, y, HEADING_SIZE);
      y -= 5;
      float[] columns = columns(section.widths());
      List<String> headers = section.headers().isEmpty() ? null : section.headers();
      if (headers != null) {
        row(headers, columns, true, false, null);
      }
      for (List<String> cells : section.rows()) {
        if (full) {
          return;
        }
        row(cells, columns, false, headers == null && cells.size() > 1, headers);
      }
    }

    private float[] columns(List<Float> shares) {
      float total = 0;
      for (float share : shares) {
        total += share;
      }
      float[] columns = new float[shares.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = width * shares.get(i) / total;
      }
      return columns;
    }

    /**
     * One table row, continued on the next pages while its lines do not fit; a table's column
     * headers are repeated on each new page.
     */
    private void row(
        List<String> cells,
        float[] columns,
        boolean header,
        boolean labelled,
        List<String> headersOnNewPage)
        throws IOException {
      List<List<String>> lines = new ArrayList<>();
      int most = 1;
      for (int c = 0; c < columns.length; c++) {
        String value = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
        if (value.length() > MAX_CELL_CHARS) {
          value = value.substring(0, MAX_CELL_CHARS) + OMITTED;
        }
        List<String> wrapped = glyphs.wrap(value, columns[c] - 2 * PADDING, TEXT_SIZE);
        lines.add(wrapped);
        most = Math.max(most, wrapped.size());
      }
      int done = 0;
      while (done < most) {
        int fits = (int) Math.floor((y - MARGIN - 2 * PADDING) / LEADING);
        if (fits < Math.min(2, most - done)) {
          if (!room(Float.MAX_VALUE)) {
            return;
          }
          if (headersOnNewPage != null) {
            row(headersOnNewPage, columns, true, false, null); // the columns' names on every page
          }
          continue;
        }
        int take = Math.min(fits, most - done);
        float height = take * LEADING + 2 * PADDING;
        float x = MARGIN;
        for (int c = 0; c < columns.length; c++) {
          if (header || labelled && c == 0) {
            out.setNonStrokingColor(0.93f, 0.94f, 0.96f);
            out.addRect(x, y - height, columns[c], height);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
          }
          out.addRect(x, y - height, columns[c], height);
          out.stroke();
          List<String> cell = lines.get(c);
          for (int l = done; l < Math.min(cell.size(), done + take); l++) {
            float baseline = y - PADDING - (l - done + 1) * LEADING + (LEADING - TEXT_SIZE) * 0.9f;
            glyphs.show(out, cell.get(l), x + PADDING, baseline, TEXT_SIZE);
          }
          x += columns[c];
        }
        y -= height;
        done += take;
      }
    }
  }
}
