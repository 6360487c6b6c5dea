package jp.lg.externalservice.system;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citations as staff read them (issue 14: no raw codes on a staff screen). The code cites its
 * sources by number ({@code 004 §9(2)}, {@code ruling R-14}; docs/rules.md resolves them), and the
 * English messages keep them for developers and API clients. Japanese text names the document
 * instead, and leaves out the product rulings, which are this system's own decisions rather than a
 * rule staff can look up.
 */
public final class StaffWording {

  private static final Map<String, String> DOCUMENTS =
      Map.of(
          "000", "関係省庁申合せ",
          "001", "対策基準",
          "002", "約款による外部サービスの利用手順",
          "003", "情報セキュリティ対策基準",
          "004", "練馬区ガイドライン");

  /** 「（ruling R-14）」, 「、ruling R-5」, 「 / ruling R-5」, 「ruling R-10 / 」. */
  private static final Pattern RULING =
      Pattern.compile(
          "（ruling R-[0-9]+(?:, R-[0-9]+)*）|[、,]\\s*ruling R-[0-9]+(?:, R-[0-9]+)*|\\s*/\\s*ruling"
              + " R-[0-9]+|ruling R-[0-9]+(?:, R-[0-9]+)*\\s*/\\s*|ruling R-[0-9]+(?:, R-[0-9]+)*");

  private static final Pattern DOCUMENT =
      Pattern.compile(
          "(?<![0-9A-Za-z.-])(00[0-4]) (?=[\\u00a70-9第別])"); // \u00a7: the section sign; 001 8.2(2)

  private StaffWording() {}

  /** The text with its citations in staff words. */
  public static String citations(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String withoutRulings = RULING.matcher(text).replaceAll("");
    Matcher document = DOCUMENT.matcher(withoutRulings);
    StringBuilder named = new StringBuilder();
    while (document.find()) {
      document.appendReplacement(
          named, Matcher.quoteReplacement(DOCUMENTS.get(document.group(1)) + " "));
    }
    document.appendTail(named);
    return named.toString();
  }
}
