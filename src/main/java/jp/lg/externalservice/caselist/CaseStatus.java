package jp.lg.externalservice.caselist;

/** Where an application stands, in the words staff use (issue 14: 申請一覧). */
public enum CaseStatus {
  /** Opened with its case number, not filed yet: the applicant is still writing it. */
  DRAFT("下書き"),
  IN_PROGRESS("手続中"),
  /** Returned to the applicant for correction. */
  RETURNED("差戻し"),
  APPROVED("承認"),
  REJECTED("不承認"),
  /** The classification found that the use needs no application (004 §9(1)). */
  NOT_REQUIRED("申請不要"),
  /** The classification found that the use is not allowed (004 §3, rulings.md §2). */
  FORBIDDEN("利用不可"),
  WITHDRAWN("取下げ"),
  /** Approved, and its use has ended (or was replaced by a renewal). */
  TERMINATED("利用終了");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
