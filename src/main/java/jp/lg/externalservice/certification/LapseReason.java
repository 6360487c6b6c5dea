package jp.lg.externalservice.certification;

/** What happened to a registered service's certification. */
public enum LapseReason {
  /** Its validity (有効期限) has passed. */
  EXPIRED("有効期限が過ぎました"),
  /** Its registration number is no longer on the latest imported service list. */
  DELISTED("最新の公表リストから登録が消えました");

  private final String label;

  LapseReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
