package jp.lg.externalservice.caselist;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.system.InputReader;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Withdrawal (取下げ) and copy over real HTTP with the real engine (issue 16, item 4): at each stage
 * (draft, waiting for the double check, the review by 情報政策課, the review with 情報化企画 in parallel)
 * every task of the case disappears, the called review ends, 申請一覧 says 取下げ with the reason and who
 * withdrew, the act is in the record and the audit record; who may, until when; and the copy into a
 * new draft.
 */
class WithdrawalApiTest extends WebTest {

  @Autowired private RuntimeService runtimeService;
  @Autowired private TaskService taskService;
  @Autowired private HistoryService historyService;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private PlatformTransactionManager transactions;
  @Autowired private org.camunda.bpm.engine.IdentityService identityService;
  @Autowired private org.camunda.bpm.engine.FormService formService;

  /** Who completes each step on the way, with which answers. */
  private static final Map<String, Object[]> STEPS =
      Map.of(
          ApplicationProcess.Element.ACCEPT_RISKS,
              new Object[] {
                "sato", TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS)
              },
          ApplicationProcess.Element.SELF_CHECK_MEASURES,
              new Object[] {"sato", TaskAnswers.measuresAllMet()},
          CaseSteps.DOUBLE_CHECK,
              new Object[] {"takahashi", TaskAnswers.doubleCheck("FORWARD", null)},
          CaseSteps.REVIEW, new Object[] {"yamamoto", TaskAnswers.review("APPROVE", null)},
          ReviewProcess.Element.REVIEW_IT_PLANNING,
              new Object[] {"kimura", Map.of("itPlanningDecision", "APPROVED")});

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("DELETE FROM notification_outbox");
  }

  private String caseNumber(String instance) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processInstanceId(instance)
        .singleResult()
        .getBusinessKey();
  }

  /** The instance and the review (or other) instances it called, at any depth. */
  private List<String> treeOf(String instance) {
    List<String> ids = new ArrayList<>(List.of(instance));
    for (int i = 0; i < ids.size(); i++) {
      historyService
          .createHistoricProcessInstanceQuery()
          .superProcessInstanceId(ids.get(i))
          .list()
          .forEach(sub -> ids.add(sub.getId()));
    }
    return ids;
  }

  private List<String> openTaskKeys(String instance) {
    return taskService
        .createTaskQuery()
        .processInstanceIdIn(treeOf(instance).toArray(String[]::new))
        .list()
        .stream()
        .map(task -> task.getTaskDefinitionKey())
        .sorted()
        .toList();
  }

  /**
   * Completes the case's tasks as their people would, until every one of {@code stopAt} is open.
   */
  private void walk(String instance, String... stopAt) {
    for (int round = 0; round < 20; round++) {
      runAsyncContinuations();
      List<String> open = openTaskKeys(instance);
      if (open.containsAll(List.of(stopAt))) {
        return;
      }
      var task =
          taskService
              .createTaskQuery()
              .processInstanceIdIn(treeOf(instance).toArray(String[]::new))
              .list()
              .stream()
              .filter(t -> !List.of(stopAt).contains(t.getTaskDefinitionKey()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("nothing to do in " + open));
      Object[] step = STEPS.get(task.getTaskDefinitionKey());
      assertThat(step).as("the walk does not expect " + task.getTaskDefinitionKey()).isNotNull();
      @SuppressWarnings("unchecked")
      Answer done =
          postJson(
              "/engine-rest/task/" + task.getId() + "/submit-form",
              (String) step[0],
              formVariables((Map<String, Object>) step[1]));
      assertThat(done.status()).as(task.getTaskDefinitionKey() + ": " + done.text()).isEqualTo(204);
    }
    throw new AssertionError("never reached " + List.of(stopAt));
  }

  private Answer withdraw(String caseNumber, String user, String reason) {
    return postJson(
        "/api/applications/" + caseNumber + "/withdrawal",
        user,
        reason == null ? Map.of() : Map.of("reason", reason));
  }

  private static JsonNode row(Answer list, String caseNumber) {
    for (JsonNode row : list.body()) {
      if (row.get("caseNumber").asText().equals(caseNumber)) {
        return row;
      }
    }
    throw new AssertionError("no row " + caseNumber + " in " + list.text());
  }

  /**
   * What every withdrawal leaves: no task anywhere in the case, every instance ended, 取下げ with the
   * reason and who in 申請一覧 and the record, the act in the record's history and the audit record.
   */
  private void assertWithdrawn(
      String instance, String by, String byName, String role, String reason) {
    String number = caseNumber(instance);
    assertThat(openTaskKeys(instance)).as("every task of the case is gone").isEmpty();
    for (String id : treeOf(instance)) {
      HistoricProcessInstance ended =
          historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
      assertThat(ended.getEndTime()).as("instance " + id + " ended").isNotNull();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isZero();

    JsonNode row = row(get("/api/applications", "sato"), number);
    assertThat(row.get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(row.get("statusLabel").asText()).isEqualTo("取下げ");
    assertThat(row.get("outcome").asText()).isEqualTo("取下げ");
    assertThat(row.get("outcomeReason").asText()).isEqualTo(reason);
    assertThat(row.get("withdrawnBy").asText()).isEqualTo(byName);
    assertThat(row.get("canWithdraw").asBoolean()).isFalse();
    assertThat(row.get("canCopy").asBoolean()).isTrue();

    Answer record = get("/api/applications/" + number, "sato");
    assertThat(record.status()).isEqualTo(200);
    JsonNode last = record.body().get("history").get(record.body().get("history").size() - 1);
    assertThat(last.get("step").asText()).isEqualTo("申請の取下げ（申請者・所属長、決定前）");
    assertThat(last.get("actor").asText()).isEqualTo(byName);
    assertThat(last.get("result").asText()).isEqualTo("取下げ");
    assertThat(record.text()).contains("取り下げた人", reason);

    Answer audit = get("/api/applications/" + number + "/audit", "yamamoto");
    assertThat(audit.status()).as(audit.text()).isEqualTo(200);
    JsonNode step = null;
    for (JsonNode s : audit.body().get("steps")) {
      if ("WITHDRAWN".equals(s.path("result").asText())
          && ApplicationProcess.Element.WITHDRAWAL.equals(s.path("step").asText())) {
        step = s;
      }
    }
    assertThat(step).as("the withdrawal in the audit record: " + audit.text()).isNotNull();
    assertThat(step.get("actorId").asText()).isEqualTo(by);
    assertThat(step.get("role").asText()).isEqualTo(role);
    assertThat(step.get("answers").get("withdrawalReason").asText()).isEqualTo(reason);
  }

  private List<String> mailedFor(String caseNumber) {
    return jdbc.queryForList(
        "SELECT recipient FROM notification_outbox WHERE case_number = ? AND kind = 'WITHDRAWN'"
            + " ORDER BY recipient",
        String.class,
        caseNumber);
  }

  @Test
  @DisplayName("取下げ（ダブルチェック前）: 下書きは申請者が、ダブルチェック待ちは所属長が理由を付けて取り下げ、全タスクが消え、一覧・経過・監査記録に取下げと理由が残る")
  void beforeTheDoubleCheck() {
    String draft = startApplication("sato", kintone().with("serviceName", "下書きの取下げ").variables());
    String draftNumber = caseNumber(draft);
    assertThat(row(get("/api/applications", "sato"), draftNumber).get("canWithdraw").asBoolean())
        .isTrue();

    Answer missing = withdraw(draftNumber, "sato", null);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    assertThat(missing.body().get("errors").get(0).get("message").asText()).isNotBlank();
    assertThat(missing.body().get("errors").get(0).get("messageEn").asText()).isNotBlank();
    Answer tooLong = withdraw(draftNumber, "sato", "x".repeat(InputReader.MAX_TEXT + 1));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.text()).contains("reason");
    assertThat(openTaskKeys(draft)).containsExactly(ApplicationProcess.Element.FILL_IN_APPLICATION);

    Answer done = withdraw(draftNumber, "sato", "別のサービスで申請し直すため");
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertThat(done.body().get("application").get("statusLabel").asText()).isEqualTo("取下げ");
    assertThat(done.body().get("closedTaskIds")).hasSize(1);
    assertWithdrawn(draft, "sato", "佐藤 花子", "applicant", "別のサービスで申請し直すため");
    assertThat(mailedFor(draftNumber)).as("the applicant withdrew her own task: no mail").isEmpty();
    assertThat(withdraw(draftNumber, "sato", "もう一度").status()).as("an ended case").isEqualTo(409);

    String rejected = fileApplication("sato", kintone().with("serviceName", "却下後の取下げ").variables());
    walk(rejected, CaseSteps.DOUBLE_CHECK);
    String doubleCheck =
        taskService
            .createTaskQuery()
            .processInstanceId(rejected)
            .taskDefinitionKey(CaseSteps.DOUBLE_CHECK)
            .singleResult()
            .getId();
    Answer rejection =
        postJson(
            "/engine-rest/task/" + doubleCheck + "/submit-form",
            "takahashi",
            formVariables(TaskAnswers.doubleCheck("REJECT", "対象外のサービスのため")));
    assertThat(rejection.status()).as(rejection.text()).isEqualTo(204);
    assertThat(openTaskKeys(rejected))
        .containsExactly(ApplicationProcess.Element.ACKNOWLEDGE_REJECTION);
    assertThat(withdraw(caseNumber(rejected), "sato", "却下の後で").status())
        .as("a rejection by the double check decides the case")
        .isEqualTo(409);

    String waiting = fileApplication("sato", kintone().with("serviceName", "確認待ちの取下げ").variables());
    walk(waiting, CaseSteps.DOUBLE_CHECK);
    String number = caseNumber(waiting);
    assertThat(withdraw(number, "watanabe", "他部署の所属長").status())
        .as("another department's 所属長: the same answer as an unknown case")
        .isEqualTo(404);
    assertThat(withdraw("R99-9999", "watanabe", "不明").status()).isEqualTo(404);
    assertThat(withdraw(number, "takahashi", "利用責任者").status())
        .as("the 利用責任者 does not see the case in 申請一覧")
        .isEqualTo(404);
    Answer reviewer = withdraw(number, "yamamoto", "審査担当");
    assertThat(reviewer.status())
        .as("情報政策課 sees every case but may not withdraw it")
        .isEqualTo(403);
    assertThat(reviewer.body().get("error").asText()).contains("申請者");
    assertThat(reviewer.body().get("errorEn").asText()).contains("applicant");
    assertThat(openTaskKeys(waiting)).containsExactly(CaseSteps.DOUBLE_CHECK);

    Answer byHead = withdraw(number, "tanaka", "課の方針変更のため");
    assertThat(byHead.status()).as(byHead.text()).isEqualTo(200);
    assertWithdrawn(waiting, "tanaka", "田中 誠", "unit-head-kumin", "課の方針変更のため");
    assertThat(mailedFor(number))
        .as("the 利用責任者 whose double check disappeared, and the applicant")
        .containsExactly("sato", "takahashi");
    String subject =
        jdbc.queryForObject(
            "SELECT subject FROM notification_outbox WHERE case_number = ? AND recipient = 'takahashi'"
                + " AND kind = 'WITHDRAWN'",
            String.class,
            number);
    assertThat(subject).contains("取下げ", number);
  }

  @Test
  @DisplayName("取下げ（情報政策課の審査中）: 呼び出した審査も終わり、審査担当のタスクが消えて担当者に通知される")
  void duringTheReview() {
    String instance =
        fileApplication("sato", kintone().with("serviceName", "審査中の取下げ").paid(false).variables());
    walk(instance, CaseSteps.REVIEW);
    assertThat(openTaskKeys(instance)).containsExactly(CaseSteps.REVIEW);
    assertThat(treeOf(instance)).hasSize(2);
    String number = caseNumber(instance);

    Answer done = withdraw(number, "sato", "契約が見送りになったため");
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertWithdrawn(instance, "sato", "佐藤 花子", "applicant", "契約が見送りになったため");
    assertThat(mailedFor(number)).as("情報政策課's reviewers").contains("yamamoto", "nakamura");
  }

  @Test
  @DisplayName("取下げ（情報化企画と並行審査中）: 両方のタスクが消え、呼び出した審査が終わる。決定（承認）後は 409、エンジン REST のメッセージでは職員は取り下げられない")
  void whileItPlanningRunsInParallelAndNotAfterTheDecision() {
    String instance =
        fileApplication("sato", kintone().with("serviceName", "並行審査中の取下げ").variables());
    walk(instance, CaseSteps.REVIEW, ReviewProcess.Element.REVIEW_IT_PLANNING);
    assertThat(openTaskKeys(instance))
        .containsExactly(CaseSteps.REVIEW, ReviewProcess.Element.REVIEW_IT_PLANNING);
    String number = caseNumber(instance);

    Answer message =
        postJson(
            "/engine-rest/message",
            "sato",
            Map.of(
                "messageName",
                ApplicationProcess.MESSAGE_WITHDRAWN,
                "processInstanceId",
                instance,
                "processVariables",
                Map.of("withdrawalReason", Map.of("value", "REST から"))));
    assertThat(message.status()).as("messages are administrators' only").isEqualTo(403);
    assertThat(openTaskKeys(instance)).hasSize(2);

    Answer done = withdraw(number, "tanaka", "予算が付かなかったため");
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertWithdrawn(instance, "tanaka", "田中 誠", "unit-head-kumin", "予算が付かなかったため");
    assertThat(mailedFor(number)).contains("kimura", "sato", "yamamoto");

    String approved = fileApplication("sato", kintone().with("serviceName", "承認後の取下げ").variables());
    walk(approved, CaseSteps.DECIDE);
    String task =
        taskService
            .createTaskQuery()
            .processInstanceIdIn(treeOf(approved).toArray(String[]::new))
            .taskDefinitionKey(CaseSteps.DECIDE)
            .singleResult()
            .getId();
    assertThat(
            postJson(
                    "/engine-rest/task/" + task + "/submit-form",
                    "kobayashi",
                    formVariables(TaskAnswers.decision("APPROVE", null)))
                .status())
        .isEqualTo(204);
    runAsyncContinuations();
    String approvedNumber = caseNumber(approved);
    assertThat(openTaskKeys(approved)).isNotEmpty();
    assertThat(row(get("/api/applications", "sato"), approvedNumber).get("canWithdraw").asBoolean())
        .isFalse();
    Answer late = withdraw(approvedNumber, "sato", "承認後");
    assertThat(late.status()).as(late.text()).isEqualTo(409);
    assertThat(late.body().get("error").asText()).contains("決定前");
    assertThat(late.body().get("errorEn").asText()).contains("before the decision");
    assertThat(openTaskKeys(approved)).isNotEmpty();
  }

  @Test
  @DisplayName("複製: 取り下げた申請の申請者だけが、元の回答を下書きにした新しい申請を作れる（他人・手続中の申請は不可）")
  void copyIntoANewDraft() {
    String instance =
        fileApplication(
            "sato",
            kintone().with("serviceName", "複製元の kintone").with("purpose", "複製される目的").variables());
    String number = caseNumber(instance);
    assertThat(postJson("/api/applications/" + number + "/copy", "sato", Map.of()).status())
        .as("a running case")
        .isEqualTo(409);
    assertThat(withdraw(number, "sato", "書き直すため").status()).isEqualTo(200);

    assertThat(postJson("/api/applications/" + number + "/copy", "suzuki", Map.of()).status())
        .as("another department's member: as unknown")
        .isEqualTo(404);
    Answer head = postJson("/api/applications/" + number + "/copy", "tanaka", Map.of());
    assertThat(head.status()).as("the 所属長 sees it but it is not his application").isEqualTo(403);

    Answer copied = postJson("/api/applications/" + number + "/copy", "sato", Map.of());
    assertThat(copied.status()).as(copied.text()).isEqualTo(201);
    String newNumber = copied.body().get("caseNumber").asText();
    assertThat(newNumber).isNotEqualTo(number).matches("R[0-9]+-[0-9]{4,}");
    String taskId = copied.body().get("taskId").asText();
    Answer form = get("/engine-rest/task/" + taskId + "/form-variables", "sato");
    assertThat(form.status()).as(form.text()).isEqualTo(200);
    assertThat(form.body().get("purpose").get("value").asText()).isEqualTo("複製される目的");
    assertThat(form.body().get("providerName").get("value").asText()).isEqualTo("サイボウズ株式会社");
    assertThat(form.body().get("serviceName").get("value").asText()).isEqualTo("複製元の kintone");
    JsonNode newRow = row(get("/api/applications", "sato"), newNumber);
    assertThat(newRow.get("statusLabel").asText()).isEqualTo("下書き");
    assertThat(newRow.get("applicantName").asText()).isEqualTo("佐藤 花子");
    String newInstance =
        taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    assertThat(runtimeService.getVariable(newInstance, "applicant")).isEqualTo("sato");
    assertThat(runtimeService.getVariable(newInstance, "outcome"))
        .as("no fact of the old case is copied")
        .isNull();
  }

  @Test
  @DisplayName("同時操作: ダブルチェックの完了と同時に取り下げると、先に確定した完了が勝ち、取下げは 409 で何も残さない")
  void aCompletionAtTheSameMomentWins() throws Exception {
    String instance =
        fileApplication("sato", kintone().with("serviceName", "同時操作").paid(false).variables());
    walk(instance, CaseSteps.DOUBLE_CHECK);
    String number = caseNumber(instance);
    String task =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(CaseSteps.DOUBLE_CHECK)
            .singleResult()
            .getId();
    CountDownLatch completedNotCommitted = new CountDownLatch(1);
    CountDownLatch withdrawalSent = new CountDownLatch(1);
    ExecutorService checker = Executors.newSingleThreadExecutor();
    try {
      // the 利用責任者's completion, held open until the withdrawal waits for its rows
      Future<?> completion =
          checker.submit(
              () ->
                  new TransactionTemplate(transactions)
                      .executeWithoutResult(
                          status -> {
                            identityService.setAuthentication(
                                "takahashi", List.of("security-officer-kumin", "staff"));
                            try {
                              taskService.claim(task, "takahashi");
                              formService.submitTaskForm(
                                  task, TaskAnswers.doubleCheck("FORWARD", null));
                              completedNotCommitted.countDown();
                              withdrawalSent.await(30, TimeUnit.SECONDS);
                              Thread.sleep(1500);
                            } catch (InterruptedException e) {
                              throw new IllegalStateException(e);
                            } finally {
                              identityService.clearAuthentication();
                            }
                          }));
      assertThat(completedNotCommitted.await(60, TimeUnit.SECONDS)).isTrue();
      Future<Answer> withdrawal =
          Executors.newSingleThreadExecutor().submit(() -> withdraw(number, "sato", "同時に取り下げる"));
      withdrawalSent.countDown();
      completion.get(60, TimeUnit.SECONDS);
      Answer answer = withdrawal.get(60, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.text()).isEqualTo(409);
      assertThat(answer.body().get("error").asText()).contains("同時に");
      assertThat(answer.body().get("errorEn").asText()).contains("same time");
    } finally {
      checker.shutdownNow();
    }
    runAsyncContinuations();
    assertThat(openTaskKeys(instance)).as("the completion won").containsExactly(CaseSteps.REVIEW);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM case_act WHERE case_id = ? AND result = 'WITHDRAWN'",
                Integer.class,
                instance))
        .as("nothing of the withdrawal was stored")
        .isZero();
  }
}
