package jp.lg.externalservice.security;

/**
 * A department (所属) of the organisation. By convention its Camunda groups are {@code dept-<code>}
 * (type {@value #GROUP_TYPE}, all its members), {@code unit-head-<code>} (its 所属長, who is also its
 * 外部サービス管理者 and 情報セキュリティ責任者) and {@code security-officer-<code>} (its 利用責任者), ruling R-21.
 */
public record Department(String code, String name) {

  public static final String GROUP_TYPE = "department";
  public static final String GROUP_PREFIX = "dept-";

  public String groupId() {
    return GROUP_PREFIX + code;
  }

  public String unitHeadGroupId() {
    return "unit-head-" + code;
  }

  public String securityOfficerGroupId() {
    return "security-officer-" + code;
  }
}
