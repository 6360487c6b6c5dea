package jp.lg.externalservice.security;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecordRepository;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryEntries;
import jp.lg.externalservice.registry.RegistryService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attacks on the issue-14 change (the draft start, drafts on the server, 申請一覧) by signed-in staff
 * over real HTTP. Every test asserts the safe behaviour: it fails when the hole is open.
 */
class Issue14AttackTest extends WebTest {

  @Autowired private RuntimeService runtimeService;
  @Autowired private TaskService taskService;
  @Autowired private HistoryService historyService;
  @Autowired private IdentityService identityService;
  @Autowired private CaseRecordRepository records;
  @Autowired private RegistryService registry;

  private Answer draft(String taskId, String user, Object body) {
    return send("PUT", "/api/tasks/" + taskId + "/draft", user, body);
  }

  private CaseRecord record(String instance) {
    return records.find(instance).orElseThrow();
  }

  private Task openTask(String instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult();
  }

  private static List<String> numbers(Answer answer) {
    List<String> numbers = new ArrayList<>();
    answer.body().forEach(row -> numbers.add(row.get("caseNumber").asText()));
    return numbers;
  }

  /** Moves a case to the given task, as if it had got there (the test's setup, not the attack). */
  private void moveTo(String instance, String from, String to) {
    runtimeService
        .createProcessInstanceModification(instance)
        .startBeforeActivity(to)
        .cancelAllForActivity(from)
        .execute();
  }

