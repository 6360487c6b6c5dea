package jp.lg.externalservice.checklist;

/** The eight measures the applicant self-checks and the 利用責任者 double-checks (002 §5(2)①–⑧). */
public enum SecurityMeasure implements ChecklistItem {
  ITEM1("item1", "事業者との通信は HTTPS 等で暗号化されているか"),
  ITEM2("item2", "保存されるデータはパスワード又は暗号化等で保護されているか"),
  ITEM3("item3", "個人情報を扱う場合、プライバシーポリシーが制定されているか"),
  ITEM4("item4", "契約終了後の情報資産の廃棄方法が明確で、廃棄証明が発行できるか"),
  ITEM5("item5", "責任の所在が明確になっているか（無償サービスは特に注意）"),
  ITEM6("item6", "過去 3 年間、情報セキュリティインシデントが発生していないか"),
  ITEM7("item7", "情報セキュリティインシデント発生時の対応が明確になっているか"),
  ITEM8("item8", "事業者の従事者の守秘義務、目的外利用の禁止、罰則規定等が明確になっているか");

  private final String key;
  private final String text;

  SecurityMeasure(String key, String text) {
    this.key = key;
    this.text = text;
  }

  /** The field key inside the form's {@code measuresSelfCheck} group. */
  @Override
  public String key() {
    return key;
  }

  @Override
  public String text() {
    return text;
  }

  /** 002 §5(2), items ①–⑧ in order. */
  @Override
  public String source() {
    return "002 §5(2)";
  }

  /** Item 3 is the one item for which ／ (not applicable) is expected (domain-spec FE-6). */
  public boolean mayBeNotApplicable() {
    return this == ITEM3;
  }
}
