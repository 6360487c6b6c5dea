package jp.lg.externalservice.security;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.allCriteriaMet;
import static jp.lg.externalservice.TaskAnswers.checklist;
import static jp.lg.externalservice.TaskAnswers.decision;
import static jp.lg.externalservice.TaskAnswers.doubleCheck;
import static jp.lg.externalservice.TaskAnswers.measuresAllMet;
import static jp.lg.externalservice.TaskAnswers.review;
import static jp.lg.externalservice.TaskAnswers.risksAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.operation.OperationProcess;
import jp.lg.externalservice.review.ReviewProcess;
import jp.lg.externalservice.sns.SnsProcess;
import jp.lg.externalservice.termination.TerminationProcess;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 12, "Each task takes exactly its own form's fields": an adversarial walk through the real
 * HTTP API. The tasks to attack are read from the deployed diagrams, the fields a task may write
 * from its deployed Camunda Form; real cases are walked through every user task by the demo users
 * (the engine clock is moved for the overdue tasks), and at each task its rightful worker tries to
 * write the facts that only the server may write through every path of the engine REST API. Each
 * attempt must be refused and leave the case as it was (read through the Java API as the system);
 * the test fails if any user task of any deployed diagram was not attacked.
 *
 * <p>Run time: the full product of tasks × vectors × facts would be about 44 × 18 × 26 requests.
 * Instead each task gets every vector once (with one fact, rotating over the facts from task to
 * task) and every fact once through {@code submit-form} (the path Tasklist uses, where a whitelist
 * could have holes). The vectors that would move the case on if they got through (the completions)
 * come last, and the first fact of the completions is the display name, so that on a branch without
 * the guard the walk still reaches every task and the report lists every hole.
 *
 * <p>Configured as a national body, so that the review may ask NISC for advice and that task
 * is reached.
 */
@Tag("own-application-context") // boots the application with its own settings: a JVM of its own
// (pom.xml)
@TestPropertySource(properties = "external-service.organisation.national-body=true")
class AdversarialRestTest extends WebTest {

  /**
   * Facts that only the server writes (issue 12 "What a user gets" 1), with values an attacker
   * would send.
   */
  private static final List<Fact> FACTS =
      List.of(
          new Fact("applicantName", "木村 拓也", "鈴木 一郎"),
          new Fact("applicant", "suzuki", "kimura"),
          new Fact("departmentCode", "fukushi", "kumin,staff"),
          new Fact("departmentName", "福祉課", "区民課"),
          new Fact("outcome", "NO_APPLICATION", "APPLICATION_REQUIRED"),
          new Fact("route", "FREE", "PAID"),
          new Fact("importantInformation", false, true),
          new Fact("applicationForm", "NONE", "FORM_2"),
          new Fact("itPlanningRequired", false, true),
          new Fact("conditions", json("[]"), json("[\"PRIOR_CONSULTATION\"]")),
          new Fact("discouraged", false, true),
          // what the review prepares for its gateways and checks (R-8, R-19, 004 §9(2))
          new Fact("carefulJudgmentRequired", false, true),
          new Fact("priorConsultationRequired", false, true),
          new Fact("specificCommunicationRequired", false, true),
          new Fact("governmentCloudRules", false, true),
          new Fact("niscAdviceAvailable", true, false),
          new Fact("itPlanningDecision", "APPROVED", "REJECTED"),
          new Fact("doubleCheckedBy", "鈴木 一郎", "suzuki"),
          new Fact("reviewedBy", "suzuki", "鈴木 一郎"),
          new Fact("decidedBy", "鈴木 一郎", "suzuki"),
          new Fact("returnedBy", "鈴木 一郎", "suzuki"),
          new Fact("decision", "APPROVED", "REJECTED"),
          new Fact("doubleCheckDecision", "FORWARD", "REJECT"),
          new Fact("serviceManager", "suzuki", "kimura"),
          new Fact("serviceAdministrator", "suzuki", "kimura"),
          new Fact("registryEntryId", "REG-1900-0001", "REG-1900-0002"));

  private static final String APPLICATION = CaseProcesses.APPLICATION;

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;

  @Autowired jp.lg.externalservice.certification.ServiceListImport certificationLists;
  @Autowired jp.lg.externalservice.registry.RegistryService registry;
  @Autowired org.springframework.context.ApplicationEventPublisher events;

  /** "processKey:taskKey" of every task definition attacked. */
  private final Set<String> attacked = new TreeSet<>();

  /** Each attempt that was not refused or that changed the case. */
  private final List<String> holes = new ArrayList<>();

  private final Map<String, WebappSession> sessions = new HashMap<>();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("全ダイアグラムの全ユーザータスクで、正当な担当者が REST のあらゆる経路から保護された事実を書き換えようとしても拒否され、案件は変わらない")
  void noPathWritesAFactThatIsNotTheTasksOwnField() {
    Set<String> modelled = deployedUserTasks();
    Throwable walkStopped = null;
    try {
      attackTheStart();
      importantGovernmentCloudServiceFromApplicationToTermination();
      lgwanAspServiceWithSpecificCommunicationIsRejected();
      outcomesThatEndAfterTheApplicantHasReadThem();
      snsRegistrationIsRejected();
      certificationLapseIsConfirmed();
      vacancyGetsASuccessor();
    } catch (AssertionError | RuntimeException e) {
      walkStopped = e;
    }
    Set<String> missed = new TreeSet<>(modelled);
    missed.removeAll(attacked);
    String report =
        (walkStopped == null ? "" : "the walk stopped: " + walkStopped + "\n")
            + (missed.isEmpty()
                ? ""
                : "user tasks of the deployed diagrams never attacked: " + missed + "\n")
            + (holes.isEmpty()
                ? ""
                : holes.size()
                    + " attacks not refused or with an effect:\n  "
                    + String.join("\n  ", holes));
    assertThat(attacked).as("the model lists the user tasks").isNotEmpty();
    if (!report.isEmpty()) {
      throw new AssertionError(report, walkStopped);
    }
  }

