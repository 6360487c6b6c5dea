package jp.lg.externalservice.security;

/**
 * The ward-wide groups of the workflow (002 §3, rulings ). Department groups (利用責任者, 所属長)
 * are named per department by {@link Department}.
 */
public final class StaffGroups {

  /** Every member of staff: may apply. */
  public static final String STAFF = "staff";

  /** 情報政策課 staff: reviews, and follows every case in Cockpit. */
  public static final String POLICY_REVIEWER = "policy-reviewer";

  /** The head of 情報政策課: decides. */
  public static final String POLICY_HEAD = "policy-head";

  /** 情報化企画 (004 §9(2)). */
  public static final String IT_PLANNING = "it-planning";

  private StaffGroups() {}
}
