package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.FullProcessCoverage;
import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;
import jp.lg.externalservice.registry.EntryType;
import jp.lg.externalservice.registry.NewRegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.termination.TerminationProcess;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Operation of an approved service: introduction, every periodic duty by moving the engine clock,
 * the events, the stop of use and the end of operation; every flow of the operation diagram is
 * covered (asserted).
 */
@FullProcessCoverage(OperationProcess.KEY)
class OperationProcessTest extends EngineTest {

  @Autowired RegistryService registry;
  @Autowired CaseMessages messages;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** An approved entry of 区民課 in operation: the variables the approval hands over. */
  private ProcessInstance inOperation(
      String route, String kind, boolean paid, String information, boolean governmentCloud) {
    String entryId =
        registry.register(
            new NewRegistryEntry(
                EntryType.SERVICE,
                "運用 " + route,
                "提供会社",
                ServiceKind.valueOf(kind),
                ServiceCategory.BUSINESS_APPLICATION,
                "kumin",
                "区民課",
                Route.valueOf(route),
                Outcome.APPLICATION_REQUIRED,
                "利用申請が必要",
                "[]",
                governmentCloud ? "[\"GOVERNMENT_CLOUD_RULES\"]" : "[]",
                "tanaka",
                "田中 誠",
                "sato",
                "佐藤 花子",
                LocalDate.of(2027, 4, 1),
                LocalDate.of(2029, 3, 31),
                null),
            "kobayashi",
            "approval");
    Map<String, Object> variables =
        new HashMap<>(
            ApplicationAnswers.kintone()
                .service("運用 " + route, kind, "BUSINESS_APPLICATION")
                .paid(paid)
                .informationTypes(information)
                .variables());
    variables.put("registryEntryId", entryId);
    variables.put("departmentCode", "kumin");
    variables.put("departmentName", "区民課");
    variables.put("route", route);
    variables.put("serviceAdministrator", "tanaka");
    variables.put("governmentCloudRules", governmentCloud);
    messages.startOperation(entryId, variables);
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(OperationProcess.KEY)
        .processInstanceBusinessKey(entryId)
        .singleResult();
  }