  // --- the cases walked
  // --------------------------------------------------------------------------------------------

  /**
   * Personal information in a government cloud reached from the LGWAN segment: IMPORTANT with prior
   * consultation, 情報化企画 and NISC advice; returned once by the double check; overdue double
   * check and consultation; approved, then in operation every periodic duty and its escalation, the
   * events, a reclassification, the stop of use for overseas data, and the termination with a
   * return, an overdue correction and 様式3.
   */
  private void importantGovernmentCloudServiceFromApplicationToTermination() {
    ApplicationAnswers governmentCloud =
        kintone()
            .service("ガバメントクラウド基盤", "GOVERNMENT_CLOUD", "BUSINESS_APPLICATION")
            .connectionZones("LGWAN")
            .informationTypes("PERSONAL");
    Case c =
        apply("sato", governmentCloud)
            .answer(ApplicationProcess.Element.CHECK_SELECTION_CRITERIA, allCriteriaMet())
            .answer(ApplicationProcess.Element.SELF_CHECK_MEASURES, measuresAllMet())
            .answer(
                CaseSteps.DOUBLE_CHECK,
                doubleCheck("RETURN", "項目 8 の根拠を添付してください"),
                doubleCheck("FORWARD", null))
            .answer(
                ApplicationProcess.Element.CORRECT_APPLICATION,
                with(governmentCloud.variables(), "correctionNote", "根拠資料を添付しました"))
            .answer(
                ReviewProcess.Element.RECORD_PRIOR_CONSULTATION,
                Map.of(
                    "priorConsultationResult",
                    "LGWAN 経由の接続構成で問題なし",
                    "priorConsultationDate",
                    "2027-01-10"))
            .answer(CaseSteps.REVIEW, review("REQUEST_NISC_ADVICE", null), review("APPROVE", null))
            .answer(
                ReviewProcess.Element.RECORD_NISC_ADVICE,
                Map.of("niscAdvice", "統一基準 4.2.2 に沿った対策で足りる"))
            .answer(
                ReviewProcess.Element.REVIEW_IT_PLANNING, Map.of("itPlanningDecision", "APPROVED"))
            .answer(CaseSteps.DECIDE, decision("APPROVE", null))
            .answer(
                ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS, TaskAnswers.usageRisksAcknowledged())
            .answer(ReviewProcess.Element.RECORD_CONTRACT, Map.of("contractDate", "2099-06-01"))
            .answer(
                OperationProcess.Element.INTRODUCTION_CHECKLIST,
                Map.of("checklist", checklist("i", 6)))
            .answer(
                OperationProcess.Element.GOVERNMENT_CLOUD_CHECKLIST,
                Map.of("checklist", checklist("g", 19)))
            .answer(
                OperationProcess.Element.INITIAL_OPERATION_CHECKLIST,
                Map.of("checklist", checklist("o", 10)))
            .answer(
                OperationProcess.Element.YEARLY_CHECKLIST, Map.of("checklist", checklist("o", 10)))
            .answer(OperationProcess.Element.CONFIRM_BACKUP, Map.of("backupTaken", true))
            .answer(OperationProcess.Element.CONFIRM_USAGE, Map.of("usageDiffers", false))
            .answer(
                OperationProcess.Element.QUARTERLY_REVIEW,
                Map.of("reviewResult", "CHANGED", "reviewNote", "二要素認証が必須になった"),
                Map.of("reviewResult", "NO_CHANGE"))
            .answer(
                OperationProcess.Element.DECIDE_CONTINUATION,
                Map.of("continuationDecision", "CONTINUE", "continuationReason", "影響なし"))
            .answer(
                OperationProcess.Element.DECIDE_ON_TERMS_CHANGE,
                Map.of("continuationDecision", "CONTINUE", "continuationReason", "影響なし"))
            .answer(
                OperationProcess.Element.USAGE_CHECK_BY_ADMINISTRATOR,
                Map.of("usageAppropriate", true))
            .answer(OperationProcess.Element.ALERT_USERS, Map.of("alertNote", "全利用者にメールで周知"));

    walk(c, CaseSteps.DOUBLE_CHECK);
    advance(
        c,
        Duration.ofDays(11)); // the double check is overdue: 情報政策課長 is told (application diagram)
    walk(c, ReviewProcess.Element.RECORD_PRIOR_CONSULTATION);
    advance(c, Duration.ofDays(11)); // so is the consultation (review diagram)
    walk(c);
    assertThat(c.registryEntryId()).as("approved and registered").isNotNull();

    advance(c, Duration.ofDays(31)); // the monthly duties
    advance(c, Duration.ofDays(15)); // ...left undone: the department's 所属長 is told
    walk(c);
    advance(c, Duration.ofDays(46)); // the quarterly review
    advance(c, Duration.ofDays(15));
    walk(c);
    advance(c, Duration.ofDays(260)); // the yearly check and the 外部サービス管理者's usage check
    advance(c, Duration.ofDays(15));
    walk(c);

    event(c, "TERMS_CHANGED", "利用規約が改定された");
    event(c, "INCIDENT_ELSEWHERE", "他区で情報漏えい");
    walk(c);
    c.answer(
        OperationProcess.Element.CONFIRM_USAGE,
        Map.of(
            "usageDiffers",
            true,
            "usageNote",
            "個人情報を扱わなくなった",
            "currentInformationTypes",
            json("[\"INTERNAL\"]")));
    advance(
        c,
        Duration.ofDays(
            31)); // the use differs: another route, 情報政策課 is told, renewal requested
    walk(c);

    String entryId = c.registryEntryId();
    c.answer(
            TerminationProcess.Element.FILL_TERMINATION_REQUEST,
            TaskAnswers.terminationRequest(entryId, "FORM3"))
        .answer(
            TerminationProcess.Element.DOUBLE_CHECK,
            terminationCheck("RETURN", "データ消去証明書の写しがありません"),
            terminationCheck("CONFIRM", null))
        .answer(
            TerminationProcess.Element.COMPLETE_TERMINATION,
            Map.of(
                "disposalProof",
                "データ消去証明書 No.2027-0331",
                "terminationCheck",
                checklist("t", 4),
                "disposalChecklist",
                checklist("d", 6),
                "correctionNote",
                "証明書の写しを添付しました"));
    event(c, "OVERSEAS_DATA", "ログが海外に転送されていた"); // stop of use: the termination starts
    walk(c, TerminationProcess.Element.COMPLETE_TERMINATION);
    advance(c, Duration.ofDays(15)); // the correction is late: the 所属長 is told
    walk(c);
  }

