package jp.lg.externalservice.notification;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.operation.OperationProcess;
import jp.lg.externalservice.review.ReviewProcess;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail notifications (issue 15, part 1) received by a real SMTP server (GreenMail): who gets what,
 * with the case number, the service, the due date and the link; the outbox written in the engine's
 * transaction; nothing lost while the mail server is down and every mail sent once; reminders
 * written once; preferences honoured.
 */
class NotificationMailTest extends EngineTest {

  private static final String BASE_URL = "https://gaibu.example.lg.jp";
  private static final int SMTP_PORT = freePort();
  private static GreenMail smtp = startSmtp();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> SMTP_PORT);
    properties.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
    properties.add("spring.mail.properties.mail.smtp.timeout", () -> 2000);
    properties.add("external-service.base-url", () -> BASE_URL + "/");
  }

  @Autowired OutboxSender sender;
  @Autowired ReminderScan reminders;
  @Autowired OutboxRetention retention;
  @Autowired NotificationOutbox outbox;
  @Autowired NotificationPreferences preferences;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ObjectProvider<JavaMailSender> mailSender;
  @Autowired jp.lg.externalservice.registry.RegistryService registry;
  @Autowired jp.lg.externalservice.caserecord.CaseMessages messages;

  @BeforeEach
  void emptyOutbox() throws Exception {
    sendAll(); // whatever earlier tests left
    jdbc.update("DELETE FROM notification_outbox");
    jdbc.update("DELETE FROM notification_preference");
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    if (!smtp.isRunning()) {
      smtp = startSmtp();
    }
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  @DisplayName("グループのタスクは、起こした本人を除くメンバー全員に、受付番号・サービス・期限・タスクへのリンク付きで届く")
  void groupTaskGoesToEveryMemberButTheCause() throws Exception {
    ProcessInstance instance = readyForDoubleCheck(kintone().paid(false));
    Task doubleCheck = task(instance, ApplicationProcess.Element.DOUBLE_CHECK);
    String caseNumber = caseNumber(instance);

    assertThat(sendAll()).isEqualTo(1);
    MimeMessage mail = only(received("takahashi"));
    assertThat(mail.getSubject())
        .startsWith("【外部サービス管理】新しいタスク：")
        .contains("申請内容をダブルチェックする", "受付番号 " + caseNumber);
    String body = body(mail);
    assertThat(body)
        .contains("高橋 健 様")
        .contains("受付番号：" + caseNumber)
        .contains("サービス：kintone")
        .contains("期限：" + japanese(doubleCheck))
        .contains(
            "リンク：" + BASE_URL + "/camunda/app/tasklist/default/#/?task=" + doubleCheck.getId())
        .contains("タスク一覧で引き受けて");
    assertThat(mail.getHeader(OutboxSender.ID_HEADER)).hasSize(1);
    assertThat(received("sato"))
        .as("the applicant filed it herself: her own tasks send her nothing")
        .isEmpty();
  }

  @Test
  @DisplayName("人に割り当てられたタスクは担当者に届く。自分で引き受けたときは届かない")
  void assignedTaskGoesToTheAssignee() throws Exception {
    ProcessInstance instance = inReview(kintone().paid(false));
    Task review = task(instance, ReviewProcess.Element.REVIEW);
    sendAll();
    smtp.purgeEmailFromAllMailboxes();

    asUser("nakamura", () -> taskService.setAssignee(review.getId(), "yamamoto"));
    asUser("yamamoto", () -> taskService.setAssignee(review.getId(), null));
    asUser("yamamoto", () -> taskService.claim(review.getId(), "yamamoto"));
    assertThat(sendAll()).isEqualTo(1);
    MimeMessage mail = only(received("yamamoto"));
    assertThat(mail.getSubject()).contains("新しいタスク：利用申請を審査する", caseNumber(instance));
    assertThat(body(mail))
        .contains("あなたに割り当てられました")
        .contains("/camunda/app/tasklist/default/#/?task=" + review.getId());
    assertThat(received("nakamura")).as("the one who assigned it").isEmpty();
  }

  @Test
  @DisplayName("差戻しは申請者に理由と差し戻した人を伝え、修正タスクの通知を重ねない")
  void returnTellsTheApplicantOnce() throws Exception {
    ProcessInstance instance = readyForDoubleCheck(kintone().paid(false));
    sendAll();
    smtp.purgeEmailFromAllMailboxes();
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("RETURN", "利用者の範囲を書いてください"));
    assertThat(task(instance, ApplicationProcess.Element.CORRECT_APPLICATION)).isNotNull();

    sendAll();
    MimeMessage mail = only(received("sato"));
    assertThat(mail.getSubject()).contains("申請が差し戻されました", caseNumber(instance));
    assertThat(body(mail))
        .contains("佐藤 花子 様", "差し戻した人：高橋 健", "理由：利用者の範囲を書いてください")
        .contains("差し戻された申請を修正する")
        .contains("期限：")
        .contains("リンク：" + BASE_URL + "/camunda/app/tasklist/default/");
    assertThat(received("takahashi")).isEmpty();
  }

  @Test
  @DisplayName("不承認は申請者に理由付きで届く")
  void rejectionTellsTheApplicant() throws Exception {
    ProcessInstance instance = inReview(kintone().paid(false));
    complete(instance, ReviewProcess.Element.REVIEW, "nakamura", review("APPROVE", null));
    sendAll();
    smtp.purgeEmailFromAllMailboxes();
    complete(instance, ReviewProcess.Element.DECIDE, "kobayashi", decision("REJECT", "業務上の必要性が不明"));
    assertThat(task(instance, ApplicationProcess.Element.ACKNOWLEDGE_REJECTION)).isNotNull();

    sendAll();
    MimeMessage mail = only(received("sato"));
    assertThat(mail.getSubject()).contains("申請は承認されませんでした", caseNumber(instance));
    assertThat(body(mail)).contains("理由：業務上の必要性が不明", "サービス：kintone");
  }

  @Test
  @DisplayName("承認は申請者と所属長（外部サービス管理者）に届く")
  void approvalTellsTheApplicantAndTheUnitHead() throws Exception {
    ProcessInstance instance = inReview(kintone().paid(false));
    complete(instance, ReviewProcess.Element.REVIEW, "nakamura", review("APPROVE", null));
    sendAll();
    smtp.purgeEmailFromAllMailboxes();
    complete(instance, ReviewProcess.Element.DECIDE, "kobayashi", decision("APPROVE", null));

    sendAll();
    // the approval, and (after the registry write, its own transaction) the risk acknowledgement
    List<MimeMessage> toApplicant = received("sato");
    toApplicant.removeIf(mail -> !subject(mail).contains("申請が承認されました"));
    assertThat(only(toApplicant).getSubject()).contains(caseNumber(instance));
    assertThat(body(toApplicant.get(0)))
        .as("the link opens the case in 申請一覧")
        .contains(BASE_URL + "/camunda/app/tasklist/default/#/?case=" + caseNumber(instance));
    List<MimeMessage> toHead = received("tanaka"); // and the operation's duty for him
    toHead.removeIf(mail -> !subject(mail).contains("所属の申請が承認されました"));
    MimeMessage head = only(toHead);
    assertThat(head.getSubject()).contains("所属の申請が承認されました");
    assertThat(body(head)).contains("田中 誠 様", "外部サービス管理者", "申請者：佐藤 花子");
    assertThat(received("kobayashi")).as("the decider caused it").isEmpty();
  }

  @Test
  @DisplayName("完了が取り消されたトランザクションは通知を残さない（通知は同じトランザクションで書かれる）")
  void rolledBackCompletionLeavesNoMail() {
    ProcessInstance instance = readyForDoubleCheck(kintone().paid(false));
    jdbc.update("DELETE FROM notification_outbox");
    Task doubleCheck = task(instance, ApplicationProcess.Element.DOUBLE_CHECK);
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.executeWithoutResult(
        status -> {
          asUser(
              "takahashi",
              () -> {
                taskService.claim(doubleCheck.getId(), "takahashi");
                formService.submitTaskForm(doubleCheck.getId(), doubleCheck("RETURN", "取り消される差戻し"));
              });
          assertThat(rows()).as("written in the completion's transaction").isEqualTo(1);
          status.setRollbackOnly(); // as any failure later in the same transaction would
        });
    assertThat(rows()).isZero();
    assertThat(task(instance, ApplicationProcess.Element.DOUBLE_CHECK)).isNotNull();

    refused(
        () ->
            complete(
                instance,
                ApplicationProcess.Element.DOUBLE_CHECK,
                "takahashi",
                doubleCheck("RETURN", null)));
    assertThat(rows()).as("a refused completion writes nothing either").isZero();
  }

  @Test
  @DisplayName("メールサーバーが止まっている間は未送信のまま残り、復旧後に一度だけ送られる。2 台で同時に送っても一度だけ")
  void nothingLostWhileTheServerIsDownAndSentOnce() throws Exception {
    readyForDoubleCheck(kintone().paid(false));
    readyForDoubleCheck(kintone().service("Box", "CLOUD_INTERNET", "ONLINE_STORAGE").paid(false));
    assertThat(rows()).isEqualTo(2);
    smtp.stop();

    assertThat(sender.sendDue()).isZero();
    assertThat(jdbc.queryForList("SELECT status FROM notification_outbox", String.class))
        .containsOnly("PENDING");
    assertThat(jdbc.queryForList("SELECT attempts FROM notification_outbox", Integer.class))
        .containsOnly(1);
    assertThat(jdbc.queryForList("SELECT last_error FROM notification_outbox", String.class))
        .allSatisfy(error -> assertThat(error).isNotBlank());

    smtp = startSmtp();
    assertThat(sender.sendDue()).as("the next attempt waits (1 min)").isZero();
    moveClock(Duration.ofMinutes(2));

    // two nodes at once: each row is claimed by one of them
    OutboxSender other =
        new OutboxSender(
            outbox, mailSender, "外部サービス管理 <no-reply@localhost>", 20, Duration.ofMinutes(5));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> runs =
        pool.invokeAll(List.<Callable<Integer>>of(sender::sendDue, other::sendDue));
    pool.shutdown();
    int sent = 0;
    for (Future<Integer> run : runs) {
      sent += run.get();
    }
    assertThat(sent).isEqualTo(2);
    assertThat(sender.sendDue() + other.sendDue()).isZero();

    List<String> ids = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      ids.add(message.getHeader(OutboxSender.ID_HEADER)[0]);
    }
    assertThat(ids).hasSize(2).doesNotHaveDuplicates();
    assertThat(jdbc.queryForList("SELECT status FROM notification_outbox", String.class))
        .containsOnly("SENT");
  }

  @Test
  @DisplayName("期限の 3 日前と期限超過の通知は、何度走査しても一度だけ書かれる")
  void remindersAreWrittenOnce() throws Exception {
    ProcessInstance instance = readyForDoubleCheck(kintone().paid(false));
    Task doubleCheck = task(instance, ApplicationProcess.Element.DOUBLE_CHECK);
    jdbc.update("DELETE FROM notification_outbox");

    assertThat(reminders.scan()).as("10 days ahead: not yet").isZero();
    ClockUtil.setCurrentTime(
        java.util.Date.from(doubleCheck.getDueDate().toInstant().minus(Duration.ofDays(2))));
    // other tests' tasks are due as well: count this task's reminders
    assertThat(reminders.scan()).isPositive();
    assertThat(remindersOf(doubleCheck)).containsExactly("DUE_SOON");
    moveClock(Duration.ofHours(1)); // the next scan, later the same day
    assertThat(reminders.scan()).as("the same reminders again").isZero();
    sendAll();
    List<MimeMessage> toChecker = received("takahashi");
    toChecker.removeIf(mail -> !subject(mail).contains(caseNumber(instance)));
    MimeMessage soon = only(toChecker);
    assertThat(soon.getSubject()).contains("期限が近づいています：申請内容をダブルチェックする");
    assertThat(body(soon)).contains("期限は" + japanese(doubleCheck) + "です");

    ClockUtil.setCurrentTime(
        java.util.Date.from(doubleCheck.getDueDate().toInstant().plus(Duration.ofHours(1))));
    assertThat(reminders.scan()).isPositive();
    moveClock(Duration.ofHours(2));
    assertThat(reminders.scan()).isZero();
    assertThat(remindersOf(doubleCheck)).containsExactly("DUE_SOON", "OVERDUE");
  }

  @Test
  @DisplayName("通知の種類を止めた人には届かず、メールアドレスのない人にも書かれない")
  void preferencesAndAddressesAreHonoured() {
    preferences.save("takahashi", Map.of(NotificationKind.GROUP_TASK, false));
    readyForDoubleCheck(kintone().paid(false));
    assertThat(rows()).isZero();

    preferences.save("takahashi", Map.of(NotificationKind.GROUP_TASK, true));
    var user = identityService.createUserQuery().userId("takahashi").singleResult();
    String address = user.getEmail();
    user.setEmail(null);
    identityService.saveUser(user);
    try {
      readyForDoubleCheck(kintone().paid(false));
      assertThat(rows()).isZero();
    } finally {
      user.setEmail(address);
      identityService.saveUser(user);
    }
    readyForDoubleCheck(kintone().paid(false));
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  @DisplayName("運用の定期業務はサービス管理担当者に、遅れは所属長に、利用停止は所属長に届く（停止を報告した本人には届かない）")
  void operationDutiesAndStopOfUse() {
    String entryId =
        registry.register(
            jp.lg.externalservice.registry.RegistryEntries.inUse("運用通知 SaaS", Route.FREE),
            "kobayashi",
            "approval");
    Map<String, Object> variables =
        new HashMap<>(
            kintone()
                .service("運用通知 SaaS", "CLOUD_INTERNET", "BUSINESS_APPLICATION")
                .paid(false)
                .variables());
    variables.put("registryEntryId", entryId);
    variables.put("departmentCode", "kumin");
    variables.put("departmentName", "区民課");
    variables.put("route", "FREE");
    variables.put("serviceAdministrator", "tanaka");
    variables.put("governmentCloudRules", false);
    messages.startOperation(entryId, variables);
    ProcessInstance operation =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(OperationProcess.KEY)
            .processInstanceBusinessKey(entryId)
            .singleResult();
    jdbc.update("DELETE FROM notification_outbox");

    moveClock(Duration.ofDays(92));
    fireDueTimers(operation);
    assertThat(mails())
        .contains("OPERATION_DUTY sato 運用の定期業務：サービス内容を確認する（四半期）")
        .noneMatch(mail -> mail.startsWith("OPERATION_DUTY tanaka"));
    moveClock(Duration.ofDays(15));
    fireDueTimers(operation);
    assertThat(mails())
        .as("the overdue duty escalates to the 所属長")
        .anyMatch(mail -> mail.startsWith("OVERDUE tanaka 期限を過ぎた手順があります：サービス内容を確認する（四半期）"));

    jdbc.update("DELETE FROM notification_outbox");
    submitTask(
        "sato",
        task(operation, OperationProcess.Element.QUARTERLY_REVIEW),
        vars("reviewResult", "OVERSEAS_DATA", "reviewNote", "バックアップが海外リージョンにあった"));
    assertThat(mails())
        .contains("USE_STOPPED tanaka サービスの利用が停止されました")
        .noneMatch(mail -> mail.contains(" sato "));

    // the termination's steps: the 終了確認書 goes to the 利用責任者's group
    ProcessInstance termination =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(jp.lg.externalservice.caserecord.CaseProcesses.TERMINATION)
            .processInstanceBusinessKey(entryId)
            .singleResult();
    jdbc.update("DELETE FROM notification_outbox");
    submitTask(
        "sato",
        task(
            termination,
            jp.lg.externalservice.termination.TerminationProcess.Element.FILL_TERMINATION_REQUEST),
        terminationRequest(entryId, "FORM3"));
    assertThat(mails()).containsExactly("TERMINATION takahashi 利用終了の手続：終了確認書をダブルチェックする");
  }

  /** The outbox as "KIND recipient subject-without-prefix-and-case-number". */
  private List<String> mails() {
    return jdbc.query(
        "SELECT kind, recipient, subject FROM notification_outbox ORDER BY id",
        (rs, row) ->
            rs.getString("kind")
                + " "
                + rs.getString("recipient")
                + " "
                + rs.getString("subject")
                    .replace(MailText.PREFIX, "")
                    .replaceAll("（受付番号 [^）]*）$", ""));
  }

  // --- walking a case

  private ProcessInstance readyForDoubleCheck(ApplicationAnswers answers) {
    ProcessInstance instance = submitApplication("sato", answers.variables());
    String route = (String) runtimeService.getVariable(instance.getId(), "route");
    submitTask(
        "sato",
        task(instance),
        "IMPORTANT".equals(route) ? allCriteriaMet() : risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(instance), measuresAllMet());
    return instance;
  }

  private ProcessInstance inReview(ApplicationAnswers answers) {
    ProcessInstance instance = readyForDoubleCheck(answers);
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    return instance;
  }

  private String caseNumber(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), CaseVariables.CASE_NUMBER.name());
  }

  private List<String> remindersOf(Task task) {
    return jdbc.queryForList(
        "SELECT kind FROM notification_outbox WHERE link LIKE ? ORDER BY id",
        String.class,
        "%?task=" + task.getId());
  }

  private int rows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox", Integer.class);
  }

  @Test
  @DisplayName("メールの差込み: サービス名の改行やヘッダー風の文字・HTML はメールのヘッダーを増やさず、宛先も増えない")
  void serviceNamesDoNotAddMailHeaders() throws Exception {
    String name = "kintone\r\nBcc: evil@attacker.example\r\nX-Injected: yes\n\n<b>太字</b>";
    readyForDoubleCheck(kintone().with("serviceName", name).paid(false));

    assertThat(sendAll()).as("the double check's group mail").isEqualTo(1);
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      assertThat(mail.getHeader("X-Injected")).isNull();
      assertThat(mail.getHeader("Bcc")).isNull();
      for (jakarta.mail.Address to : mail.getAllRecipients()) {
        assertThat(to.toString()).endsWith("@example.jp");
      }
      assertThat(mail.getContentType()).startsWith("text/plain");
      assertThat(mail.getSubject()).doesNotContain("\r", "\n");
    }
    assertThat(smtp.getReceivedMessagesForDomain("attacker.example")).isEmpty();
  }

  @Test
  @DisplayName("送信済みのメールは保存期間（400 日）を過ぎると削除され、未送信のものは残る")
  void sentMailsAreDeletedAfterTheRetentionPeriod() throws Exception {
    readyForDoubleCheck(kintone().paid(false));
    assertThat(sendAll()).isEqualTo(1);
    smtp.stop(); // the next mail cannot be sent: it stays pending
    readyForDoubleCheck(kintone().paid(false));
    sendAll();
    assertThat(countByStatus("SENT")).isEqualTo(1);
    assertThat(countByStatus("PENDING")).isEqualTo(1);

    assertThat(retention.deleteOld()).as("within the period").isZero();
    moveClock(Duration.ofDays(401));
    assertThat(retention.deleteOld()).isEqualTo(1);
    assertThat(countByStatus("SENT")).isZero();
    assertThat(countByStatus("PENDING")).as("never sent: kept").isEqualTo(1);
  }

  private int countByStatus(String status) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM notification_outbox WHERE status = ?", Integer.class, status);
  }

  @Test
  @DisplayName("2 つの候補グループに属する人には、タスク 1 件につきメールは 1 通")
  void onePersonInTwoCandidateGroupsGetsOneMail() throws Exception {
    String[] groups = {"mail-two-a", "mail-two-b"};
    for (String id : groups) {
      Group group = identityService.newGroup(id);
      group.setName(id);
      identityService.saveGroup(group);
    }
    User both = identityService.newUser("mailboth");
    both.setEmail("mailboth@example.jp");
    identityService.saveUser(both);
    identityService.createMembership("mailboth", groups[0]);
    identityService.createMembership("mailboth", groups[1]);
    String deployment =
        processEngine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                "mail-two-groups.bpmn",
                Bpmn.createExecutableProcess("mail-two-groups")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_ForBoth")
                    .name("二つのグループのタスク")
                    .camundaCandidateGroups(groups[0] + "," + groups[1])
                    .endEvent()
                    .done())
            .deploy()
            .getId();
    try {
      runtimeService.startProcessInstanceByKey("mail-two-groups");

      assertThat(sendAll()).isEqualTo(1);
      assertThat(received("mailboth")).hasSize(1);
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment, true);
      identityService.deleteUser("mailboth");
      for (String id : groups) {
        identityService.deleteGroup(id);
      }
    }
  }

  private int sendAll() {
    return sender.sendDue();
  }

  private static String japanese(Task task) {
    return MailText.date(task.getDueDate().toInstant());
  }

  private static List<MimeMessage> received(String userId) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(address -> address.toString().equals(userId + "@example.jp"))) {
        mails.add(message);
      }
    }
    return mails;
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage only(List<MimeMessage> mails) {
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static String body(MimeMessage mail) throws Exception {
    return mail.getContent().toString().replace("\r\n", "\n");
  }

  private static GreenMail startSmtp() {
    GreenMail server =
        new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
