package jp.lg.externalservice.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders (issue 15, part 1): a task whose due date is within {@code
 * external-service.notifications.due-soon-days} (default 3) days, and a task past its due date, to
 * whoever holds it (the assignee, or each member of its groups). The person it escalates to is told
 * by the escalation task itself ({@link TaskNotifications}). Every node scans; each reminder has a
 * dedup key (kind, task, due day, recipient) that the outbox holds UNIQUE, so it is written once
 * however often and on however many nodes the scan runs. Each task is written in its own
 * transaction: a collision with another node rolls back that task's reminders only.
 */
@Component
public class ReminderScan {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderScan.class);
  private static final int PAGE = 200;

  private final TaskService taskService;
  private final Notifications notifications;
  private final Privileged privileged;
  private final TransactionTemplate transaction;
  private final Duration dueSoon;

  ReminderScan(
      TaskService taskService,
      Notifications notifications,
      Privileged privileged,
      PlatformTransactionManager transactionManager,
      @Value("${external-service.notifications.due-soon-days:3}") int dueSoonDays) {
    this.taskService = taskService;
    this.notifications = notifications;
    this.privileged = privileged;
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.dueSoon = Duration.ofDays(dueSoonDays);
  }

  @Scheduled(
      fixedDelayString = "${external-service.notifications.scan-interval:PT15M}",
      initialDelayString = "${external-service.notifications.scan-initial-delay:PT1M}")
  public void scheduled() {
    try {
      scan();
    } catch (RuntimeException e) {
      LOG.warn("reminder scan failed; it runs again at the next interval", e);
    }
  }

  /** Writes the reminders due now; returns how many mails were written. */
  public int scan() {
    Instant now = JapanClock.now();
    Date horizon = Date.from(now.plus(dueSoon));
    int written = 0;
    for (int first = 0; ; first += PAGE) {
      int from = first;
      List<Task> tasks =
          privileged.call(
              () ->
                  taskService
                      .createTaskQuery()
                      .active()
                      .dueBefore(horizon)
                      .orderByDueDate()
                      .asc()
                      .orderByTaskId()
                      .asc()
                      .listPage(from, PAGE));
      for (Task task : tasks) {
        written += remind(task, now);
      }
      if (tasks.size() < PAGE) {
        return written;
      }
    }
  }

  private int remind(Task task, Instant now) {
    Instant due = task.getDueDate().toInstant();
    boolean overdue = !due.isAfter(now);
    NotificationKind kind = overdue ? NotificationKind.OVERDUE : NotificationKind.DUE_SOON;
    Map<String, Object> variables =
        privileged.call(
            () ->
                taskService.getVariables(
                    task.getId(),
                    List.of(CaseVariables.CASE_NUMBER.name(), CaseVariables.SERVICE_NAME.name())));
    String serviceName = (String) variables.get(CaseVariables.SERVICE_NAME.name());
    String step = TaskNotifications.plainName(task.getName(), serviceName);
    String dueDay = MailText.date(due);
    Notice notice =
        new Notice(
            kind,
            (overdue ? "期限を過ぎています：" : "期限が近づいています：") + step,
            overdue
                ? "「" + step + "」の期限（" + dueDay + "）を過ぎています。\nタスク一覧で至急処理してください。"
                : "「" + step + "」の期限は" + dueDay + "です。\nタスク一覧で期限までに処理してください。",
            (String) variables.get(CaseVariables.CASE_NUMBER.name()),
            serviceName,
            due,
            Notice.taskLink(task.getId()),
            kind.name() + ":" + task.getId() + ":" + JapanClock.dayOf(due));
    try {
      Integer count = transaction.execute(status -> toHolders(task, notice));
      return count == null ? 0 : count;
    } catch (DuplicateKeyException writtenByAnotherNode) {
      return 0;
    }
  }

  private int toHolders(Task task, Notice notice) {
    // a reminder is nobody's own doing: nobody is left out as its cause
    if (task.getAssignee() != null) {
      return notifications.notifyUser(task.getAssignee(), null, notice);
    }
    int written = 0;
    for (IdentityLink link :
        privileged.call(() -> taskService.getIdentityLinksForTask(task.getId()))) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        written +=
            link.getGroupId() != null
                ? notifications.notifyGroup(link.getGroupId(), null, notice)
                : notifications.notifyUser(link.getUserId(), null, notice);
      }
    }
    return written;
  }
}
