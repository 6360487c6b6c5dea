package jp.lg.externalservice.certification;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Third-party certifications through the real engine (issue 15, part 3): claimed on the application
 * and checked on the server, compared with the imported ISMAP list in the review, and watched daily
 * — a lapsed validity and a registration gone from a re-imported list each give 情報政策課 exactly one
 * task.
 */
class CertificationProcessTest extends EngineTest {

  static final String ISMAP_LIST =
      "登録番号,クラウドサービス名,クラウドサービス事業者名,登録日,有効期限\n"
          + "C21-0001-1,kintone,サイボウズ株式会社,2021/03/12,2027/03/31\n"
          + "C21-0002-1,Microsoft 365,日本マイクロソフト株式会社,2021/03/12,2027/03/31\n";

  @Autowired CertificationClaims claims;
  @Autowired ServiceListImport imports;
  @Autowired RegistryService registry;
  @Autowired CaseRecords caseRecords;
  @Autowired jp.lg.externalservice.caselist.CaseList caseList;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The application with an ISMAP and an ISO/IEC 27017 claim. */
  private static ApplicationAnswers withCertifications(
      String ismapNumber, String isoValidUntil, String evidence) {
    String json =
        "{\"ismap\":true,\"ismapNumber\":\""
            + ismapNumber
            + "\",\"ismapValidUntil\":\"2027-03-31\",\"ismapEvidence\":\""
            + evidence
            + "\",\"iso27017\":true,\"iso27017Number\":\"IS 123456\",\"iso27017ValidUntil\":\""
            + isoValidUntil
            + "\",\"iso27017Evidence\":\""
            + evidence
            + "\",\"soc2\":false}";
    return kintone()
        .service("kintone", "CLOUD_INTERNET", "WEB_CONFERENCE")
        .paid(false)
        .with(CertificationClaims.FIELD, SpinValues.jsonValue(json).create());
  }

  /** Starts the application, attaches the evidence to the case and files the form. */
  private ProcessInstance file(ApplicationAnswers answers) {
    ProcessInstance instance = startApplication("sato", answers.variables());
    attach(instance, "ismap.pdf");
    Task draft = fillInTask(instance);
    submitTask("sato", draft, answers.variables());
    return instance;
  }

