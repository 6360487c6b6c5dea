package jp.lg.externalservice.checklist;

import jp.lg.externalservice.classification.Labelled;

/** An answer to a check item: 可→○, 不可→×, 該当なし→／ (002 様式 legend, ruling R-14). */
public enum CheckAnswer implements Labelled {
  YES("○"),
  NO("×"),
  NOT_APPLICABLE("／");

  private final String label;

  CheckAnswer(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** ○, × or ／ for a stored answer; empty when unanswered or unknown. */
  public static String labelOf(String answer) {
    for (CheckAnswer value : values()) {
      if (value.name().equals(answer)) {
        return value.label;
      }
    }
    return "";
  }
}
