package jp.lg.externalservice.caselist;

import jp.lg.externalservice.caserecord.ActResult;

/** The words staff read for the result of an act. */
public final class ActResults {

  private ActResults() {}

  public static String label(ActResult result) {
    return switch (result) {
      case SUBMITTED -> "提出";
      case WITHDRAWN -> "取下げ";
      case ACKNOWLEDGED -> "確認";
      case FORWARDED -> "審査へ送付";
      case APPROVED -> "承認";
      case REJECTED -> "不承認";
      case RETURNED -> "差戻し";
      case NISC_ADVICE_REQUESTED -> "NISC に助言を依頼";
      case CONFIRMED -> "確認";
      case RECORDED -> "記録";
    };
  }
}
