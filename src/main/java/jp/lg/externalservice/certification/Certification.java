package jp.lg.externalservice.certification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The third-party certifications a provider may hold, as 001 8.2【解説】(2)⑤ and 003 第10 2(2)⑧ name
 * them: the ISMAP registration (and ISMAP-LIU for low-impact use), ISO/IEC 27017, a SOC 2 report
 * and JASA's cloud security audit. Only ISMAP and ISMAP-LIU publish a service list that can be
 * imported. {@code formKey} is the prefix of the fields of the application form's 第三者認証 section.
 */
public enum Certification {
  ISMAP("ISMAP", "ismap", "ISMAP", "登録番号"),
  ISMAP_LIU("ISMAP-LIU", "ismapLiu", "ISMAP-LIU", "登録番号"),
  ISO_27017("ISO/IEC 27017", "iso27017", null, "認証番号"),
  SOC_2("SOC 2", "soc2", null, "報告書の番号"),
  JASA("JASA クラウドセキュリティ監査", "jasa", null, "登録番号");

  private final String label;
  private final String formKey;
  private final String listName;
  private final String numberLabel;

  Certification(String label, String formKey, String listName, String numberLabel) {
    this.label = label;
    this.formKey = formKey;
    this.listName = listName;
    this.numberLabel = numberLabel;
  }

  /** As staff read it. */
  public String label() {
    return label;
  }

  public String formKey() {
    return formKey;
  }

  /** What its number is called (登録番号, 認証番号…). */
  public String numberLabel() {
    return numberLabel;
  }

  /** True when its service list is published and can be imported (ISMAP, ISMAP-LIU). */
  public boolean hasPublishedList() {
    return listName != null;
  }

  /** The name in the import URL ({@code /api/admin/certification-lists/ISMAP-LIU}). */
  public String listName() {
    return listName;
  }

  /** The list kind named in an import URL. */
  public static Optional<Certification> ofListName(String name) {
    return Arrays.stream(values())
        .filter(c -> c.hasPublishedList() && c.listName.equalsIgnoreCase(name))
        .findFirst();
  }
}
