package jp.lg.externalservice.classification;

/** The outcome of a classification, in the precedence order of rulings.md §2. */
public enum Outcome implements Labelled {
  SNS_PROCEDURE("SNS 登録手続（003 第7 5）"),
  FORBIDDEN("利用不可"),
  NO_APPLICATION("申請不要"),
  DISCOURAGED("原則不可（承認には正当な理由が必要）"),
  APPLICATION_REQUIRED("利用申請が必要");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The outcomes that continue into an application route (rulings.md §2, items 6 and 7). */
  public boolean hasRoute() {
    return this == DISCOURAGED || this == APPLICATION_REQUIRED;
  }
}
