package jp.lg.externalservice.notification;

import java.util.Optional;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.security.UnitHeads;
import jp.lg.externalservice.system.DueDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the applicant (and for an approval the department's 所属長) is told when a case is decided, and
 * who is told of a stop of use. Called in one line from the completions that decide ({@code
 * DoubleCheckCompletion}, {@code ReviewCompletion}, {@code DecisionCompletion}) and from {@code
 * StopOfUseStart}, inside their transaction.
 */
@Component
public class CaseNotices {

  private final Notifications notifications;
  private final CaseRecords caseRecords;
  private final UnitHeads unitHeads;
  private final DueDates dueDates;

  CaseNotices(
      Notifications notifications,
      CaseRecords caseRecords,
      UnitHeads unitHeads,
      DueDates dueDates) {
    this.notifications = notifications;
    this.caseRecords = caseRecords;
    this.unitHeads = unitHeads;
    this.dueDates = dueDates;
  }

  /**
   * After {@code Decisions.returned/rejected/approved}: tells the applicant of a return (差戻し), a
   * rejection or an approval, and the 所属長 of an approval (he becomes the 外部サービス管理者, 004 §2(3)).
   * Nothing when no decision was recorded (a forwarded double check).
   */
  public void decided(DelegateExecution execution) {
    CaseVariables.Decision decision = CaseVariables.DECISION.get(execution);
    Optional<CaseRecord> found = caseRecords.find(CaseRecords.caseIdOf(execution));
    if (decision == null || found.isEmpty()) {
      return;
    }
    CaseRecord record = found.get();
    String applicant = record.applicant().userId();
    String service = "「" + record.serviceName() + "」";
    switch (decision) {
      case RETURNED ->
          notifications.notifyUser(
              applicant,
              notice(
                  record,
                  NotificationKind.RETURNED,
                  "申請が差し戻されました",
                  service
                      + "の申請が差し戻されました。\n"
                      + "差し戻した人："
                      + orDash(CaseVariables.RETURNED_BY.get(execution))
                      + "\n理由："
                      + orDash(CaseVariables.RETURN_COMMENT.get(execution))
                      + "\n\nタスク一覧の「差し戻された申請を修正する」で申請を修正し、期限までにもう一度提出してください。",
                  dueDates.applicantTask().toInstant()));
      case REJECTED ->
          notifications.notifyUser(
              applicant,
              notice(
                  record,
                  NotificationKind.REJECTED,
                  "申請は承認されませんでした",
                  service
                      + "の利用は承認されませんでした。\n理由："
                      + orDash(CaseVariables.DECISION_REASON.get(execution))
                      + "\n\nこのサービスは利用できません。タスク一覧で不承認の通知を確認してください。",
                  null));
      case APPROVED -> {
        notifications.notifyUser(
            applicant,
            notice(
                record,
                NotificationKind.APPROVED,
                "申請が承認されました",
                service
                    + "の利用が承認され、承認済み外部サービスの台帳に登録されました。\n"
                    + "サービス管理担当者は、タスク一覧で約款によるリスクの確認（契約する場合は契約締結日の記録）を行ってください。",
                null));
        unitHeads
            .of(record.department().code())
            .ifPresent(
                head ->
                    notifications.notifyUser(
                        head.getId(),
                        notice(
                            record,
                            NotificationKind.APPROVED,
                            "所属の申請が承認されました",
                            record.department().name()
                                + "の"
                                + service
                                + "の利用が承認されました（申請者："
                                + record.applicant().name()
                                + "）。\n所属長として、このサービスの外部サービス管理者になります（004 §2(3)）。"
                                + "運用中の定期確認が遅れた場合はお知らせします。",
                            null)));
      }
    }
  }

  /**
   * A stop of use started the termination ({@code StartEvent_TerminationRequired}): the service
   * manager files the 終了確認書, and the department's 所属長 is told.
   */
  public void useStopped(DelegateExecution execution) {
    Optional<CaseRecord> found = caseRecords.find(CaseRecords.caseIdOf(execution));
    if (found.isEmpty()) {
      return;
    }
    CaseRecord record = found.get();
    String reason = orDash(CaseVariables.TERMINATION_REASON.get(execution));
    String text =
        "「"
            + record.serviceName()
            + "」の利用が停止されました。\n理由："
            + reason
            + "\n\nサービス管理担当者は、タスク一覧の「終了確認書を作成する」で利用終了の手続を進めてください。";
    Notice notice =
        notice(
            record,
            NotificationKind.USE_STOPPED,
            "サービスの利用が停止されました",
            text,
            dueDates.applicantTask().toInstant());
    notifications.notifyUser(record.serviceManager(), notice);
    unitHeads
        .of(record.department().code())
        .ifPresent(head -> notifications.notifyUser(head.getId(), notice));
  }

  private static Notice notice(
      CaseRecord record,
      NotificationKind kind,
      String subject,
      String whatToDo,
      java.time.Instant due) {
    return new Notice(
        kind,
        subject,
        whatToDo,
        record.caseNumber(),
        record.serviceName(),
        due,
        record.caseNumber() == null ? Notice.TASKLIST : Notice.caseLink(record.caseNumber()),
        null);
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }
}
