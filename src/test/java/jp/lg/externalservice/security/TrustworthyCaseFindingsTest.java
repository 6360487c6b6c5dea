package jp.lg.externalservice.security;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.administration.DemoData;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;
import jp.lg.externalservice.registry.EntryType;
import jp.lg.externalservice.registry.NewRegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.review.ReviewProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The findings of issue 12 ("What was found"), each replayed as the signed-in user who found it,
 * over the real HTTP API: each must now be refused and leave no trace. Refusal is 400 or 403 (413
 * for an oversized upload).
 */
class TrustworthyCaseFindingsTest extends WebTest {

  private static final String APPLICATION = CaseProcesses.APPLICATION;
  private static final byte[] PDF = "%PDF-1.4\n% 約款の画面コピー\n".getBytes(StandardCharsets.UTF_8);

  @Autowired RegistryService registry;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired DemoData demoData;

  @Test
  @DisplayName("メッセージ: 他部署（と自部署）の台帳番号で Message_TerminationRequired を送っても拒否され、終了手続は始まらない")
  void terminationMessageFromStaffIsRefused() {
    for (String department : List.of("fukushi", "kumin")) {
      String entryId = registry.register(entry(department), "kobayashi", "approval");
      Answer answer =
          postJson(
              "/engine-rest/message",
              "sato",
              Map.of(
                  "messageName",
                  CaseProcesses.MESSAGE_TERMINATION_REQUIRED,
                  "businessKey",
                  entryId,
                  "processVariables",
                  Map.of(
                      "registryEntryId",
                      Map.of("value", entryId),
                      "applicant",
                      Map.of("value", "sato"),
                      "terminationReason",
                      Map.of("value", "不要になった"))));
      assertThat(answer.status()).as("%s: %s", department, answer.text()).isIn(400, 403);
      assertThat(
              historyService
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(CaseProcesses.TERMINATION)
                  .processInstanceBusinessKey(entryId)
                  .count())
          .as("no termination of %s", entryId)
          .isZero();
      assertThat(registry.find(entryId).orElseThrow().status()).isEqualTo(RegistryStatus.ACTIVE);
    }
  }

  @Test
  @DisplayName("添付: エンジンの添付 API は 40 MB のファイルも .pdf と名乗る HTML も、管理者からも受け付けず、削除もできない")
  void engineAttachmentEndpointsAreClosed() {
    String instance = apply("sato", kintone().paid(false));
    String taskId = firstTask(instance);
    byte[] large = Arrays.copyOf(PDF, 40 * 1024 * 1024);
    byte[] html =
        "<html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    // a server that refuses without reading may close the connection once it stops swallowing the
    // body (status 0)
    assertThat(engineAttachment("sato", taskId, "約款.pdf", large).status())
        .as("40 MB")
        .isIn(0, 400, 403, 413);
    assertThat(engineAttachment("sato", taskId, "約款.pdf", html).status())
        .as("HTML named .pdf")
        .isIn(400, 403);
    assertThat(engineAttachment("demo", taskId, "約款.pdf", PDF).status())
        .as("closed for administrators too")
        .isIn(400, 403);
    assertThat(taskService.getTaskAttachments(taskId)).as("nothing stored with the task").isEmpty();
    assertThat(taskService.getProcessInstanceAttachments(instance))
        .as("nor with the case")
        .isEmpty();

    // an attachment the engine holds for the task (e.g. stored before the guard) is not deleted
    // over its endpoint
    String attachmentId =
        taskService
            .createAttachment(
                "application/pdf",
                taskId,
                null,
                "約款.pdf",
                "約款",
                new java.io.ByteArrayInputStream(PDF))
            .getId();
    for (String user : List.of("sato", "demo")) {
      assertThat(
              send(
                      "DELETE",
                      "/engine-rest/task/" + taskId + "/attachment/" + attachmentId,
                      user,
                      null)
                  .status())
          .as("DELETE by %s", user)
          .isIn(400, 403);
    }
    assertThat(taskService.getTaskAttachments(taskId)).hasSize(1);
  }

