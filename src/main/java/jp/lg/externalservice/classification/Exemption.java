package jp.lg.externalservice.classification;

/** The exemption categories of the 004 §9(1) table (E1–E12). */
public enum Exemption implements Labelled {
  NONE(null, "該当なし"),
  TELECOM("E1", "電気通信サービス（回線サービス）"),
  POSTAL_TRANSPORT("E2", "郵便、運送サービス"),
  FINANCIAL("E3", "金融機関が提供するサービス"),
  PUBLIC_BODY_REQUESTED("E4", "国等の公的機関により利用が求められているサービス"),
  CONTRACTOR_INTRODUCED("E5", "委託事業者等が特記事項を遵守して導入するサービス"),
  LOGO_FORM("E6", "LoGo フォーム（情報政策課が全庁導入）"),
  LOGO_CHAT("E7", "LoGo チャット（情報政策課が全庁導入）"),
  MICROSOFT_365("E8", "Microsoft 365（情報政策課が全庁導入）"),
  FREE_MAP_SEARCH_TRANSLATE("E9", "無料の地図、検索、翻訳サービス"),
  FREE_INFORMATION_GATHERING("E10", "職務に必要な情報を収集するための無料のサービス"),
  DOWNLOAD_ONLY("E11", "ダウンロードのみが可能なサービス"),
  REQUIRED_FOR_TRAINING("E12", "研修やセミナーの受講に必要なサービス");

  private final String code;
  private final String label;

  Exemption(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** E1–E12 as the spec and the reasons cite them; null for NONE. */
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }

  /** Ward-wide services contracted by 情報政策課: they count as paid (ruling R-6). */
  public boolean isContractedByInformationPolicyDivision() {
    return this == LOGO_FORM || this == LOGO_CHAT || this == MICROSOFT_365;
  }
}
