package jp.lg.externalservice.checklist;

import jp.lg.externalservice.classification.Labelled;

/** The four items of the 終了確認書 (002 §7(2), form items 1–4). */
public enum TerminationItem implements Labelled, ChecklistItem {
  T1("t1", "利用していたデータは確実に消去されているか"),
  T2("t2", "廃棄証明を受け取っているか"),
  T3("t3", "利用者に対し、サービス終了が伝わっているか"),
  T4("t4", "事業者の従事者の守秘義務、目的外でのデータ利用の禁止等を再度、事業者に確認しているか");

  private final String key;
  private final String label;

  TerminationItem(String key, String label) {
    this.key = key;
    this.label = label;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String text() {
    return label;
  }

  /** 002 §7(2), items 1–4 of the 終了確認書. */
  @Override
  public String source() {
    return "002 §7(2)";
  }

  @Override
  public String label() {
    return label;
  }
}
