package jp.lg.externalservice.caselist;

/**
 * Whose applications a caller may list: her own always; a 所属長 also those of his department; the
 * Information Policy Division (情報政策課) and administrators all.
 */
record CaseListScope(String userId, String departmentCode, boolean all) {

  static CaseListScope own(String userId) {
    return new CaseListScope(userId, null, false);
  }
}