  @Test
  @DisplayName("下書きで事実（申請者・部署・ルート・判定・受付番号・差戻し理由・決定）は書けず、混ぜた正しい項目も保存されない")
  void draftsWriteNoFacts() {
    String instance = startApplication("sato", kintone().variables());
    String task = fillInTask(instance, "sato");
    Map<String, Object> before = runtimeService.getVariables(instance);
    List<String> facts =
        List.of(
            "applicant",
            "applicantName",
            "departmentCode",
            "departmentName",
            "route",
            "outcome",
            "caseNumber",
            "returnComment",
            "decision",
            "decisionChoice",
            "decisionReason",
            "classificationSummary",
            "serviceManagerName",
            "registryEntryId",
            "informationTypeLabels",
            "doubleCheckDecision",
            "overdueStep");
    for (String fact : facts) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("providerName", "混ぜた正しい項目");
      body.put(fact, "forged");
      Answer answer = draft(task, "sato", body);
      assertThat(answer.status()).as(fact + ": " + answer.text()).isEqualTo(400);
      assertThat(answer.text()).contains(fact);
    }
    assertThat(runtimeService.getVariables(instance))
        .as("nothing stored, not even the valid field sent with a fact")
        .isEqualTo(before);
    assertThat(record(instance).applicant().userId()).isEqualTo("sato");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .singleResult()
                .getBusinessKey())
        .isEqualTo(record(instance).caseNumber());
  }

  @Test
  @DisplayName("下書きの型: 文字の項目にオブジェクト、数値・真偽の文字列、一覧の代わりの文字列、巨大・深い・キーだらけの本文は拒否され、500 にならない")
  void draftsRefuseWrongTypesAndHugeBodies() {
    String instance = startApplication("sato", kintone().variables());
    String task = fillInTask(instance, "sato");
    Map<String, Object> before = runtimeService.getVariables(instance);
    List<Map<String, Object>> bad =
        List.of(
            Map.of("providerName", Map.of("value", "x", "type", "Object")),
            Map.of("providerName", List.of("a", "b")),
            Map.of("providerName", 42),
            Map.of("userCount", "12"),
            Map.of("userCount", Map.of("n", 12)),
            Map.of("paid", "true"),
            Map.of("paid", 1),
            Map.of("informationTypes", "PERSONAL"),
            Map.of("informationTypes", List.of(Map.of("x", "PERSONAL"))),
            Map.of("informationTypes", List.of(List.of("PERSONAL"))),
            Map.of("informationTypes", java.util.Collections.nCopies(101, "PERSONAL")),
            Map.of("informationTypes", List.of("x".repeat(201))),
            Map.of("periodStart", 20270401),
            Map.of("periodStart", Map.of("date", "2027-04-01")),
            Map.of("serviceName", "x".repeat(10_001)));
    for (Map<String, Object> body : bad) {
      Answer answer = draft(task, "sato", body);
      assertThat(answer.status())
          .as(
              body.keySet()
                  + " "
                  + answer.text().substring(0, Math.min(200, answer.text().length())))
          .isEqualTo(400);
    }
    assertThat(draft(task, "sato", List.of("providerName")).status()).isEqualTo(400);
    assertThat(
            post("/api/tasks/" + task + "/draft", "sato", "application/json", "\"text\"").status())
        .isIn(400, 405);
    assertThat(send("PUT", "/api/tasks/" + task + "/draft", "sato", null).status()).isEqualTo(400);

    String deep = "{\"providerName\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
    Answer deepAnswer =
        send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://localhost:" + port + "/api/tasks/" + task + "/draft"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(deep)),
            "sato");
    assertThat(deepAnswer.status()).as(deepAnswer.text()).isEqualTo(400);

    Map<String, Object> manyKeys = new LinkedHashMap<>();
    for (int i = 0; i < 30_000; i++) {
      manyKeys.put("k" + i, "v");
    }
    Answer many = draft(task, "sato", manyKeys);
    assertThat(many.status()).isIn(400, 413);
    assertThat(many.text().length())
        .as("the error names a bounded number of fields")
        .isLessThan(100_000);

    Answer tooLarge = draft(task, "sato", Map.of("purpose", "あ".repeat(600_000)));
    assertThat(tooLarge.status()).isIn(400, 413);

    Answer plain = post("/api/tasks/" + task + "/draft", "sato", "text/plain", "{}");
    assertThat(plain.status()).isNotEqualTo(200);
    assertThat(runtimeService.getVariables(instance)).isEqualTo(before);

    Answer ok =
        draft(task, "sato", Map.of("userCount", 12, "paid", false, "informationTypes", List.of()));
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
  }

  private Answer send(java.net.http.HttpRequest.Builder request, String user) {
    // the raw body above cannot go through the JSON writer of WebTest.send
    String credentials =
        java.util.Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try {
      var response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  request.header("Authorization", "Basic " + credentials).build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), null, response.body(), response.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("他人・所属長・管理者・未ログインは申請者の申請書に下書きできず、担当を渡すことも、完了後・審査側・他プロセスのタスクへの下書きもできない")
  void draftsOnlyOnTheApplicantsOwnOpenForm() {
    String instance = startApplication("sato", kintone().variables());
    String task = fillInTask(instance, "sato");
    for (String user : List.of("suzuki", "tanaka", "takahashi", "yamamoto", "demo:demo")) {
      assertThat(draft(task, user, Map.of("purpose", "乗っ取り")).status()).as(user).isEqualTo(404);
    }
    assertThat(draft(task, null, Map.of("purpose", "x")).status()).isEqualTo(401);
    assertThat(draft("no-such-task", "sato", Map.of("purpose", "x")).status()).isEqualTo(404);
    assertThat(draft("x".repeat(5000), "sato", Map.of("purpose", "x")).status()).isIn(400, 404);
    assertThat(runtimeService.getVariable(instance, "purpose")).isNull();

    Answer handOver =
        postJson("/engine-rest/task/" + task + "/assignee", "sato", Map.of("userId", "suzuki"));
    assertThat(handOver.status()).as(handOver.text()).isNotEqualTo(204);
    Answer delegate =
        postJson("/engine-rest/task/" + task + "/delegate", "sato", Map.of("userId", "suzuki"));
    assertThat(delegate.status()).as(delegate.text()).isNotEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
        .isEqualTo("sato");
    assertThat(draft(task, "suzuki", Map.of("purpose", "乗っ取り")).status()).isEqualTo(404);

    // completed: the form's task id is gone, and a draft does not reach the running case
    Answer filed =
        postJson(
            "/engine-rest/task/" + task + "/submit-form",
            "sato",
            formVariables(kintone().variables()));
    assertThat(filed.status()).as(filed.text()).isEqualTo(204);
    runAsyncContinuations();
    assertThat(draft(task, "sato", Map.of("informationTypes", List.of("MY_NUMBER"))).status())
        .isEqualTo(404);
    Task risks = openTask(instance, ApplicationProcess.Element.ACCEPT_RISKS);
    assertThat(
            draft(risks.getId(), "sato", Map.of("informationTypes", List.of("MY_NUMBER"))).status())
        .as("after classification an answer changes only through a correction")
        .isEqualTo(404);
    assertThat(runtimeService.getVariable(instance, "informationTypes").toString())
        .doesNotContain("MY_NUMBER");

    // a task of the review side: the double check, taken by the 利用責任者
    moveTo(
        instance, ApplicationProcess.Element.ACCEPT_RISKS, ApplicationProcess.Element.DOUBLE_CHECK);
    Task doubleCheck = openTask(instance, ApplicationProcess.Element.DOUBLE_CHECK);
    assertThat(
            postJson(
                    "/engine-rest/task/" + doubleCheck.getId() + "/claim",
                    "takahashi",
                    Map.of("userId", "takahashi"))
                .status())
        .isEqualTo(204);
    for (String user : List.of("takahashi", "sato")) {
      assertThat(draft(doubleCheck.getId(), user, Map.of("purpose", "x")).status())
          .as(user)
          .isEqualTo(404);
    }

    // a task of another process assigned to the same applicant
    String entryId =
        registry.register(RegistryEntries.inUse("終了する kintone", Route.PAID), "kobayashi", "a-1");
    Answer termination =
        postJson(
            "/engine-rest/process-definition/key/" + CaseProcesses.TERMINATION + "/submit-form",
            "sato",
            formVariables(TaskAnswers.terminationRequest(entryId, "FORM3")));
    assertThat(termination.status()).as(termination.text()).isEqualTo(200);
    for (Task other :
        taskService
            .createTaskQuery()
            .processInstanceId(termination.body().get("id").asText())
            .list()) {
      assertThat(draft(other.getId(), "sato", Map.of("purpose", "x")).status()).isEqualTo(404);
    }
    assertThat(runtimeService.getVariable(instance, "purpose")).isEqualTo("相談記録の共有");
  }

  @Test
  @DisplayName("修正中の下書きで取扱い情報を変えて完了すると、全体が検証し直され、判定もやり直される（下書きで規則を迂回できない）")
  void aCorrectionDraftIsValidatedAndClassifiedAgain() {
    String instance = fileApplication("sato", kintone().variables());
    assertThat(record(instance).classification().route()).isEqualTo(Route.PAID);
    moveTo(
        instance,
        ApplicationProcess.Element.ACCEPT_RISKS,
        ApplicationProcess.Element.CORRECT_APPLICATION);
    String correction = openTask(instance, ApplicationProcess.Element.CORRECT_APPLICATION).getId();
    // a second case of the same applicant, open at the same time
    String other = startApplication("sato", kintone().with("serviceName", "別の申請").variables());

    Answer saved =
        draft(
            correction,
            "sato",
            Map.of(
                "informationTypes", List.of("PERSONAL"),
                "periodEnd", "2020-01-01",
                "serviceManager", "nobody-here",
                "correctionNote", "個人情報も扱う"));
    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    assertThat(runtimeService.getVariable(other, "informationTypes"))
        .as("a draft reaches only its own case")
        .isNull();

    Answer refused =
        postJson(
            "/engine-rest/task/" + correction + "/submit-form",
            "sato",
            formVariables(Map.of("correctionNote", "個人情報も扱う")));
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.text()).contains("periodEnd", "serviceManager");
    assertThat(openTask(instance, ApplicationProcess.Element.CORRECT_APPLICATION)).isNotNull();
    assertThat(record(instance).classification().route())
        .as("nothing classified from a refused correction")
        .isEqualTo(Route.PAID);

    assertThat(
            draft(correction, "sato", Map.of("periodEnd", "2028-03-31", "serviceManager", "sato"))
                .status())
        .isEqualTo(200);
    Answer corrected =
        postJson(
            "/engine-rest/task/" + correction + "/submit-form",
            "sato",
            formVariables(Map.of("correctionNote", "個人情報も扱う")));
    assertThat(corrected.status()).as(corrected.text()).isEqualTo(204);
    runAsyncContinuations();
    CaseRecord after = record(instance);
    assertThat(after.classification().route())
        .as("the correction's draft answers were classified again")
        .isEqualTo(Route.IMPORTANT);
    assertThat(runtimeService.getVariable(instance, "route")).isEqualTo(Route.IMPORTANT.name());
    assertThat(
            taskService.createTaskQuery().processInstanceId(instance).list().stream()
                .map(Task::getTaskDefinitionKey)
                .toList())
        .as(
            "the corrected application goes through the applicant's checks and the double check again")
        .isNotEmpty()
        .allMatch(
            key ->
                Set.of(
                        ApplicationProcess.Element.CHECK_SELECTION_CRITERIA,
                        ApplicationProcess.Element.ACCEPT_RISKS,
                        ApplicationProcess.Element.SELF_CHECK_MEASURES)
                    .contains(key));
    assertThat(after.applicant().userId()).isEqualTo("sato");
  }

  @Test
  @DisplayName("申請一覧と記録: 他部署の職員・他部署の所属長・利用責任者・二つの部署に属する職員に他の申請は見えず、番号の推測にも同じ 404")
  void theListLeaksNothing() {
    String satos = fileApplication("sato", kintone().with("serviceName", "区民課の秘密").variables());
    String suzukis =
        fileApplication(
            "suzuki",
            kintone().with("serviceName", "福祉課の秘密").with("serviceManager", "suzuki").variables());
    String satoNumber = record(satos).caseNumber();
    String suzukiNumber = record(suzukis).caseNumber();

    Map<String, String> mustNotSeeSatos =
        Map.of("suzuki", "福祉課", "watanabe", "福祉課の所属長", "takahashi", "区民課の利用責任者");
    Answer unknown = get("/api/applications/R99-9999", "suzuki");
    for (var user : mustNotSeeSatos.entrySet()) {
      Answer list = get("/api/applications", user.getKey());
      assertThat(list.status()).isEqualTo(200);
      assertThat(numbers(list)).as(user.getValue()).doesNotContain(satoNumber);
      assertThat(list.text()).as(user.getValue()).doesNotContain("区民課の秘密", "佐藤");
      Answer probe = get("/api/applications/" + satoNumber, user.getKey());
      assertThat(probe.status()).as(user.getValue()).isEqualTo(404);
      assertThat(probe.text()).isEqualTo(unknown.text());
    }
    assertThat(numbers(get("/api/applications", "tanaka"))).doesNotContain(suzukiNumber);
    assertThat(get("/api/applications/" + suzukiNumber, "tanaka").status()).isEqualTo(404);
    for (String probe :
        List.of(
            satoNumber.toLowerCase(),
            satoNumber + "%20",
            "%25",
            "R8-0001'%20OR%20'1'='1",
            "..%2F" + satoNumber)) {
      assertThat(get("/api/applications/" + probe, "suzuki").status()).as(probe).isIn(400, 404);
    }
    assertThat(get("/api/applications?applicant=sato&departmentCode=kumin", "suzuki").text())
        .doesNotContain(satoNumber);

    assertThat(get("/api/approved-services", null).status()).isEqualTo(401);
    assertThat(get("/api/applications/" + satoNumber, null).status()).isEqualTo(401);
    Answer approved = get("/api/approved-services", "suzuki");
    assertThat(approved.status()).isEqualTo(200);
    approved
        .body()
        .forEach(
            row ->
                assertThat(iterable(row.fieldNames()))
                    .as("no people, no reasons")
                    .doesNotContain("applicant", "applicantName", "decisionReason", "caseNumber"));

    // a member of two departments, 所属長 of one of them (福祉課)
    User dual = identityService.newUser("dual");
    dual.setFirstName("二");
    dual.setLastName("兼務");
    dual.setPassword("dual");
    identityService.saveUser(dual);
    try {
      for (String group : List.of("dept-kumin", "dept-fukushi", "unit-head-fukushi")) {
        identityService.createMembership("dual", group);
      }
      Answer list = get("/api/applications", "dual");
      assertThat(list.status()).isEqualTo(200);
      assertThat(numbers(list)).doesNotContain(satoNumber);
      assertThat(get("/api/applications/" + satoNumber, "dual").status()).isEqualTo(404);
    } finally {
      identityService.deleteUser("dual");
    }
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  @Test
  @DisplayName("申請一覧の記録: 自分の終了手続の受付番号を開いても 500 にならず、他と同じ 404")
  void aTerminationNumberIsNotAnApplication() {
    String entryId =
        registry.register(RegistryEntries.inUse("終了する Box", Route.PAID), "kobayashi", "a-2");
    Answer termination =
        postJson(
            "/engine-rest/process-definition/key/" + CaseProcesses.TERMINATION + "/submit-form",
            "sato",
            formVariables(TaskAnswers.terminationRequest(entryId, "FORM3")));
    assertThat(termination.status()).as(termination.text()).isEqualTo(200);
    String number = record(termination.body().get("id").asText()).caseNumber();
    assertThat(number).isNotNull();
    for (String user : List.of("sato", "tanaka", "yamamoto")) {
      Answer answer = get("/api/applications/" + number, user);
      assertThat(answer.status()).as(user + ": " + answer.text()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName("開始: 申請者・受付番号・ルートなどの余分な項目、業務キー、リスナーの省略、内側からの開始は拒否され、受付番号はサーバーが決める")
  void theStartTakesOnlyTheServiceName() {
    long stored = storedRecords();
    String base = "/engine-rest/process-definition/key/" + CaseProcesses.APPLICATION;
    for (String extra :
        List.of("applicant", "caseNumber", "route", "outcome", "departmentCode", "providerName")) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("serviceName", "余分な項目");
      variables.put(extra, "forged");
      Answer answer = postJson(base + "/submit-form", "sato", formVariables(variables));
      assertThat(answer.status()).as(extra + ": " + answer.text()).isEqualTo(400);
      Answer viaStart = postJson(base + "/start", "sato", formVariables(variables));
      assertThat(viaStart.status()).as(extra + ": " + viaStart.text()).isEqualTo(400);
    }
    Map<String, Object> name = formVariables(Map.of("serviceName", "業務キーの偽造"));
    List<Map<String, Object>> forged =
        List.of(
            with(name, "businessKey", "R8-0001"),
            with(name, "skipCustomListeners", true),
            with(name, "skipIoMappings", true),
            with(
                name,
                "startInstructions",
                List.of(
                    Map.of(
                        "type",
                        "startBeforeActivity",
                        "activityId",
                        ApplicationProcess.Element.DOUBLE_CHECK))),
            with(name, "caseInstanceId", "x"));
    for (Map<String, Object> body : forged) {
      for (String endpoint : List.of("/submit-form", "/start")) {
        Answer answer = postJson(base + endpoint, "sato", body);
        assertThat(answer.status()).as(endpoint + " " + body.keySet()).isEqualTo(400);
      }
    }
    assertThat(
            postJson(base + "/start", "sato", formVariables(Map.of("serviceName", "x".repeat(201))))
                .status())
        .isEqualTo(400);
    assertThat(
            postJson(
                    base + "/start",
                    "sato",
                    Map.of(
                        "variables",
                        Map.of("serviceName", Map.of("value", "{\"a\":1}", "type", "Json"))))
                .status())
        .isEqualTo(400);
    assertThat(storedRecords()).as("nothing stored by a refused start").isEqualTo(stored);

    Answer started =
        postJson(base + "/start", "sato", formVariables(Map.of("serviceName", "REST の開始")));
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    String instance = started.body().get("id").asText();
    CaseRecord record = record(instance);
    assertThat(started.body().get("businessKey").asText()).isEqualTo(record.caseNumber());
    assertThat(runtimeService.getVariable(instance, "caseNumber")).isEqualTo(record.caseNumber());
    assertThat(record.applicant().userId()).isEqualTo("sato");
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    copy.put(key, value);
    return copy;
  }

  @Test
  @DisplayName("同時に開始した申請はそれぞれ別の受付番号を得て、それが業務キーになる")
  void concurrentStartsGetDistinctNumbers() throws Exception {
    int starts = 6;
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < starts; i++) {
        String user = i % 2 == 0 ? "sato" : "suzuki";
        String serviceName = "同時 " + i;
        Callable<Answer> start =
            () -> {
              go.await();
              return postJson(
                  "/engine-rest/process-definition/key/"
                      + CaseProcesses.APPLICATION
                      + "/submit-form",
                  user,
                  formVariables(Map.of("serviceName", serviceName)));
            };
        answers.add(pool.submit(start));
      }
      go.countDown();
      List<String> numbers = new ArrayList<>();
      for (Future<Answer> future : answers) {
        Answer answer = future.get(120, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        String instance = answer.body().get("id").asText();
        String number = record(instance).caseNumber();
        assertThat(answer.body().get("businessKey").asText()).isEqualTo(number);
        numbers.add(number);
      }
      Set<String> distinct = numbers.stream().collect(Collectors.toSet());
      assertThat(distinct).as(numbers.toString()).hasSize(starts);
      assertThat(
              historyService
                  .createHistoricProcessInstanceQuery()
                  .processInstanceBusinessKeyIn(distinct.toArray(String[]::new))
                  .count())
          .isEqualTo(starts);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("提出と同時に送った下書きは、提出が検証・判定した後に申請を書き換えない（どちらか一方だけが成立する）")
  void aDraftRacingTheFilingDoesNotChangeTheFiledApplication() throws Exception {
    for (int round = 0; round < 20; round++) {
      String instance = startApplication("sato", kintone().variables());
      String task = fillInTask(instance, "sato");
      Map<String, Object> answers = new LinkedHashMap<>();
      for (var answer : kintone().variables().entrySet()) {
        answers.put(
            answer.getKey(),
            answer.getValue() instanceof org.camunda.spin.plugin.variable.value.JsonValue json
                ? JSON.readTree(json.getValueSerialized())
                : answer.getValue());
      }
      assertThat(draft(task, "sato", answers).status()).isEqualTo(200);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch go = new CountDownLatch(1);
      try {
        // the filing takes everything from the draft; the late draft is refused by the completion
        // (a periodEnd before periodStart) if it is seen, and must not land unseen
        Future<Answer> filing =
            pool.submit(
                () -> {
                  go.await();
                  return postJson(
                      "/engine-rest/task/" + task + "/submit-form",
                      "sato",
                      Map.of("variables", Map.of()));
                });
        Future<Integer> lateDrafts =
            pool.submit(
                () -> {
                  go.await();
                  int saved = 0;
                  for (int i = 0; i < 200; i++) {
                    int status =
                        draft(
                                task,
                                "sato",
                                Map.of(
                                    "informationTypes",
                                    List.of("MY_NUMBER"),
                                    "periodEnd",
                                    "2000-01-01"))
                            .status();
                    if (status != 200) {
                      break;
                    }
                    saved++;
                  }
                  return saved;
                });
        go.countDown();
        Answer filed = filing.get(60, TimeUnit.SECONDS);
        lateDrafts.get(60, TimeUnit.SECONDS);
        if (filed.status() != 204) {
          assertThat(fillInTask(instance, "sato"))
              .as("a failed filing leaves the form open")
              .isEqualTo(task);
          continue;
        }
        assertThat(runtimeService.getVariable(instance, "periodEnd"))
            .as("round " + round + ": no draft landed after the filing was validated")
            .isEqualTo("2028-03-31");
        assertThat(runtimeService.getVariable(instance, "informationTypes").toString())
            .doesNotContain("MY_NUMBER");
        assertThat(record(instance).classification().route()).isEqualTo(Route.PAID);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
