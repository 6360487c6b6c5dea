package jp.lg.externalservice.classification;

/** Types of information handled (ruling R-11). */
public enum InformationType implements Labelled {
  PERSONAL("個人情報", true),
  MY_NUMBER("特定個人情報（マイナンバー）", true),
  SENSITIVE_PERSONAL("要配慮個人情報", true),
  CRITICAL_ADMINISTRATIVE("区政運営に重大な影響を及ぼす情報", true),
  INTERNAL("庁内の非公開情報", false),
  PUBLIC("公開情報", false);

  private final String label;
  private final boolean important;

  InformationType(String label, boolean important) {
    this.label = label;
    this.important = important;
  }

  @Override
  public String label() {
    return label;
  }

  /** 重要情報 = 機密性2以上 = 要機密情報 = 重要性分類Ⅱ以上 (ruling R-11). */
  public boolean isImportant() {
    return important;
  }

  /** Personal information of any kind (002 §5(2)③: a privacy policy is needed). */
  public boolean isPersonal() {
    return this == PERSONAL || this == MY_NUMBER || this == SENSITIVE_PERSONAL;
  }
}