  /**
   * An LGWAN-ASP reached from the My Number segment: the applicant confirms 特定通信; the head
   * rejects.
   */
  private void lgwanAspServiceWithSpecificCommunicationIsRejected() {
    Case c =
        apply(
                "sato",
                kintone()
                    .service("LGWAN-ASP 業務", "LGWAN_ASP_CLOSED", "BUSINESS_APPLICATION")
                    .connectionZones("MY_NUMBER"))
            .answer(
                ApplicationProcess.Element.ACCEPT_RISKS,
                risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS))
            .answer(ApplicationProcess.Element.SELF_CHECK_MEASURES, measuresAllMet())
            .answer(CaseSteps.DOUBLE_CHECK, doubleCheck("FORWARD", null))
            .answer(
                ReviewProcess.Element.CONFIRM_SPECIFIC_COMMUNICATION,
                Map.of(
                    "specificCommunicationConfirmed",
                    true,
                    "specificCommunicationNote",
                    "IP アドレスとポート 443 に限定"))
            .answer(CaseSteps.REVIEW, review("APPROVE", null))
            .answer(
                ReviewProcess.Element.REVIEW_IT_PLANNING, Map.of("itPlanningDecision", "APPROVED"))
            .answer(CaseSteps.DECIDE, decision("REJECT", "既存の基盤で足りるため"));
    walk(c);
  }

  /** NO_APPLICATION and FORBIDDEN end after the applicant has read the result. */
  private void outcomesThatEndAfterTheApplicantHasReadThem() {
    walk(
        apply(
            "sato",
            kintone()
                .service("Google マップ", "WEB_SERVICE", "MAP_SEARCH_TRANSLATE")
                .paid(false)
                .exemption("FREE_MAP_SEARCH_TRANSLATE")));
    walk(
        apply(
            "sato",
            kintone()
                .service("ChatGPT", "CLOUD_INTERNET", "GENERATIVE_AI")
                .paid(false)
                .informationTypes("PERSONAL")));
  }

  /** A public relations account on SNS: the approval is overdue, then rejected (003 第7 5). */
  private void snsRegistrationIsRejected() {
    Case c =
        apply(
                "sato",
                kintone()
                    .service("X", "CLOUD_INTERNET", "SNS")
                    .paid(false)
                    .informationTypes("PUBLIC"))
            .answer(SnsProcess.Element.PREPARE_SNS_REGISTRATION, TaskAnswers.snsRegistration())
            .answer(
                CaseSteps.APPROVE_SNS_REGISTRATION,
                Map.of("snsDecisionChoice", "REJECT", "decisionReason", "既存の区公式アカウントで足りる"));
    walk(c, CaseSteps.APPROVE_SNS_REGISTRATION);
    advance(c, Duration.ofDays(11));
    walk(c);
  }

  /**
   * A service that claimed an ISMAP registration is approved; the registration leaves the
   * re-imported list, and the daily watch gives 情報政策課 its task (issue 15, part 3).
   */
  private void certificationLapseIsConfirmed() {
    String list = "登録番号,サービス名,事業者名\n";
    certificationLists.importList(
        jp.lg.externalservice.certification.Certification.ISMAP,
        (list + "C99-0001-1,認証サービス,株式会社テスト\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "demo");
    Case c =
        apply(
                "sato",
                kintone()
                    .service("認証サービス", "CLOUD_INTERNET", "WEB_CONFERENCE")
                    .paid(false)
                    .with(
                        "certifications",
                        json(
                            "{\"ismap\":true,\"ismapNumber\":\"C99-0001-1\",\"ismapValidUntil\":"
                                + "\"2099-03-31\",\"ismapEvidence\":\"ismap.pdf\"}")))
            .answer(
                ApplicationProcess.Element.ACCEPT_RISKS,
                risksAccepted("TERMS_OF_USE", TaskAnswers.TERMS_RISKS))
            .answer(ApplicationProcess.Element.SELF_CHECK_MEASURES, measuresAllMet())
            .answer(CaseSteps.DOUBLE_CHECK, doubleCheck("FORWARD", null))
            .answer(CaseSteps.REVIEW, review("APPROVE", null))
            .answer(CaseSteps.DECIDE, decision("APPROVE", null))
            .answer(
                ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS,
                TaskAnswers.usageRisksAcknowledged());
    taskService.createAttachment(
        "application/pdf",
        null,
        c.rootId,
        "ismap.pdf",
        "登録証",
        new java.io.ByteArrayInputStream(new byte[] {'%', 'P', 'D', 'F'}));
    walk(c);
    assertThat(c.registryEntryId()).as("approved and registered").isNotNull();
    certificationLists.importList(
        jp.lg.externalservice.certification.Certification.ISMAP,
        (list + "C99-0002-1,別のサービス,株式会社テスト\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "demo");
    Job watch =
        managementService
            .createJobQuery()
            .processDefinitionKey(jp.lg.externalservice.certification.CertificationWatch.KEY)
            .timers()
            .singleResult();
    // on PostgreSQL the test contexts share one database: other tests' watches may still be open
    Set<String> earlierWatches = watchInstances();
    managementService.executeJob(watch.getId());
    Set<String> started = watchInstances();
    started.removeAll(earlierWatches);
    assertThat(started).as("the watch started once").hasSize(1);
    String watchInstance = started.iterator().next();
    walk(
        new Case(watchInstance, "sato")
            .answer(
                jp.lg.externalservice.certification.CertificationWatch.Element.CONFIRM_LAPSE,
                Map.of("lapseHandling", "事業者に登録の状況を確認した")));
  }

  /**
   * Issue 16, personnel changes: the service manager of an approved entry leaves 区民課 (her group
   * memberships change as the directory synchronisation changes them) and the successor watch gives
   * 情報政策課 the task to name a successor.
   */
  private void vacancyGetsASuccessor() {
    User leaver = identityService.newUser("advleaver");
    leaver.setFirstName("テスト");
    leaver.setLastName("異動");
    identityService.saveUser(leaver);
    identityService.createMembership("advleaver", "dept-kumin");
    String entryId =
        registry.register(
            new jp.lg.externalservice.registry.NewRegistryEntry(
                jp.lg.externalservice.registry.EntryType.SERVICE,
                "異動テスト",
                "提供会社",
                jp.lg.externalservice.classification.ServiceKind.CLOUD_INTERNET,
                jp.lg.externalservice.classification.ServiceCategory.BUSINESS_APPLICATION,
                "kumin",
                "区民課",
                jp.lg.externalservice.classification.Route.FREE,
                jp.lg.externalservice.classification.Outcome.APPLICATION_REQUIRED,
                "利用申請が必要",
                "[]",
                "[]",
                "tanaka",
                "田中 誠",
                "advleaver",
                "異動 テスト",
                java.time.LocalDate.of(2027, 4, 1),
                null,
                null),
            "kobayashi",
            "pi-advleaver");
    identityService.deleteMembership("advleaver", "dept-kumin");
    Set<String> earlier = instancesOf(jp.lg.externalservice.succession.SuccessorWatch.KEY);
    events.publishEvent(new DirectoryChanged(Set.of("advleaver")));
    Set<String> started = instancesOf(jp.lg.externalservice.succession.SuccessorWatch.KEY);
    started.removeAll(earlier);
    assertThat(started).as("the watch started once for " + entryId).hasSize(1);
    walk(
        new Case(started.iterator().next(), "sato")
            .answer(
                jp.lg.externalservice.succession.SuccessorWatch.Element.NAME_SUCCESSOR,
                Map.of("successionDecision", "NAME", "successorId", "sato")));
  }

  private Set<String> instancesOf(String key) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
        .map(instance -> instance.getId())
        .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
  }

  private Set<String> watchInstances() {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(jp.lg.externalservice.certification.CertificationWatch.KEY)
        .list()
        .stream()
        .map(instance -> instance.getId())
        .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
  }

  /**
   * The start of an application may carry only the start form's fields: every fact through {@code
   * submit-form}, and {@code start} once, must be refused and start nothing.
   */
  private void attackTheStart() {
    ProcessDefinition definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(APPLICATION)
            .latestVersion()
            .singleResult();
    Set<String> fields = FormFields.of(formService.getDeployedStartForm(definition.getId()));
    Map<String, Object> answers = Map.of("serviceName", "開始の攻撃");
    int index = 0;
    for (Fact fact : FACTS) {
      if (fields.contains(fact.name())) {
        continue;
      }
      Object value = fact.tampered(null);
      for (String operation :
          index++ == 0 ? List.of("submit-form", "start") : List.of("submit-form")) {
        long before =
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(APPLICATION)
                .count();
        Answer answer =
            postJson(
                "/engine-rest/process-definition/key/" + APPLICATION + "/" + operation,
                "sato",
                formVariables(with(answers, fact.name(), value)));
        long after =
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(APPLICATION)
                .count();
        if (!refusedNaming(answer, fact.name()) || after != before) {
          holes.add(
              "start "
                  + operation
                  + " "
                  + fact.name()
                  + "="
                  + shown(value)
                  + ": answered "
                  + answer.status()
                  + (after != before ? ", started an application" : ""));
        }
      }
    }
  }

  // --- walking a case
  // ----------------------------------------------------------------------------------------------

  /**
   * Files an application through the start form, as the applicant does in Tasklist; the clock
   * starts today.
   */
  private Case apply(String applicant, ApplicationAnswers answers) {
    ClockUtil.reset();
    return new Case(startApplication(applicant, answers.variables()), applicant)
        .answer(ApplicationProcess.Element.FILL_IN_APPLICATION, answers.variables());
  }

  /**
   * Works the open tasks of the case, each as its rightful worker with the planned answers, after
   * attacking it if no task of its definition was attacked yet; stops when only tasks of the {@code
   * held} definitions are open.
   */
  private void walk(Case c, String... held) {
    Set<String> waiting = Set.of(held);
    for (int step = 0; step < 200; step++) {
      Task task =
          c.openTasks().stream()
              .filter(open -> !waiting.contains(open.getTaskDefinitionKey()))
              .findFirst()
              .orElse(null);
      if (task == null) {
        return;
      }
      String worker = worker(c, task);
      boolean open = !attacked.contains(definitionOf(task)) ? attack(c, task, worker) : true;
      if (open) {
        Answer done =
            postJson(
                "/engine-rest/task/" + task.getId() + "/submit-form",
                worker,
                formVariables(c.answers(task.getTaskDefinitionKey())));
        if (done.status() != 204) {
          throw new AssertionError(
              definitionOf(task)
                  + " refused to its rightful worker "
                  + worker
                  + ": "
                  + done.status()
                  + " "
                  + done.text());
        }
      }
      c.answered(task.getTaskDefinitionKey());
      runAsyncContinuations();
    }
    throw new AssertionError("the walk of " + c.rootId + " does not end");
  }

  /**
   * The assignee, or the first member of a candidate group who is not the applicant (four-eyes,
   *
   */
  private String worker(Case c, Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        for (User member :
            identityService
                .createUserQuery()
                .memberOfGroup(link.getGroupId())
                .orderByUserId()
                .asc()
                .list()) {
          if (!member.getId().equals(c.applicant)) {
            return member.getId();
          }
        }
      }
    }
    throw new AssertionError(definitionOf(task) + " has no one to work it");
  }

  /**
   * Moves the engine clock and fires the timers of the case that are due, as the job executor
   * would.
   */
  private void advance(Case c, Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    for (int round = 0; round < 20; round++) {
      List<Job> due = new ArrayList<>();
      for (String id : c.runningInstanceIds()) {
        due.addAll(
            managementService.createJobQuery().processInstanceId(id).timers().executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
      runAsyncContinuations();
    }
  }

  /**
   * The service manager reports an event to the service in operation ({@code POST
   * /api/services/{id}/events}).
   */
  private void event(Case c, String type, String description) {
    Answer reported =
        postJson(
            "/api/services/" + c.registryEntryId() + "/events",
            "sato",
            Map.of("type", type, "description", description));
    assertThat(reported.status()).as("event %s: %s", type, reported.text()).isEqualTo(202);
    runAsyncContinuations();
  }

  // --- attacking a task
  // --------------------------------------------------------------------------------------------

  /**
   * Every vector once with one fact, then every fact through {@code submit-form}, then the other
   * completions.
   *
   * @return whether the task is still open (an attack that got through may have completed it)
   */
  private boolean attack(Case c, Task task, String worker) {
    String definition = definitionOf(task);
    attacked.add(definition);
    Set<String> fields = FormFields.of(formService.getDeployedTaskForm(task.getId()));
    List<Fact> facts = FACTS.stream().filter(fact -> !fields.contains(fact.name())).toList();
    Target target = new Target(c, task, worker, c.answers(task.getTaskDefinitionKey()));
    int rotation = attacked.size();
    for (Vector vector : variableWrites()) {
      Fact fact =
          vector.deletes() ? existing(task, facts, rotation) : facts.get(rotation % facts.size());
      rotation++;
      if (!attempt(target, vector, fact)) {
        return false;
      }
    }
    for (Fact fact : facts) {
      if (!attempt(target, submitForm, fact)) {
        return false;
      }
    }
    for (Vector vector : otherCompletions()) {
      if (!attempt(target, vector, facts.get(rotation++ % facts.size()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * One attempt: refused, and the case as before; if not, the hole is reported and the case put
   * back.
   */
  private boolean attempt(Target target, Vector vector, Fact fact) {
    Task task = target.task();
    Object value = fact.tampered(runtimeService.getVariable(task.getExecutionId(), fact.name()));
    CaseState before = state(target);
    Answer answer = vector.call().send(target, fact.name(), value);
    CaseState after = state(target);
    boolean open = after.tasks().containsKey(task.getId());
    boolean refused =
        vector.completes()
            ? refusedNaming(answer, fact.name())
            : answer.status() == 400 || answer.status() == 403;
    // a completion that got through moves the case on with its answers; only the fact then counts
    // as changed
    Set<String> changed =
        before.differences(after).stream()
            .filter(key -> open || key.endsWith("/" + fact.name()))
            .collect(Collectors.toCollection(TreeSet::new));
    if (!refused || !changed.isEmpty()) {
      holes.add(
          definitionOf(task)
              + " as "
              + target.worker()
              + ": "
              + vector.name()
              + " "
              + fact.name()
              + (vector.deletes() ? "" : "=" + shown(value))
              + " answered "
              + answer.status()
              + (open ? "" : ", completed the task")
              + (changed.isEmpty() ? "" : ", changed " + changed));
      restore(before, after, open ? null : fact.name());
    }
    return open;
  }

  /** The path Tasklist uses; every fact goes through it. */
  private final Vector submitForm =
      Vector.completion(
          "POST submit-form",
          (t, fact, value) ->
              postJson(
                  task(t) + "/submit-form",
                  t.worker(),
                  formVariables(with(t.answers(), fact, value))));

  /** Writes outside a completion: each must be refused for a non-administrator (400/403). */
  private List<Vector> variableWrites() {
    return List.of(
        Vector.write(
            "PUT task variable",
            (t, fact, value) ->
                send("PUT", task(t) + "/variables/" + fact, t.worker(), restValue(value))),
        Vector.write(
            "POST task variables",
            (t, fact, value) ->
                postJson(
                    task(t) + "/variables",
                    t.worker(),
                    Map.of("modifications", Map.of(fact, restValue(value))))),
        Vector.delete(
            "DELETE task variable",
            (t, fact, value) -> send("DELETE", task(t) + "/variables/" + fact, t.worker(), null)),
        Vector.write(
            "PUT task local variable",
            (t, fact, value) ->
                send("PUT", task(t) + "/localVariables/" + fact, t.worker(), restValue(value))),
        Vector.write(
            "POST task local variables",
            (t, fact, value) ->
                postJson(
                    task(t) + "/localVariables",
                    t.worker(),
                    Map.of("modifications", Map.of(fact, restValue(value))))),
        Vector.write(
            "PUT process-instance variable",
            (t, fact, value) ->
                send("PUT", instance(t) + "/variables/" + fact, t.worker(), restValue(value))),
        Vector.write(
            "POST process-instance variables",
            (t, fact, value) ->
                postJson(
                    instance(t) + "/variables",
                    t.worker(),
                    Map.of("modifications", Map.of(fact, restValue(value))))),
        Vector.delete(
            "DELETE process-instance variable",
            (t, fact, value) ->
                send("DELETE", instance(t) + "/variables/" + fact, t.worker(), null)),
        Vector.write(
            "PUT execution local variable",
            (t, fact, value) ->
                send(
                    "PUT",
                    "/engine-rest/execution/"
                        + t.task().getExecutionId()
                        + "/localVariables/"
                        + fact,
                    t.worker(),
                    restValue(value))),
        Vector.write(
            "POST execution local variables",
            (t, fact, value) ->
                postJson(
                    "/engine-rest/execution/" + t.task().getExecutionId() + "/localVariables",
                    t.worker(),
                    Map.of("modifications", Map.of(fact, restValue(value))))),
        Vector.write(
            "POST process-instance modification",
            (t, fact, value) ->
                postJson(
                    instance(t) + "/modification",
                    t.worker(),
                    Map.of(
                        "instructions",
                        List.of(
                            Map.of(
                                "type",
                                "startBeforeActivity",
                                "activityId",
                                t.task().getTaskDefinitionKey(),
                                "variables",
                                Map.of(fact, with(restValue(value), "local", false))))))),
        Vector.write(
            "POST message",
            (t, fact, value) ->
                postJson(
                    "/engine-rest/message",
                    t.worker(),
                    Map.of(
                        "messageName",
                        messageOf(t),
                        "processInstanceId",
                        t.task().getProcessInstanceId(),
                        "all",
                        true,
                        "processVariables",
                        Map.of(fact, restValue(value))))),
        Vector.write(
            "POST signal",
            (t, fact, value) ->
                postJson(
                    "/engine-rest/signal",
                    t.worker(),
                    Map.of(
                        "name",
                        "Signal_Adversarial",
                        "variables",
                        Map.of(fact, restValue(value))))),
        Vector.write(
            "POST resolve",
            (t, fact, value) ->
                postJson(
                    task(t) + "/resolve",
                    t.worker(),
                    Map.of("variables", Map.of(fact, restValue(value))))),
        Vector.write(
            "PUT task variable (Tasklist session)",
            (t, fact, value) ->
                session(t.worker())
                    .send(
                        "PUT",
                        "/task/" + t.task().getId() + "/variables/" + fact,
                        restValue(value))));
  }

  /**
   * Completions other than {@code submit-form}: the task's answers plus the fact must give 400
   * naming the fact.
   */
  private List<Vector> otherCompletions() {
    return List.of(
        Vector.completion(
            "POST complete",
            (t, fact, value) ->
                postJson(
                    task(t) + "/complete",
                    t.worker(),
                    formVariables(with(t.answers(), fact, value)))),
        Vector.completion(
            "POST submit-form (Tasklist session)",
            (t, fact, value) ->
                session(t.worker())
                    .send(
                        "POST",
                        "/task/" + t.task().getId() + "/submit-form",
                        formVariables(with(t.answers(), fact, value)))));
  }

  private static String task(Target t) {
    return "/engine-rest/task/" + t.task().getId();
  }

  private static String instance(Target t) {
    return "/engine-rest/process-instance/" + t.task().getProcessInstanceId();
  }

  /**
   * A message the instance waits for, if any (the strongest attack), else one the diagrams declare.
   */
  private String messageOf(Target t) {
    return runtimeService
        .createEventSubscriptionQuery()
        .processInstanceId(t.task().getProcessInstanceId())
        .eventType("message")
        .list()
        .stream()
        .map(subscription -> subscription.getEventName())
        .findFirst()
        .orElse(CaseProcesses.MESSAGE_TERMINATION_REQUIRED);
  }

  private WebappSession session(String user) {
    return sessions.computeIfAbsent(user, id -> WebappSession.login(port, id));
  }

  /**
   * A fact the task's execution can see, for the deletions (deleting what is not there proves
   * nothing).
   */
  private Fact existing(Task task, List<Fact> facts, int rotation) {
    for (int i = 0; i < facts.size(); i++) {
      Fact fact = facts.get((rotation + i) % facts.size());
      if (runtimeService.getVariable(task.getExecutionId(), fact.name()) != null) {
        return fact;
      }
    }
    return facts.get(rotation % facts.size());
  }

  private static boolean refusedNaming(Answer answer, String variable) {
    return (answer.status() == 400 || answer.status() == 403)
        && answer.text() != null
        && answer.text().contains(variable);
  }

  // --- the state of a case, as the system reads it
  // -----------------------------------------------------------------

  /**
   * The variables of every running instance of the case, of the task and its execution, and the
   * open tasks.
   */
  private CaseState state(Target target) {
    Map<String, Map<String, TypedValue>> scopes = new LinkedHashMap<>();
    Set<String> instances = target.c().instanceIds();
    for (String id : target.c().running(instances)) {
      scopes.put("process " + id, typed(runtimeService.getVariablesLocalTyped(id, false)));
    }
    String execution = target.task().getExecutionId();
    if (runtimeService.createExecutionQuery().executionId(execution).count() == 1) {
      scopes.put(
          "process " + execution, typed(runtimeService.getVariablesLocalTyped(execution, false)));
    }
    if (taskService.createTaskQuery().taskId(target.task().getId()).count() == 1) {
      scopes.put(
          "task " + target.task().getId(),
          typed(taskService.getVariablesLocalTyped(target.task().getId(), false)));
    }
    Map<String, String> tasks = new TreeMap<>();
    target
        .c()
        .openTasks(instances)
        .forEach(open -> tasks.put(open.getId(), String.valueOf(open.getAssignee())));
    return new CaseState(scopes, tasks);
  }

  private static Map<String, TypedValue> typed(
      org.camunda.bpm.engine.variable.VariableMap variables) {
    Map<String, TypedValue> typed = new TreeMap<>();
    variables.keySet().forEach(name -> typed.put(name, variables.getValueTyped(name)));
    return typed;
  }

  private record CaseState(Map<String, Map<String, TypedValue>> scopes, Map<String, String> tasks) {

    Set<String> differences(CaseState after) {
      Set<String> changed = new TreeSet<>();
      Map<String, String> mine = flat();
      Map<String, String> theirs = after.flat();
      for (String key : union(mine.keySet(), theirs.keySet())) {
        if (!Objects.equals(mine.get(key), theirs.get(key))) {
          changed.add(key);
        }
      }
      return changed;
    }

    private Map<String, String> flat() {
      Map<String, String> flat = new TreeMap<>();
      scopes.forEach(
          (scope, variables) ->
              variables
                  .keySet()
                  .forEach(name -> flat.put(scope + "/" + name, describe(variables.get(name)))));
      tasks.forEach((id, assignee) -> flat.put("open task " + id, "assignee " + assignee));
      return flat;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
      Set<String> union = new TreeSet<>(a);
      union.addAll(b);
      return union;
    }
  }

  private static String describe(TypedValue value) {
    String type = value.getType() == null ? "" : value.getType().getName() + ":";
    return type
        + (value instanceof SerializableValue serializable && !serializable.isDeserialized()
            ? serializable.getValueSerialized()
            : String.valueOf(value.getValue()));
  }

  /**
   * Puts the case back after an attack that got through, so the walk goes on and reports every
   * hole: variables as they were (only {@code onlyVariable} when the attack completed the task,
   * whose answers then stand), new tasks cancelled, assignees back.
   */
  private void restore(CaseState before, CaseState after, String onlyVariable) {
    before
        .scopes()
        .forEach(
            (scope, variables) -> {
              Map<String, TypedValue> now = after.scopes().get(scope);
              if (now == null) {
                return;
              }
              String id = scope.substring(scope.indexOf(' ') + 1);
              boolean isTask = scope.startsWith("task ");
              for (String name : new TreeSet<>(CaseState.union(variables.keySet(), now.keySet()))) {
                if (onlyVariable != null && !onlyVariable.equals(name)
                    || Objects.equals(
                        variables.containsKey(name) ? describe(variables.get(name)) : null,
                        now.containsKey(name) ? describe(now.get(name)) : null)) {
                  continue;
                }
                if (!variables.containsKey(name)) {
                  if (isTask) {
                    taskService.removeVariableLocal(id, name);
                  } else {
                    runtimeService.removeVariableLocal(id, name);
                  }
                } else if (isTask) {
                  taskService.setVariableLocal(id, name, variables.get(name));
                } else {
                  runtimeService.setVariableLocal(id, name, variables.get(name));
                }
              }
            });
    if (onlyVariable != null) {
      return;
    }
    after
        .tasks()
        .forEach(
            (id, assignee) -> {
              if (!before.tasks().containsKey(id)) {
                cancel(taskService.createTaskQuery().taskId(id).singleResult());
              } else if (!assignee.equals(before.tasks().get(id))) {
                String previous = before.tasks().get(id);
                taskService.setAssignee(id, "null".equals(previous) ? null : previous);
              }
            });
  }

  /** Cancels the activity instance of a task that an attack created. */
  private void cancel(Task task) {
    ActivityInstance tree = runtimeService.getActivityInstance(task.getProcessInstanceId());
    for (ActivityInstance instance : tree.getActivityInstances(task.getTaskDefinitionKey())) {
      if (List.of(instance.getExecutionIds()).contains(task.getExecutionId())) {
        runtimeService
            .createProcessInstanceModification(task.getProcessInstanceId())
            .cancelActivityInstance(instance.getId())
            .execute();
      }
    }
  }

  // --- the model
  // ---------------------------------------------------------------------------------------------------

  /** "processKey:taskKey" of every user task in the latest version of every deployed diagram. */
  private Set<String> deployedUserTasks() {
    Set<String> tasks = new TreeSet<>();
    for (ProcessDefinition definition :
        repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      repositoryService
          .getBpmnModelInstance(definition.getId())
          .getModelElementsByType(UserTask.class)
          .forEach(task -> tasks.add(definition.getKey() + ":" + task.getId()));
    }
    return tasks;
  }

  private final Map<String, String> processKeys = new HashMap<>();

  private String definitionOf(Task task) {
    return processKeys.computeIfAbsent(
            task.getProcessDefinitionId(),
            id -> repositoryService.getProcessDefinition(id).getKey())
        + ":"
        + task.getTaskDefinitionKey();
  }

  // --- small things
  // ------------------------------------------------------------------------------------------------

  /**
   * A case: the application and every instance that belongs to it (review, SNS, operation,
   * termination).
   */
  private final class Case {
    final String rootId;
    final String applicant;
    private final Map<String, Deque<Map<String, Object>>> answers = new HashMap<>();

    Case(String rootId, String applicant) {
      this.rootId = rootId;
      this.applicant = applicant;
    }

    /** The answers of successive visits of a task; the last one stays for further visits. */
    @SafeVarargs
    final Case answer(String taskKey, Map<String, Object>... successive) {
      answers.put(taskKey, new ArrayDeque<>(List.of(successive)));
      return this;
    }

    /**
     * Forms without a required field (acknowledgements, escalations) are completed without answers.
     */
    Map<String, Object> answers(String taskKey) {
      Deque<Map<String, Object>> planned = answers.get(taskKey);
      return planned == null ? Map.of() : planned.peek();
    }

    void answered(String taskKey) {
      Deque<Map<String, Object>> planned = answers.get(taskKey);
      if (planned != null && planned.size() > 1) {
        planned.poll();
      }
    }

    /**
     * The application, the processes it called, and the operation and termination of its registry
     * entry.
     */
    Set<String> instanceIds() {
      Set<String> ids = withCalled(Set.of(rootId));
      String entry = registryEntryId(ids);
      if (entry != null) {
        ids.addAll(
            withCalled(
                historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(entry)
                    .list()
                    .stream()
                    .map(HistoricProcessInstance::getId)
                    .collect(Collectors.toSet())));
      }
      return ids;
    }

    List<String> runningInstanceIds() {
      return running(instanceIds());
    }

    List<String> running(Set<String> ids) {
      return runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
          .map(instance -> instance.getId())
          .toList();
    }

    List<Task> openTasks() {
      return openTasks(instanceIds());
    }

    List<Task> openTasks(Set<String> ids) {
      return taskService
          .createTaskQuery()
          .processInstanceIdIn(ids.toArray(String[]::new))
          .orderByTaskCreateTime()
          .asc()
          .list();
    }

    String registryEntryId() {
      return registryEntryId(withCalled(Set.of(rootId)));
    }

    private String registryEntryId(Set<String> ids) {
      return historyService
          .createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids.toArray(String[]::new))
          .variableName("registryEntryId")
          .list()
          .stream()
          .map(variable -> (String) variable.getValue())
          .filter(Objects::nonNull)
          .findFirst()
          .orElse(null);
    }

    private Set<String> withCalled(Set<String> roots) {
      Set<String> ids = new LinkedHashSet<>(roots);
      List<String> queue = new ArrayList<>(roots);
      for (int i = 0; i < queue.size(); i++) {
        for (HistoricProcessInstance called :
            historyService
                .createHistoricProcessInstanceQuery()
                .superProcessInstanceId(queue.get(i))
                .list()) {
          if (ids.add(called.getId())) {
            queue.add(called.getId());
          }
        }
      }
      return ids;
    }
  }

  /**
   * A fact and the values an attacker sends; the first that differs from what the case holds is
   * used.
   */
  private record Fact(String name, List<Object> values) {
    Fact(String name, Object value, Object alternative) {
      this(name, List.of(value, alternative));
    }

    Object tampered(Object current) {
      String now =
          current instanceof JsonValue json ? json.getValueSerialized() : String.valueOf(current);
      return values.stream()
          .filter(
              value ->
                  !(value instanceof JsonValue json
                          ? json.getValueSerialized()
                          : String.valueOf(value))
                      .equals(now))
          .findFirst()
          .orElseThrow();
    }
  }

  /** Who attacks which task of which case, with the answers its form takes. */
  private record Target(Case c, Task task, String worker, Map<String, Object> answers) {}

  @FunctionalInterface
  private interface Call {
    Answer send(Target target, String fact, Object value);
  }

  /** A path of the REST API; {@code completes} if it completes the task when it gets through. */
  private record Vector(String name, boolean completes, boolean deletes, Call call) {
    static Vector write(String name, Call call) {
      return new Vector(name, false, false, call);
    }

    static Vector delete(String name, Call call) {
      return new Vector(name, false, true, call);
    }

    static Vector completion(String name, Call call) {
      return new Vector(name, true, false, call);
    }
  }

  /** A variable as the engine REST API takes it ({@code Json} for Spin JSON). */
  private static Map<String, Object> restValue(Object value) {
    return value instanceof JsonValue json
        ? Map.of("value", json.getValueSerialized(), "type", "Json")
        : Map.of("value", value);
  }

  private static Map<String, Object> with(Map<String, Object> map, String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(name, value);
    return copy;
  }

  private static String shown(Object value) {
    return value instanceof JsonValue json ? json.getValueSerialized() : String.valueOf(value);
  }

  private static JsonValue json(String value) {
    return SpinValues.jsonValue(value).create();
  }

  private static Map<String, Object> terminationCheck(String decision, String comment) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("terminationDoubleCheck", checklist("t", 4));
    answers.put("terminationDecision", decision);
    answers.put("terminationComment", comment);
    return answers;
  }
}
