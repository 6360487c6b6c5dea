package jp.lg.externalservice.classification;

/** Conditions attached to an outcome (rulings ). */
public enum Condition implements Labelled {
  PRIOR_CONSULTATION("情報政策課への事前相談が必要"),
  SPECIFIC_COMMUNICATION("特定通信の構成確認が必要"),
  CAREFUL_JUDGMENT("要配慮個人情報の取扱いを慎重に判断"),
  GOVERNMENT_CLOUD_RULES("ガバメントクラウド特則（004 §15 ①–⑲）を導入時に確認");

  private final String label;

  Condition(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