  private void attach(ProcessInstance instance, String name) {
    taskService.createAttachment(
        "application/pdf",
        null,
        instance.getId(),
        name,
        "登録証",
        new ByteArrayInputStream("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
  }

  private ProcessInstance inReview(ApplicationAnswers answers) {
    ProcessInstance instance = file(answers);
    submitTask("sato", task(instance), risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(instance), measuresAllMet());
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    return instance;
  }

  private String approve(ProcessInstance instance) {
    complete(instance, ReviewProcess.Element.REVIEW, "nakamura", review("APPROVE", null));
    complete(instance, ReviewProcess.Element.DECIDE, "kobayashi", decision("APPROVE", null));
    complete(
        instance, ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, "sato", usageRisksAcknowledged());
    String entryId = caseRecords.find(instance.getId()).orElseThrow().registryEntryId();
    assertThat(registry.find(entryId).orElseThrow().status()).isEqualTo(RegistryStatus.ACTIVE);
    return entryId;
  }

  /** Runs the daily watch as the job executor would: its timer start event fires. */
  private void runWatch() {
    var management = processEngine.getManagementService();
    Job timer =
        management
            .createJobQuery()
            .processDefinitionKey(CertificationWatch.KEY)
            .timers()
            .singleResult();
    management.executeJob(timer.getId());
  }

  /** The lapse mails about this registry entry in the outbox. */
  private List<java.util.Map<String, Object>> lapseMails(String entryId) {
    return jdbc.queryForList(
        "SELECT recipient, subject, body FROM notification_outbox "
            + "WHERE kind = 'CERTIFICATION_LAPSED' AND body LIKE ?",
        "%" + entryId + "%");
  }

  /** The open lapse tasks of this registry entry (other tests' services are watched too). */
  private List<Task> lapseTasks(String entryId) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey(CertificationWatch.KEY)
        .taskDefinitionKey(CertificationWatch.Element.CONFIRM_LAPSE)
        .list()
        .stream()
        .filter(t -> entryId.equals(taskService.getVariable(t.getId(), "lapseRegistryEntryId")))
        .toList();
  }

  private void importIsmap(String csv) {
    imports.importList(Certification.ISMAP, csv.getBytes(StandardCharsets.UTF_8), "demo");
  }

  @Test
  @DisplayName("申請の第三者認証: 番号・有効期限・証跡の添付がなければ項目を名指しで拒否し、揃えば案件に記録する")
  void claimsAreCheckedAndRecorded() {
    ApplicationAnswers bad =
        kintone()
            .with(
                CertificationClaims.FIELD,
                SpinValues.jsonValue(
                        "{\"ismap\":true,\"ismapNumber\":\"\",\"ismapValidUntil\":\"31/03/2027\","
                            + "\"ismapEvidence\":\"missing.pdf\",\"soc2\":true,\"soc2Number\":\"R<1>\","
                            + "\"soc2ValidUntil\":\"2020-01-01\"}")
                    .create());
    ProcessInstance instance = startApplication("sato", bad.variables());
    attach(instance, "ismap.pdf");
    Task draft = fillInTask(instance);
    InputValidationException refusal =
        refused(
            () -> asUser("sato", () -> formService.submitTaskForm(draft.getId(), bad.variables())));
    assertThat(fields(refusal))
        .containsExactly(
            "certifications.ismapNumber",
            "certifications.ismapValidUntil",
            "certifications.ismapEvidence",
            "certifications.soc2Number",
            "certifications.soc2ValidUntil",
            "certifications.soc2Evidence");
    FieldError evidence = refusal.getErrors().get(2);
    assertThat(evidence.message()).contains("ISMAP", "missing.pdf", "添付ファイル");
    assertThat(evidence.messageEn()).contains("ISMAP", "missing.pdf");
    assertThat(refusal.getErrors().get(4).message()).contains("SOC 2", "有効期限", "過ぎています");
    assertThat(claims.of(instance.getId())).as("nothing stored for a refused filing").isEmpty();

    ApplicationAnswers good = withCertifications("C21-0001-1", "2027-12-31", "ismap.pdf");
    asUser("sato", () -> formService.submitTaskForm(draft.getId(), good.variables()));
    List<CertificationClaim> recorded = claims.of(instance.getId());
    assertThat(recorded)
        .extracting(CertificationClaim::certification, CertificationClaim::registrationNumber)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Certification.ISMAP, "C21-0001-1"),
            org.assertj.core.groups.Tuple.tuple(Certification.ISO_27017, "IS 123456"));
    assertThat(recorded.get(0).validUntil()).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(recorded.get(0).evidenceName()).isEqualTo("ismap.pdf");
    assertThat(recorded.get(0).evidenceAttachmentId()).isNotBlank();