  private static Object checklist(String prefix, int count) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 1; i <= count; i++) {
      json.append(i > 1 ? "," : "").append('"').append(prefix).append(i).append("\":\"YES\"");
    }
    return SpinValues.jsonValue(json.append('}').toString()).create();
  }

  private void advance(Duration duration, ProcessInstance instance) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    fireDueTimers(instance);
  }

  private void introduced(ProcessInstance instance) {
    // FREE and PAID services have no introduction checklist and no 様式5 at the start
    assertThat(instance).hasPassed(END_INTRODUCTION_COMPLETED);
  }

  @Test
  @DisplayName("重要情報・ガバメントクラウド: 導入時に様式4 と特則①–⑲、運用開始時に様式5 を記録する")
  void introductionForImportantGovernmentCloud() {
    ProcessInstance instance = inOperation("IMPORTANT", "GOVERNMENT_CLOUD", true, "PERSONAL", true);
    assertThat(task(instance, INTRODUCTION_CHECKLIST).getAssignee()).isEqualTo("sato");
    InputValidationException crossed =
        refused(
            () ->
                submitTask(
                    "sato",
                    task(instance, INTRODUCTION_CHECKLIST),
                    vars(
                        "checklist",
                        SpinValues.jsonValue(
                                "{\"i1\":\"NO\",\"i2\":\"YES\",\"i3\":\"YES\",\"i4\":\"YES\",\"i5\":\"YES\",\"i6\":\"YES\"}")
                            .create())));
    assertThat(crossed.getMessage()).contains("checklistNote");
    submitTask(
        "sato", task(instance, INTRODUCTION_CHECKLIST), vars("checklist", checklist("i", 6)));
    submitTask(
        "sato", task(instance, GOVERNMENT_CLOUD_CHECKLIST), vars("checklist", checklist("g", 19)));
    submitTask(
        "sato", task(instance, INITIAL_OPERATION_CHECKLIST), vars("checklist", checklist("o", 10)));
    assertThat(instance).hasPassed(END_INTRODUCTION_COMPLETED).isNotEnded();
  }

  @Test
  @DisplayName("毎月: バックアップ確認と利用者への確認。毎年: 様式7 と外部サービス管理者の利用状況確認。期限を過ぎると所属長へ")
  void periodicDuties() {
    ProcessInstance instance = inOperation("PAID", "CLOUD_INTERNET", true, "INTERNAL", false);
    introduced(instance);
    advance(Duration.ofDays(31), instance);
    assertThat(task(instance, CONFIRM_BACKUP)).isNotNull();
    assertThat(task(instance, CONFIRM_USAGE)).isNotNull();
    assertThat(task(instance, QUARTERLY_REVIEW)).as("the quarterly review is not due yet").isNull();
    InputValidationException noReason =
        refused(
            () -> submitTask("sato", task(instance, CONFIRM_BACKUP), vars("backupTaken", false)));
    assertThat(noReason.getMessage()).contains("backupNote");
    submitTask(
        "sato",
        task(instance, CONFIRM_BACKUP),
        vars("backupTaken", true, "backupNote", "共有フォルダに保管"));
    submitTask("sato", task(instance, CONFIRM_USAGE), vars("usageDiffers", false));

    // the next month's backup is overdue: the department's 所属長 is told, the duty stays open
    advance(Duration.ofDays(31), instance);
    advance(Duration.ofDays(15), instance);
    Task escalation = task(instance, ESCALATE_CONFIRM_BACKUP);
    assertThat(
            taskService
                .createTaskQuery()
                .taskId(escalation.getId())
                .taskCandidateGroup("unit-head-kumin")
                .count())
        .isEqualTo(1);
    complete(instance, ESCALATE_CONFIRM_BACKUP, "tanaka", vars());
    submitTask("sato", task(instance, CONFIRM_BACKUP), vars("backupTaken", true));
    complete(instance, ESCALATE_CONFIRM_USAGE, "tanaka", vars());
    submitTask("sato", task(instance, CONFIRM_USAGE), vars("usageDiffers", false));

    advance(Duration.ofDays(300), instance);
    submitTask("sato", task(instance, YEARLY_CHECKLIST), vars("checklist", checklist("o", 10)));
    InputValidationException inappropriate =
        refused(
            () ->
                submitTask(
                    "tanaka",
                    task(instance, USAGE_CHECK_BY_ADMINISTRATOR),
                    vars("usageAppropriate", false)));
    assertThat(inappropriate.getMessage()).contains("usageCheckNote");
    submitTask(
        "tanaka", task(instance, USAGE_CHECK_BY_ADMINISTRATOR), vars("usageAppropriate", true));
    assertThat(instance).hasPassed(END_YEARLY_CHECK_DONE).isNotEnded();
  }

  @Test
  @DisplayName("毎年の様式7 が期限を過ぎると所属長に確認タスクが届き、担当者の年次チェックは開いたまま残る")
  void yearlyChecklistOverdue() {
    ProcessInstance instance = inOperation("FREE", "CLOUD_INTERNET", false, "INTERNAL", false);
    advance(Duration.ofDays(366), instance);
    Task checklist = task(instance, YEARLY_CHECKLIST);
    assertThat(checklist.getAssignee()).isEqualTo("sato");
    assertThat(task(instance, ESCALATE_YEARLY_CHECKLIST)).as("not overdue yet").isNull();

    advance(Duration.ofDays(15), instance);
    Task escalation = task(instance, ESCALATE_YEARLY_CHECKLIST);
    assertThat(
            taskService
                .createTaskQuery()
                .taskId(escalation.getId())
                .taskCandidateGroup("unit-head-kumin")
                .count())
        .as("the department's 所属長 is told")
        .isEqualTo(1);
    assertThat(taskService.getVariable(escalation.getId(), CaseVariables.OVERDUE_STEP.name()))
        .isEqualTo("年次のセキュリティチェックを記録する");
    complete(instance, ESCALATE_YEARLY_CHECKLIST, "tanaka", vars());
    assertThat(instance).hasPassed(END_YEARLY_CHECKLIST_ESCALATED).isNotEnded();
    assertThat(task(instance, YEARLY_CHECKLIST).getId())
        .as("the duty stays open")
        .isEqualTo(checklist.getId());

    submitTask("sato", task(instance, YEARLY_CHECKLIST), vars("checklist", checklist("o", 10)));
    submitTask(
        "tanaka", task(instance, USAGE_CHECK_BY_ADMINISTRATOR), vars("usageAppropriate", true));
    assertThat(instance).hasPassed(END_YEARLY_CHECK_DONE).isNotEnded();
  }

  @Test
  @DisplayName("四半期の確認: 変更なし、変更ありで継続、期限超過、国外サーバの判明で利用停止→台帳は利用停止、終了手続が始まる")
  void quarterlyReviewAndOverseasData() {
    ProcessInstance instance = inOperation("FREE", "CLOUD_INTERNET", false, "INTERNAL", false);
    String entryId = instance.getBusinessKey();
    advance(Duration.ofDays(92), instance);
    submitTask("sato", task(instance, QUARTERLY_REVIEW), vars("reviewResult", "NO_CHANGE"));
    advance(Duration.ofDays(92), instance);
    advance(Duration.ofDays(15), instance);
    complete(instance, ESCALATE_QUARTERLY_REVIEW, "tanaka", vars());
    InputValidationException noNote =
        refused(
            () ->
                submitTask(
                    "sato", task(instance, QUARTERLY_REVIEW), vars("reviewResult", "CHANGED")));
    assertThat(noNote.getMessage()).contains("reviewNote");
    submitTask(
        "sato",
        task(instance, QUARTERLY_REVIEW),
        vars("reviewResult", "CHANGED", "reviewNote", "二要素認証が必須になった"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                complete(
                    instance,
                    DECIDE_CONTINUATION,
                    "sato",
                    vars("continuationDecision", "CONTINUE", "continuationReason", "影響なし")))
        .as("only the department's 利用責任者 decides")
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    complete(
        instance,
        DECIDE_CONTINUATION,
        "takahashi",
        vars("continuationDecision", "CONTINUE", "continuationReason", "影響なし"));

    advance(Duration.ofDays(92), instance);
    submitTask(
        "sato",
        task(instance, QUARTERLY_REVIEW),
        vars("reviewResult", "OVERSEAS_DATA", "reviewNote", "バックアップが海外リージョンに保存されていた"));
    assertThat(instance).isEnded().hasPassed(SUSPEND_SERVICE);
    assertThat(registry.find(entryId).orElseThrow().status()).isEqualTo(RegistryStatus.SUSPENDED);
    ProcessInstance termination =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseProcesses.TERMINATION)
            .processInstanceBusinessKey(entryId)
            .singleResult();
    Task fill = taskService.createTaskQuery().processInstanceId(termination.getId()).singleResult();
    assertThat(fill.getTaskDefinitionKey())
        .isEqualTo(TerminationProcess.Element.FILL_TERMINATION_REQUEST);
    assertThat(fill.getAssignee()).isEqualTo("sato");
    assertThat((String) runtimeService.getVariable(termination.getId(), "terminationReason"))
        .contains("海外リージョン");
  }

  @Test
  @DisplayName("利用内容の変更（R-16）: 同じルートなら継続、ルートが変われば情報政策課の確認と更改申請、利用不可なら停止")
  void reclassification() {
    ProcessInstance paid = inOperation("PAID", "CLOUD_INTERNET", true, "INTERNAL", false);
    advance(Duration.ofDays(31), paid);
    submitTask(
        "sato",
        task(paid, CONFIRM_USAGE),
        vars(
            "usageDiffers",
            true,
            "usageNote",
            "公開情報も扱う",
            "currentInformationTypes",
            SpinValues.jsonValue("[\"INTERNAL\",\"PUBLIC\"]").create()));
    assertThat(paid).hasPassed(END_SAME_ROUTE);
    advance(Duration.ofDays(31), paid);
    submitTask(
        "sato",
        task(paid, CONFIRM_USAGE),
        vars(
            "usageDiffers",
            true,
            "usageNote",
            "相談者の氏名を記録している",
            "currentInformationTypes",
            SpinValues.jsonValue("[\"PERSONAL\"]").create()));
    complete(paid, NOTIFY_RECLASSIFICATION, "yamamoto", vars());
    assertThat(task(paid, REQUEST_RENEWAL).getAssignee()).isEqualTo("sato");
    submitTask("sato", task(paid, REQUEST_RENEWAL), vars());
    assertThat(paid).hasPassed(END_RENEWAL_REQUESTED).isNotEnded();

    ProcessInstance free = inOperation("FREE", "CLOUD_INTERNET", false, "INTERNAL", false);
    advance(Duration.ofDays(31), free);
    InputValidationException noTypes =
        refused(() -> submitTask("sato", task(free, CONFIRM_USAGE), vars("usageDiffers", true)));
    assertThat(noTypes.getMessage()).contains("currentInformationTypes", "usageNote");
    submitTask(
        "sato",
        task(free, CONFIRM_USAGE),
        vars(
            "usageDiffers",
            true,
            "usageNote",
            "住民の氏名を入力している",
            "currentInformationTypes",
            SpinValues.jsonValue("[\"PERSONAL\"]").create()));
    assertThat(free).isEnded().hasPassed(END_RECLASSIFIED_FORBIDDEN, SUSPEND_SERVICE);
    assertThat(registry.find(free.getBusinessKey()).orElseThrow().status())
        .isEqualTo(RegistryStatus.SUSPENDED);
  }

  @Test
  @DisplayName("運用中の判断タスクも、サービス管理担当者本人とその所属長には割り当てられない（ruling R-15）")
  void operationTasksKeepFourEyes() {
    ProcessInstance instance = inOperation("PAID", "CLOUD_INTERNET", true, "INTERNAL", false);
    messages.toOperation(
        instance.getBusinessKey(),
        OperationProcess.MESSAGE_PROVIDER_TERMS_CHANGED,
        vars("eventDescription", "利用規約が改定された"));
    // the service manager sato and the 所属長 tanaka join the 利用責任者 group: only four-eyes can keep
    // them out
    java.util.List<String> joined = java.util.List.of("sato", "tanaka");
    joined.forEach(user -> identityService.createMembership(user, "security-officer-kumin"));
    try {
      for (String excluded : joined) {
        InputValidationException claim =
            refused(
                () ->
                    complete(
                        instance,
                        DECIDE_ON_TERMS_CHANGE,
                        excluded,
                        vars("continuationDecision", "CONTINUE", "continuationReason", "影響なし")));
        assertThat(claim.getErrors())
            .as(excluded)
            .extracting(error -> error.field())
            .containsExactly("assignee");
      }
    } finally {
      joined.forEach(user -> identityService.deleteMembership(user, "security-officer-kumin"));
    }
    complete(
        instance,
        DECIDE_ON_TERMS_CHANGE,
        "takahashi",
        vars("continuationDecision", "CONTINUE", "continuationReason", "影響なし"));
  }

  @Test
  @DisplayName("運用中の事象: 約款の変更（継続・停止）、他団体のインシデント（注意喚起）、国外サーバの判明（停止）、利用終了")
  void eventsDuringOperation() {
    ProcessInstance instance = inOperation("PAID", "CLOUD_INTERNET", true, "INTERNAL", false);
    String entryId = instance.getBusinessKey();
    assertThat(
            messages.toOperation(
                entryId,
                OperationProcess.MESSAGE_PROVIDER_TERMS_CHANGED,
                vars("eventDescription", "利用規約が改定された")))
        .isTrue();
    complete(
        instance,
        DECIDE_ON_TERMS_CHANGE,
        "takahashi",
        vars("continuationDecision", "CONTINUE", "continuationReason", "影響なし"));
    messages.toOperation(
        entryId, OperationProcess.MESSAGE_INCIDENT_ELSEWHERE, vars("eventDescription", "他区で情報漏えい"));
    InputValidationException noNote =
        refused(() -> complete(instance, ALERT_USERS, "takahashi", vars()));
    assertThat(noNote.getMessage()).contains("alertNote");
    complete(instance, ALERT_USERS, "takahashi", vars("alertNote", "全利用者にメールで周知"));
    messages.toOperation(
        entryId,
        OperationProcess.MESSAGE_PROVIDER_TERMS_CHANGED,
        vars("eventDescription", "データの二次利用を追加"));
    complete(
        instance,
        DECIDE_ON_TERMS_CHANGE,
        "takahashi",
        vars("continuationDecision", "STOP", "continuationReason", "二次利用は認められない"));
    assertThat(instance).isEnded();
    assertThat(registry.find(entryId).orElseThrow().status()).isEqualTo(RegistryStatus.SUSPENDED);

    ProcessInstance second = inOperation("PAID", "CLOUD_INTERNET", true, "INTERNAL", false);
    messages.toOperation(
        second.getBusinessKey(),
        OperationProcess.MESSAGE_OVERSEAS_DATA_FOUND,
        vars("eventDescription", "国外経由", "stopReason", "国外経由が判明"));
    assertThat(second).isEnded().hasPassed(END_OVERSEAS_DATA_STOP);

    ProcessInstance third = inOperation("FREE", "CLOUD_INTERNET", false, "INTERNAL", false);
    advance(Duration.ofDays(92), third);
    submitTask(
        "sato",
        task(third, QUARTERLY_REVIEW),
        vars("reviewResult", "CHANGED", "reviewNote", "無料枠が廃止"));
    complete(
        third,
        DECIDE_CONTINUATION,
        "takahashi",
        vars("continuationDecision", "STOP", "continuationReason", "有料化のため"));
    assertThat(third).isEnded().hasPassed(END_QUARTERLY_USE_STOPPED);

    ProcessInstance fourth = inOperation("FREE", "CLOUD_INTERNET", false, "INTERNAL", false);
    assertThat(
            messages.toOperation(
                fourth.getBusinessKey(), CaseProcesses.MESSAGE_OPERATION_CLOSED, vars()))
        .isTrue();
    assertThat(fourth).isEnded().hasPassed(END_OPERATION_ENDED);
    assertThat(
            messages.toOperation(
                fourth.getBusinessKey(), CaseProcesses.MESSAGE_OPERATION_CLOSED, vars()))
        .isFalse();
  }
}
