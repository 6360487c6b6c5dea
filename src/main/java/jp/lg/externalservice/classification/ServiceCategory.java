package jp.lg.externalservice.classification;

/** The categories of 004 §2(1), plus SNS publicity accounts (ruling R-10). */
public enum ServiceCategory implements Labelled {
  WEB_MAIL("Web メール"),
  ONLINE_STORAGE("オンラインストレージ"),
  WEB_CONFERENCE("Web 会議"),
  STREAMING("配信サービス"),
  SNS("SNS（広報用アカウント）"),
  SURVEY("オンラインアンケート"),
  GENERATIVE_AI("生成 AI"),
  MAP_SEARCH_TRANSLATE("地図・検索・翻訳サービス"),
  BUSINESS_APPLICATION("業務アプリケーション"),
  OTHER("その他");

  private final String label;

  ServiceCategory(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** Staff mail and storage services (004 §3 bullet 2, 004 §9(3) 選定 ※). */
  public boolean isMailOrStorage() {
    return this == WEB_MAIL || this == ONLINE_STORAGE;
  }
}
