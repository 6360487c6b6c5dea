package jp.lg.externalservice.classification;

/** One cell of the network-zone matrix (004 §3) for a requested connection zone. */
public enum ZoneVerdict implements Labelled {
  ALLOWED("〇（利用可）", null),
  FORBIDDEN("×（利用不可）", null),
  PRIOR_CONSULTATION("〇（情報政策課に要事前相談）", Condition.PRIOR_CONSULTATION),
  SPECIFIC_COMMUNICATION("〇（特定通信にする必要あり）", Condition.SPECIFIC_COMMUNICATION),
  CAREFUL_JUDGMENT("〇（要配慮個人情報は慎重に判断）", Condition.CAREFUL_JUDGMENT);

  private final String label;
  private final Condition condition;

  ZoneVerdict(String label, Condition condition) {
    this.label = label;
    this.condition = condition;
  }

  @Override
  public String label() {
    return label;
  }

  /** The condition this cell's note attaches to the outcome, or null. */
  public Condition condition() {
    return condition;
  }
}
