package jp.lg.externalservice.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One notification before it is addressed: what happened and what to do, in Japanese.
 *
 * @param kind what it is about (the recipient's preference is per kind)
 * @param subject the mail's subject, without the case number (added by {@link MailText})
 * @param whatToDo one or a few sentences: what happened and what the recipient should do
 * @param caseNumber 受付番号, or null (an operation duty has the registry entry instead)
 * @param serviceName the service, or null
 * @param due the due date of the task, or null
 * @param link the path after {@code external-service.base-url} (a Tasklist URL), or null
 * @param dedupKey for a reminder of the periodic scan: the same key is written once; null for
 *     events
 */
public record Notice(
    NotificationKind kind,
    String subject,
    String whatToDo,
    String caseNumber,
    String serviceName,
    Instant due,
    String link,
    String dedupKey) {

  /** The Tasklist URL of a task (relative to {@code external-service.base-url}). */
  public static String taskLink(String taskId) {
    return "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** Tasklist's start page. */
  public static final String TASKLIST = "/camunda/app/tasklist/default/";

  /** Tasklist opening 申請一覧 on the record of the case (custom/applications.js reads it). */
  public static String caseLink(String caseNumber) {
    return TASKLIST + "#/?case=" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8);
  }

  /** The same notice with a dedup key (each recipient needs their own). */
  Notice withDedupKey(String key) {
    return new Notice(kind, subject, whatToDo, caseNumber, serviceName, due, link, key);
  }
}