  @Test
  @DisplayName("ジョブ: 職員は履歴削除ジョブを停止も 2099 年への移動も実行もできず、ジョブ定義も止められない（R-18）")
  void staffCannotTouchJobs() {
    Job cleanup = historyService.cleanUpHistoryAsync(true); // as an administrator schedules it
    JobDefinition definition = managementService.createJobDefinitionQuery().list().get(0);
    Date due = cleanup.getDuedate();
    int retries = cleanup.getRetries();
    try {
      String job = "/engine-rest/job/" + cleanup.getId();
      assertThat(send("PUT", job + "/suspended", "sato", Map.of("suspended", true)).status())
          .isIn(400, 403);
      assertThat(
              send(
                      "PUT",
                      job + "/duedate",
                      "sato",
                      Map.of("duedate", "2099-01-01T00:00:00.000+0900"))
                  .status())
          .isIn(400, 403);
      assertThat(send("PUT", job + "/retries", "sato", Map.of("retries", 0)).status())
          .isIn(400, 403);
      assertThat(postJson(job + "/execute", "sato", Map.of()).status()).isIn(400, 403);
      String jobDefinition = "/engine-rest/job-definition/" + definition.getId();
      assertThat(
              send(
                      "PUT",
                      jobDefinition + "/suspended",
                      "sato",
                      Map.of("suspended", true, "includeJobs", true))
                  .status())
          .isIn(400, 403);
      assertThat(send("PUT", jobDefinition + "/retries", "sato", Map.of("retries", 0)).status())
          .isIn(400, 403);

      Job now = managementService.createJobQuery().jobId(cleanup.getId()).singleResult();
      assertThat(now).as("the cleanup job is still there").isNotNull();
      assertThat(now.isSuspended()).isFalse();
      assertThat(now.getDuedate()).isEqualTo(due);
      assertThat(now.getRetries()).isEqualTo(retries);
      assertThat(
              managementService
                  .createJobDefinitionQuery()
                  .jobDefinitionId(definition.getId())
                  .singleResult()
                  .isSuspended())
          .isFalse();
    } finally {
      // put back what a hole changed: the test context is shared with other test classes
      managementService.activateJobById(cleanup.getId());
      managementService.activateJobDefinitionById(definition.getId(), true);
    }
  }

  @Test
  @DisplayName("本人情報: 職員は自分の氏名もパスワードも変えられず、自分を削除できない。次の申請の申請者名は名簿の氏名")
  void staffCannotRenameOrDeleteThemselves() {
    try {
      assertThat(
              send(
                      "PUT",
                      "/engine-rest/user/sato/profile",
                      "sato",
                      Map.of(
                          "id",
                          "sato",
                          "firstName",
                          "誠",
                          "lastName",
                          "田中",
                          "email",
                          "sato@example.lg.jp"))
                  .status())
          .as("rename")
          .isIn(400, 403);
      assertThat(
              send(
                      "PUT",
                      "/engine-rest/user/sato/credentials",
                      "sato",
                      Map.of("password", "Another-passw0rd", "authenticatedUserPassword", "sato"))
                  .status())
          .as("new password")
          .isIn(400, 403);
      User sato = identityService.createUserQuery().userId("sato").singleResult();
      assertThat(sato.getLastName() + " " + sato.getFirstName()).isEqualTo("佐藤 花子");
      assertThat(identityService.checkPassword("sato", "sato")).isTrue();

      String instance =
          apply("sato", kintone().service("名簿の氏名", "CLOUD_INTERNET", "BUSINESS_APPLICATION"));
      assertThat(runtimeService.getVariable(instance, "applicantName")).isEqualTo("佐藤 花子");

      assertThat(send("DELETE", "/engine-rest/user/sato", "sato", null).status())
          .as("delete")
          .isIn(400, 403);
      assertThat(identityService.createUserQuery().userId("sato").count()).isEqualTo(1);
    } finally {
      restoreSato();
    }
  }

