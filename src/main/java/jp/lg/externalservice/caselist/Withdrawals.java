package jp.lg.externalservice.caselist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.externalservice.application.ApplicationDrafts;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.notification.Notice;
import jp.lg.externalservice.notification.NotificationKind;
import jp.lg.externalservice.notification.Notifications;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.AccessDeniedException;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonInput;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdrawal (取下げ, 引き戻し) and copy of an application (issue 16, item 4).
 *
 * <ul>
 *   <li>{@link #withdraw}: the applicant or the 所属長 of the case's department ({@link
 *       WithdrawalRule}), before the decision, with a reason. One transaction: the act in the case
 *       record (result {@code WITHDRAWN}, the reason as its answer), the message that starts the
 *       interrupting {@code SubProcess_Withdrawal} (every open task of the case ends, those of the
 *       called review too), sent as the system since staff may not send messages over the engine
 *       API, and a mail to everyone whose task disappeared. A completion committed at the same time
 *       wins or loses by the engine's optimistic locking; the loser changes nothing.
 *   <li>{@link #copy}: the applicant of a withdrawn application starts a new one through the normal
 *       start (so {@code ApplicationStart} writes the facts) and gets the old application form's
 *       answers as the draft of her new {@code Task_FillInApplication} ({@link ApplicationDrafts},
 *       with its checks). Attachments are not copied.
 * </ul>
 */
@Service
public class Withdrawals {

  /** The request's field: why the application is withdrawn. */
  static final String REASON = "reason";

  private final CaseList caseList;
  private final WithdrawalRule rule;
  private final CaseRecords caseRecords;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ApplicationDrafts drafts;
  private final Notifications notifications;
  private final DepartmentDirectory directory;
  private final Privileged privileged;

  Withdrawals(
      CaseList caseList,
      WithdrawalRule rule,
      CaseRecords caseRecords,
      RuntimeService runtimeService,
      TaskService taskService,
      HistoryService historyService,
      FormService formService,
      RepositoryService repositoryService,
      IdentityService identityService,
      ApplicationDrafts drafts,
      Notifications notifications,
      DepartmentDirectory directory,
      Privileged privileged) {
    this.caseList = caseList;
    this.rule = rule;
    this.caseRecords = caseRecords;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.drafts = drafts;
    this.notifications = notifications;
    this.directory = directory;
    this.privileged = privileged;
  }

  /** The case may not be withdrawn or copied now (409). */
  public static class Conflict extends RuntimeException {
    private final String messageJa;
    private final String messageEn;

    Conflict(String messageJa, String messageEn) {
      super(messageEn);
      this.messageJa = messageJa;
      this.messageEn = messageEn;
    }

    public String messageJa() {
      return messageJa;
    }

    public String messageEn() {
      return messageEn;
    }
  }

  /**
   * What a withdrawal did: the case's row in 申請一覧 and the tasks that ended with it (Tasklist drops
   * its browser copies of their forms).
   */
  public record Withdrawn(ApplicationSummary application, List<String> closedTaskIds) {}

  /** What a copy started: the new case and its application form to open in Tasklist. */
  public record Copied(String caseNumber, String taskId) {}

  @Transactional
  public Withdrawn withdraw(String caseNumber, JsonNode body) {
    CaseRecord record = caseList.visibleRecord(caseNumber).orElseThrow(CaseListNotFound::new);
    String caller = caller();
    String role =
        rule.roleOf(record, caller)
            .orElseThrow(
                () ->
                    new AccessDeniedException(
                        "申請を取り下げられるのは、申請者とその所属長だけです",
                        "only the applicant and her unit head may withdraw the application"));
    InputReader reader =
        new InputReader(
            body == null || !body.isObject() ? JsonInput.fromVariables(Map.of()) : body);
    String reason = reader.requiredText(REASON, InputReader.MAX_TEXT);
    reader.throwIfInvalid();
    CaseStatus status = caseList.summary(record).status();
    if (!WithdrawalRule.beforeTheDecision(status) || rule.decided(record)) {
      throw new Conflict(
          "この申請は取り下げられません（状態：" + status.label() + "）。取り下げられるのは、可否の決定前の申請だけです",
          "the application can no longer be withdrawn (" + status + "): only before the decision");
    }
    List<Holder> holders = privileged.call(() -> holders(record));
    caseRecords.actOnRequest(
        record.caseId(),
        ApplicationProcess.Element.WITHDRAWAL,
        role,
        ActResult.WITHDRAWN,
        Map.of(ApplicationProcess.Variables.WITHDRAWAL_REASON.name(), reason));
    try {
      privileged.run(
          () ->
              runtimeService
                  .createMessageCorrelation(ApplicationProcess.MESSAGE_WITHDRAWN)
                  .processInstanceId(record.caseId())
                  .setVariable(ApplicationProcess.Variables.WITHDRAWAL_REASON.name(), reason)
                  .correlateWithResult());
    } catch (MismatchingMessageCorrelationException olderVersion) {
      // an instance of a diagram version without the withdrawal: migrate it first
      // (/api/admin/migrations)
      throw new Conflict(
          "この申請は取下げに対応していない版の手続で進んでいるため、取り下げられません。管理者に手続の版の移行を依頼してください",
          "the application runs on a diagram version without withdrawal; an administrator must migrate it");
    }
    tell(record, holders, reason, role);
    return new Withdrawn(caseList.summary(record), holders.stream().map(Holder::taskId).toList());
  }

  /** Who holds an open task: its assignee, else the groups it is offered to. */
  private record Holder(String taskId, String assignee, List<String> groupIds) {}

  /** Who holds the open tasks of the case, its called review's included (same business key). */
  private List<Holder> holders(CaseRecord record) {
    List<Holder> holders = new ArrayList<>();
    for (Task task :
        taskService.createTaskQuery().processInstanceBusinessKey(record.caseNumber()).list()) {
      ProcessInstance instance =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceId(task.getProcessInstanceId())
              .singleResult();
      if (instance == null || !record.caseId().equals(instance.getRootProcessInstanceId())) {
        continue;
      }
      List<String> groups = new ArrayList<>();
      if (task.getAssignee() == null) {
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
            groups.add(link.getGroupId());
          }
        }
      }
      holders.add(new Holder(task.getId(), task.getAssignee(), groups));
    }
    return holders;
  }

  /**
   * Mails whoever held a task that disappeared (the assignee, else the members of the task's
   * groups), and the applicant when her 所属長 withdrew; never the one who withdrew ({@link
   * Notifications}), and nobody twice.
   */
  private void tell(CaseRecord record, List<Holder> holders, String reason, String role) {
    String by = caseRecords.signedInUser().map(directory::displayName).orElse("—");
    String text =
        "「"
            + record.serviceName()
            + "」の申請（申請者："
            + record.applicant().name()
            + "）は取り下げられました。\n取り下げた人："
            + by
            + "\n理由："
            + reason
            + "\n\nこの申請のタスクはなくなりました。対応は不要です。";
    Notice notice =
        new Notice(
            NotificationKind.WITHDRAWN,
            "申請の取下げ",
            text,
            record.caseNumber(),
            record.serviceName(),
            null,
            Notice.caseLink(record.caseNumber()),
            null);
    String caller = notifications.currentUser();
    Set<String> told = new HashSet<>();
    if (caller != null) {
      told.add(caller);
    }
    for (Holder holder : holders) {
      if (holder.assignee() != null && told.add(holder.assignee())) {
        notifications.notifyUser(holder.assignee(), notice);
      }
      holder.groupIds().forEach(group -> notifications.notifyGroup(group, caller, notice, told));
    }
    if (!CaseAct.APPLICANT.equals(role) && told.add(record.applicant().userId())) {
      notifications.notifyUser(record.applicant().userId(), notice);
    }
  }

  @Transactional
  public Copied copy(String caseNumber) {
    CaseRecord old = caseList.visibleRecord(caseNumber).orElseThrow(CaseListNotFound::new);
    String caller = caller();
    if (!old.applicant().userId().equals(caller)) {
      throw new AccessDeniedException(
          "申請を複製できるのは、その申請の申請者だけです", "only the applicant may copy her application");
    }
    CaseStatus status = caseList.summary(old).status();
    if (status != CaseStatus.WITHDRAWN) {
      throw new Conflict(
          "複製できるのは取り下げた申請だけです（状態：" + status.label() + "）",
          "only a withdrawn application can be copied (" + status + ")");
    }
    String definitionId =
        privileged.call(
            () ->
                repositoryService
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(ApplicationProcess.KEY)
                    .latestVersion()
                    .singleResult()
                    .getId());
    // the normal start, as the caller: ApplicationStart opens the record with the signed-in user
    ProcessInstance started =
        formService.submitStartForm(
            definitionId, Map.of(CaseVariables.SERVICE_NAME.name(), old.serviceName()));
    String taskId =
        privileged.call(
            () ->
                taskService
                    .createTaskQuery()
                    .processInstanceId(started.getId())
                    .taskDefinitionKey(ApplicationProcess.Element.FILL_IN_APPLICATION)
                    .singleResult()
                    .getId());
    Set<String> fields = drafts.fieldNames(taskId);
    ObjectNode answers = JsonNodeFactory.instance.objectNode();
    for (HistoricVariableInstance variable :
        privileged.call(
            () ->
                historyService
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(old.caseId())
                    .variableNameIn(fields.toArray(String[]::new))
                    .list())) {
      // the instance's own variables: a task-local copy (shown, the task cards' columns) is no
      // answer
      if (variable.getValue() != null
          && variable.getTaskId() == null
          && old.caseId().equals(variable.getExecutionId())
          && fields.contains(variable.getName())) {
        answers.set(variable.getName(), JsonInput.toJson(variable.getValue()));
      }
    }
    if (!answers.isEmpty()) {
      drafts.save(taskId, answers);
    }
    String number =
        privileged.call(
            () ->
                historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(started.getId())
                    .singleResult()
                    .getBusinessKey());
    return new Copied(number, taskId);
  }

  private String caller() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new IllegalStateException("no signed-in user");
    }
    return authentication.getUserId();
  }

  /** Unknown, or not the caller's to see: the answer of every 申請一覧 endpoint (404). */
  static class CaseListNotFound extends RuntimeException {
    CaseListNotFound() {
      super("no such application");
    }
  }
}
