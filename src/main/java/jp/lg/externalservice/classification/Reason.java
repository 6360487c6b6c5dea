package jp.lg.externalservice.classification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One rule that decided or conditioned an outcome: its citation ({@code rule}, as docs/rules.md
 * resolves it: {@code 004 §9(2)}, {@code ruling R-5}) and a Japanese explanation. Staff read the
 * citation as {@link #source()}: the document's name instead of its number, and the product rulings
 * as the ward's own operating decision (issue 14: no raw codes on staff screens).
 */
public record Reason(String rule, String message) {

  private static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

  static {
    DOCUMENTS.put("000", "関係省庁申合せ");
    DOCUMENTS.put("001", "対策基準");
    DOCUMENTS.put("002", "約款による外部サービスの利用手順");
    DOCUMENTS.put("003", "情報セキュリティ対策基準");
    DOCUMENTS.put("004", "練馬区ガイドライン");
  }

  private static final Pattern RULING = Pattern.compile("ruling R-[0-9]+");

  /** The citation as staff read it, e.g. 「練馬区ガイドライン §9(3)(b)・区の運用判断」. */
  @JsonProperty("source")
  public String source() {
    if (rule == null) {
      return null;
    }
    StringBuilder source = new StringBuilder();
    for (String part : rule.split(" / ")) {
      String text = part.strip();
      if (RULING.matcher(text).matches()) {
        text = "区の運用判断";
      } else if (text.length() >= 3 && DOCUMENTS.containsKey(text.substring(0, 3))) {
        text = DOCUMENTS.get(text.substring(0, 3)) + text.substring(3);
      }
      if (!source.toString().contains(text)) {
        source.append(source.length() == 0 ? "" : "・").append(text);
      }
    }
    return source.toString();
  }
}