  @Test
  @DisplayName("担当の変更: 情報化企画の審査担当は審査タスクを申請者・その所属長・グループ外の人へ割当も委任もできない。グループ内の適格者へは割り当てられる")
  void assignmentStaysInTheGroupAndOutsideFourEyes() {
    String instance =
        apply("sato", kintone().service("担当変更", "CLOUD_INTERNET", "BUSINESS_APPLICATION"));
    complete(
        firstTask(instance),
        "sato",
        TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS));
    complete(firstTask(instance), "sato", TaskAnswers.measuresAllMet());
    complete(firstTask(instance), "takahashi", TaskAnswers.doubleCheck("FORWARD", null));
    String review =
        taskService
            .createTaskQuery()
            .taskDefinitionKey(ReviewProcess.Element.REVIEW_IT_PLANNING)
            .processVariableValueEquals("serviceName", "担当変更")
            .singleResult()
            .getId();
    String task = "/engine-rest/task/" + review;
    // the applicant and her 所属長 are in the group for this test, so that only four-eyes can
    // refuse them
    List<String> added = List.of("sato", "tanaka", "nakamura");
    added.forEach(user -> identityService.createMembership(user, StaffGroups.IT_PLANNING));
    try {
      assertThat(postJson(task + "/assignee", "kimura", Map.of("userId", "sato")).status())
          .as("to the applicant")
          .isIn(400, 403);
      assertThat(postJson(task + "/delegate", "kimura", Map.of("userId", "sato")).status())
          .as("delegated")
          .isIn(400, 403);
      assertThat(postJson(task + "/assignee", "kimura", Map.of("userId", "tanaka")).status())
          .as("to her 所属長")
          .isIn(400, 403);
      assertThat(postJson(task + "/assignee", "kimura", Map.of("userId", "suzuki")).status())
          .as("outside the group")
          .isIn(400, 403);
      assertThat(postJson(task + "/claim", "kimura", Map.of("userId", "nakamura")).status())
          .as("a claim for someone else")
          .isIn(400, 403);
      assertThat(
              WebappSession.login(port, "kimura")
                  .send("POST", "/task/" + review + "/assignee", Map.of("userId", "sato"))
                  .status())
          .as("to the applicant through Tasklist's session")
          .isIn(400, 403);
      Task unchanged = taskService.createTaskQuery().taskId(review).singleResult();
      assertThat(unchanged.getAssignee()).isNull();
      assertThat(unchanged.getOwner()).isNull();

      assertThat(postJson(task + "/assignee", "kimura", Map.of("userId", "nakamura")).status())
          .as("to another eligible member of 情報化企画")
          .isEqualTo(204);
      assertThat(taskService.createTaskQuery().taskId(review).singleResult().getAssignee())
          .isEqualTo("nakamura");
    } finally {
      added.forEach(user -> identityService.deleteMembership(user, StaffGroups.IT_PLANNING));
    }
  }

  @Test
  @DisplayName("変数の型: 任意のクラス名の Object 型やバイト列は submit-form で 400（変数名つき）になり、案件は読めるまま")
  void onlyTheTypesFormsUseAreAccepted() {
    String instance = apply("sato", kintone().paid(false));
    String taskId = firstTask(instance);
    Map<String, Object> answers =
        TaskAnswers.risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS);
    Map<String, Object> gadget =
        Map.of(
            "type",
            "Object",
            "value",
            "{\"command\":\"calc\"}",
            "valueInfo",
            Map.of(
                "objectTypeName",
                "com.example.Gadget",
                "serializationDataFormat",
                "application/json"));
    Map<String, Object> bytes =
        Map.of("type", "Bytes", "value", Base64.getEncoder().encodeToString(PDF));
    // preparationNote is a field of this form: only its type is wrong
    for (Map<String, Object> hostile : List.of(gadget, bytes)) {
      Answer answer =
          postJson(
              "/engine-rest/task/" + taskId + "/submit-form",
              "sato",
              withVariable(formVariables(answers), "preparationNote", hostile));
      assertThat(answer.status()).as("%s: %s", hostile.get("type"), answer.text()).isEqualTo(400);
      assertThat(answer.text()).contains("preparationNote");
    }
    assertThat(taskService.createTaskQuery().taskId(taskId).count())
        .as("the task stays open")
        .isEqualTo(1);
    assertThat((Object) runtimeService.getVariableTyped(instance, "preparationNote", false))
        .as("nothing stored")
        .isNull();
    assertThat(get("/engine-rest/process-instance/" + instance + "/variables", "sato").status())
        .isEqualTo(200);
    assertThat(get("/engine-rest/task/" + taskId + "/form-variables", "sato").status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("開始フォーム: applicant に他人を入れても申請者は本人。businessKey・開始指示・リスナー省略は拒否される")
  void theApplicantIsTheCaller() {
    Map<String, Object> someoneElse =
        formVariables(
            kintone()
                .service("他人名義", "CLOUD_INTERNET", "BUSINESS_APPLICATION")
                .with("applicant", "suzuki")
                .with("departmentCode", "fukushi")
                .variables());
    String byId = "/engine-rest/process-definition/" + runtimeDefinitionId() + "/submit-form";
    for (String path :
        List.of("/engine-rest/process-definition/key/" + APPLICATION + "/submit-form", byId)) {
      long before = applications();
      Answer answer = postJson(path, "sato", someoneElse);
      if (answer.status() == 200) { // ignored: the case is the caller's
        String instance = answer.body().get("id").asText();
        assertThat(runtimeService.getVariable(instance, "applicant")).isEqualTo("sato");
        assertThat(runtimeService.getVariable(instance, "departmentCode")).isEqualTo("kumin");
        assertThat(
                taskService
                    .createTaskQuery()
                    .processInstanceId(instance)
                    .singleResult()
                    .getAssignee())
            .isEqualTo("sato");
      } else { // or refused
        assertThat(answer.status()).as(answer.text()).isIn(400, 403);
        assertThat(applications()).isEqualTo(before);
      }
    }

    Map<String, Object> valid =
        formVariables(
            kintone().service("開始の指定", "CLOUD_INTERNET", "BUSINESS_APPLICATION").variables());
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("businessKey", "REG-2026-9999");
    options.put("skipCustomListeners", true);
    options.put("skipIoMappings", true);
    options.put("caseInstanceId", "case-1");
    options.put(
        "startInstructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", CaseSteps.DOUBLE_CHECK)));
    options.forEach(
        (option, value) -> {
          long before = applications();
          Map<String, Object> body = new LinkedHashMap<>(valid);
          body.put(option, value);
          Answer answer =
              postJson(
                  "/engine-rest/process-definition/key/" + APPLICATION + "/start", "sato", body);
          assertThat(answer.status()).as("%s: %s", option, answer.text()).isIn(400, 403);
          assertThat(applications()).as("nothing started with %s", option).isEqualTo(before);
        });
  }

  // --- helpers
  // -----------------------------------------------------------------------------------------------------

  /** Files an application through the start form over REST; returns the instance id. */
  private String apply(String applicant, ApplicationAnswers answers) {
    return fileApplication(applicant, answers.variables());
  }

  /**
   * The open task of the application or of the process it called (one at a time in these walks).
   */
  private String firstTask(String instanceId) {
    List<String> ids = new java.util.ArrayList<>(List.of(instanceId));
    runtimeService
        .createProcessInstanceQuery()
        .superProcessInstanceId(instanceId)
        .list()
        .forEach(called -> ids.add(called.getId()));
    return taskService
        .createTaskQuery()
        .processInstanceIdIn(ids.toArray(String[]::new))
        .orderByTaskCreateTime()
        .asc()
        .list()
        .get(0)
        .getId();
  }

  private void complete(String taskId, String user, Map<String, Object> answers) {
    Answer done =
        postJson("/engine-rest/task/" + taskId + "/submit-form", user, formVariables(answers));
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    runAsyncContinuations();
  }

  private long applications() {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(APPLICATION)
        .count();
  }

  private String runtimeDefinitionId() {
    return get("/engine-rest/process-definition/key/" + APPLICATION, "sato")
        .body()
        .get("id")
        .asText();
  }

  private static Map<String, Object> withVariable(
      Map<String, Object> body, String name, Object variable) {
    @SuppressWarnings("unchecked")
    Map<String, Object> variables =
        new LinkedHashMap<>((Map<String, Object>) body.get("variables"));
    variables.put(name, variable);
    return Map.of("variables", variables);
  }

  /** An approved service of the department in the registry, as the approval records it. */
  private static NewRegistryEntry entry(String department) {
    boolean kumin = department.equals("kumin");
    return new NewRegistryEntry(
        EntryType.SERVICE,
        "終了メッセージ " + department,
        "提供会社",
        ServiceKind.CLOUD_INTERNET,
        ServiceCategory.BUSINESS_APPLICATION,
        department,
        kumin ? "区民課" : "福祉課",
        Route.PAID,
        Outcome.APPLICATION_REQUIRED,
        "利用申請が必要",
        "[]",
        "[]",
        kumin ? "tanaka" : "watanabe",
        kumin ? "田中 誠" : "渡辺 直子",
        kumin ? "sato" : "suzuki",
        kumin ? "佐藤 花子" : "鈴木 一郎",
        LocalDate.of(2027, 4, 1),
        LocalDate.of(2028, 3, 31),
        null);
  }

  /**
   * Puts sato back as the directory has her, in case a hole let the test change her (the context is
   * shared).
   */
  private void restoreSato() {
    User sato = identityService.createUserQuery().userId("sato").singleResult();
    if (sato == null) {
      demoData.create();
      return;
    }
    sato.setFirstName("花子");
    sato.setLastName("佐藤");
    sato.setPassword("sato");
    identityService.saveUser(sato);
  }

  /**
   * {@code POST /engine-rest/task/{id}/attachment/create}, the engine's own attachment endpoint
   * (multipart).
   */
  private Answer engineAttachment(String user, String taskId, String fileName, byte[] content) {
    return multipart(
        user,
        "/engine-rest/task/" + taskId + "/attachment/create",
        Map.of(
            "attachment-name",
            fileName,
            "attachment-description",
            "約款",
            "attachment-type",
            "application/pdf"),
        "content",
        fileName,
        content);
  }

  /**
   * A multipart upload; {@code Expect: 100-continue}, so a server that refuses need not read a
   * large body. Status 0 when the server closed the connection without an answer (Tomcat does so
   * after max-swallow-size).
   */
  private Answer multipart(
      String user,
      String path,
      Map<String, String> fields,
      String filePart,
      String fileName,
      byte[] content) {
    String boundary = "----adversarial" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + filePart
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .expectContinue(true)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      return new Answer(
          response.statusCode(),
          text.startsWith("{") ? JSON.readTree(text) : null,
          text,
          response.headers());
    } catch (java.io.IOException closed) {
      return new Answer(0, null, closed.toString(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