    var record =
        as("sato", () -> caseList.record(caseRecords.find(instance.getId()).orElseThrow()))
            .application()
            .stream()
            .filter(line -> line.label().equals("第三者認証"))
            .findFirst()
            .orElseThrow();
    assertThat(record.value())
        .as("the printable record and its PDF show them")
        .isEqualTo(
            "ISMAP（登録番号 C21-0001-1、2027年3月31日まで）、ISO/IEC 27017（認証番号 IS 123456、2027年12月31日まで）");
  }

  @Test
  @DisplayName("審査の画面: 申請の ISMAP 登録番号が取り込んだリストにあるか、登録日、サービス名・事業者名の掲載、取込日時を日本語で示す")
  void reviewerSeesTheListCheck() {
    importIsmap(ISMAP_LIST);
    ProcessInstance onList = inReview(withCertifications("C21-0001-1", "2027-12-31", "ismap.pdf"));
    String rows = reviewRows(onList);
    assertThat(rows)
        .contains("掲載あり・登録番号が一致")
        .contains("登録日 2021年3月12日")
        .contains("サービス名が掲載あり（登録番号 C21-0001-1")
        .contains("ISMAP リストの取込")
        .contains(" に取込（2 件）")
        .contains("公表リストとの照合の対象外")
        .doesNotContain("ISO_27017")
        .doesNotContain("EXPIRED");

    ProcessInstance wrongNumber =
        inReview(withCertifications("C99-9999-1", "2027-12-31", "ismap.pdf"));
    assertThat(reviewRows(wrongNumber)).contains("登録番号 C99-9999-1 は最新の ISMAP リストにありません");
  }

  private String reviewRows(ProcessInstance instance) {
    Object rows =
        runtimeService.getVariable(
            calledInstance(instance, ReviewProcess.KEY).getId(), CertificationReview.ROWS);
    return rows.toString();
  }

  @Test
  @DisplayName("毎日の監視: 有効期限が過ぎた認証は情報政策課にタスクを 1 件だけ出し、翌日は重複しない")
  void lapsedCertificationGivesExactlyOneTask() {
    importIsmap(ISMAP_LIST);
    LocalDate isoValidUntil = JapanClock.today().plusDays(20);
    ProcessInstance instance =
        inReview(withCertifications("C21-0001-1", isoValidUntil.toString(), "ismap.pdf"));
    String entryId = approve(instance);

    runWatch();
    assertThat(lapseTasks(entryId)).as("nothing has lapsed yet").isEmpty();

    moveClock(Duration.ofDays(21));
    runWatch();
    List<Task> tasks = lapseTasks(entryId);
    assertThat(tasks).hasSize(1);
    Task task = tasks.get(0);
    assertThat(task.getName()).isEqualTo("kintone：第三者認証の失効を確認する");
    assertThat(task.getDueDate()).isAfter(ClockUtil.getCurrentTime());
    assertThat(
            taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(link -> link.getGroupId())
                .toList())
        .containsExactly(StaffGroups.POLICY_REVIEWER);
    String shown = taskService.getVariable(task.getId(), "shown").toString();
    assertThat(shown)
        .contains("kintone")
        .contains(entryId.replace("-", "&#45;"))
        .contains("ISO/IEC 27017".replace("/", "&#47;"))
        .contains("有効期限が過ぎました");
    assertThat(as("nakamura", () -> taskService.createTaskQuery().taskId(task.getId()).count()))
        .as("情報政策課 sees it")
        .isEqualTo(1);

    String serviceManager = registry.find(entryId).orElseThrow().serviceManager();
    assertThat(lapseMails(entryId))
        .as("the service manager is told by mail")
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.get("recipient")).isEqualTo(serviceManager);
              assertThat((String) mail.get("subject")).contains("第三者認証の失効：ISO/IEC 27017");
              assertThat((String) mail.get("body"))
                  .contains("kintone", "IS 123456", "有効期限（" + JapanClock.japanese(isoValidUntil));
            });

    moveClock(Duration.ofDays(1));
    runWatch();
    assertThat(lapseTasks(entryId)).as("the same lapse, the next day: no second task").hasSize(1);
    assertThat(lapseMails(entryId)).as("nor a second mail").hasSize(1);

    InputValidationException empty =
        refused(
            () ->
                asUser(
                    "nakamura",
                    () -> {
                      taskService.claim(task.getId(), "nakamura");
                      formService.submitTaskForm(task.getId(), Map.of());
                    }));
    assertThat(fields(empty)).containsExactly(LapseConfirmationCompletion.HANDLING);
    asUser(
        "nakamura",
        () ->
            formService.submitTaskForm(
                task.getId(), Map.of(LapseConfirmationCompletion.HANDLING, "事業者に更新状況を確認した")));
    assertThat(lapseTasks(entryId)).isEmpty();
    runWatch();
    assertThat(lapseTasks(entryId)).as("handled, still no second task").isEmpty();
  }

  @Test
  @DisplayName("毎日の監視: 取り込み直したリストから登録が消えたサービスは、そのタスクが出る")
  void registrationRemovedFromTheListGivesItsTask() {
    importIsmap(ISMAP_LIST);
    ProcessInstance instance =
        inReview(withCertifications("C21-0001-1", "2099-12-31", "ismap.pdf"));
    String entryId = approve(instance);
    runWatch();
    assertThat(lapseTasks(entryId)).isEmpty();

    importIsmap(
        "登録番号,クラウドサービス名,クラウドサービス事業者名,登録日,有効期限\n"
            + "C21-0002-1,Microsoft 365,日本マイクロソフト株式会社,2021/03/12,2027/03/31\n");
    runWatch();
    List<Task> tasks = lapseTasks(entryId);
    assertThat(tasks).hasSize(1);
    assertThat(taskService.getVariable(tasks.get(0).getId(), "shown").toString())
        .contains("最新の公表リストから登録が消えました");
    runWatch();
    assertThat(lapseTasks(entryId)).hasSize(1);
  }
}
