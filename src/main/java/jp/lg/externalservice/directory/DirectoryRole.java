package jp.lg.externalservice.directory;

import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.StaffGroups;

/** The roles a directory group gives (ruling R-21), and the engine group each one is. */
public enum DirectoryRole {
  /** 所属長 (also 外部サービス管理者) of a department. */
  UNIT_HEAD,
  /** 利用責任者 of a department. */
  SECURITY_OFFICER,
  /** 情報政策課 審査担当. */
  POLICY_REVIEWER,
  /** The head of 情報政策課: 許可権限者, the decider. */
  POLICY_HEAD,
  /** 情報化企画. */
  IT_PLANNING,
  /** Camunda administrators. */
  ADMIN;

  static final String ADMIN_GROUP = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  /** The engine group of this role in {@code department} (ignored by the ward-wide roles). */
  String groupId(Department department) {
    return switch (this) {
      case UNIT_HEAD -> department.unitHeadGroupId();
      case SECURITY_OFFICER -> department.securityOfficerGroupId();
      case POLICY_REVIEWER -> StaffGroups.POLICY_REVIEWER;
      case POLICY_HEAD -> StaffGroups.POLICY_HEAD;
      case IT_PLANNING -> StaffGroups.IT_PLANNING;
      case ADMIN -> ADMIN_GROUP;
    };
  }

  boolean perDepartment() {
    return this == UNIT_HEAD || this == SECURITY_OFFICER;
  }
}
