package jp.lg.externalservice.checklist;

/**
 * The 別表「外部サービス選定基準」 self-check for route IMPORTANT (004 §7(1), §9(2)). The ward's own table is
 * missing from the sources; ruling R-12 builds it from 003 第10 2(2)②–⑩ and 001 8.2(2), keeping the
 * numbers 004 §6 cites for the mandatory items (No.1, No.2, No.32, No.34). Provisional until the
 * original table is obtained.
 */
public enum SelectionCriterion implements ChecklistItem {
  NO_01(
      "no01",
      "No.1",
      Level.MANDATORY,
      "日本の法令が適用され、裁判管轄が日本の裁判所であること",
      "003 第10 2(2)②ア, 001 8.2(2)⑤"),
  NO_02(
      "no02", "No.2", Level.MANDATORY, "利用者のデータが国内で保存・処理され、国外に保存されないこと", "003 第10 2(2)②ア, 004 §6"),
  NO_03("no03", "No.3", Level.HIGH, "サービス中断時の復旧要件を基本契約又は SLA に定められること", "003 第10 2(2)②イ"),
  NO_04("no04", "No.4", Level.HIGH, "サービス終了・変更時の事前告知と情報資産の移行方法を基本契約に定められること", "003 第10 2(2)②ウ"),
  NO_05(
      "no05",
      "No.5",
      Level.MEDIUM,
      "稼働率・目標復旧時間・目標復旧ポイント・バックアップの保管方法を SLA に定められること",
      "003 第10 2(2)②エ"),
  NO_06("no06", "No.6", Level.HIGH, "事業者による情報の目的外利用が禁止されていること", "003 第10 2(2)②オ・③ア, 001 8.2(2)(ア)"),
  NO_07(
      "no07",
      "No.7",
      Level.MEDIUM,
      "事業者のセキュリティ対策と管理体制を公開資料や監査報告書で確認できること",
      "003 第10 2(2)②カ・③イ, 001 8.2(2)(イ)"),
  NO_08(
      "no08",
      "No.8",
      Level.MEDIUM,
      "事業者・従業員・再委託先等による意図しない変更を防ぐ管理体制があること",
      "003 第10 2(2)②キ・③ウ, 001 8.2(2)(ウ)"),
  NO_09(
      "no09",
      "No.9",
      Level.MEDIUM,
      "資本関係・役員、従事者の所属・専門性・実績・国籍、施設の場所が開示されること",
      "003 第10 2(2)③エ, 001 8.2(2)(エ)"),
  NO_10(
      "no10",
      "No.10",
      Level.HIGH,
      "インシデント発生時の責任分担と連絡方法を基本契約又は SLA に定められること",
      "003 第10 2(2)②ク・③オ, 001 8.2(2)(オ)"),
  NO_11(
      "no11",
      "No.11",
      Level.MEDIUM,
      "脅威への対策状況と契約の履行状況の確認方法を定められること",
      "003 第10 2(2)②ケ・③カ, 001 8.2(2)(カ)"),
  NO_12(
      "no12", "No.12", Level.MEDIUM, "対策の履行が不十分な場合の対処を定められること", "003 第10 2(2)②コ・③キ, 001 8.2(2)(キ)"),
  NO_13("no13", "No.13", Level.MEDIUM, "約款・設定の変更の確認方法と連絡方法を定められること", "003 第10 2(2)②サ"),
  NO_14("no14", "No.14", Level.MEDIUM, "サービスの中断・終了時に業務を円滑に移行できること", "003 第10 2(2)④, 001 8.2(2)③"),
  NO_15("no15", "No.15", Level.LOW, "セキュリティ監査の受入れとサービスレベルの保証があること", "003 第10 2(2)⑤, 001 8.2(2)④"),
  NO_16(
      "no16",
      "No.16",
      Level.MEDIUM,
      "再委託する場合、再委託先にも選定条件が保証され、区の承認を得ること",
      "003 第10 2(2)⑦, 001 8.2(2)⑥"),
  NO_17(
      "no17",
      "No.17",
      Level.MEDIUM,
      "ISO/IEC 27017 又は ISMAP 等、国際基準と同等以上のセキュリティ水準であること",
      "003 第10 2(2)⑧, 001 8.2(2)⑦"),
  NO_32("no32", "No.32", Level.MANDATORY, "共用の基盤で他の利用者とテナントが分離されていること", "004 §6, ruling R-12"),
  NO_34(
      "no34", "No.34", Level.MANDATORY, "共用の基盤で他の利用者への情報漏えいを防ぐ対策がとられていること", "004 §6, ruling R-12");

  /** 要否のレベル (004 §7(1)). */
  public enum Level {
    MANDATORY("必須"),
    HIGH("高"),
    MEDIUM("中"),
    LOW("低");

    private final String label;

    Level(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final String key;
  private final String number;
  private final Level level;
  private final String text;
  private final String source;

  SelectionCriterion(String key, String number, Level level, String text, String source) {
    this.key = key;
    this.number = number;
    this.level = level;
    this.text = text;
    this.source = source;
  }

  /** The field key inside the form's {@code selectionCriteria} group. */
  @Override
  public String key() {
    return key;
  }

  public String number() {
    return number;
  }

  public Level level() {
    return level;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public String source() {
    return source;
  }
}
