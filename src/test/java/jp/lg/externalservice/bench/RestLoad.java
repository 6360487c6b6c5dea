package jp.lg.externalservice.bench;

import static jp.lg.externalservice.TaskAnswers.allCriteriaMet;
import static jp.lg.externalservice.TaskAnswers.decision;
import static jp.lg.externalservice.TaskAnswers.doubleCheck;
import static jp.lg.externalservice.TaskAnswers.measuresAllMet;
import static jp.lg.externalservice.TaskAnswers.review;
import static jp.lg.externalservice.TaskAnswers.usageRisksAcknowledged;
import static jp.lg.externalservice.bench.Measure.f1;
import static jp.lg.externalservice.bench.Measure.f2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.review.ReviewProcess;

/**
 * Sections 2 and 4: HTTP clients against the running application, authenticated with HTTP Basic on
 * every request. Section 2 walks applications from the start form to the contract through {@code
 * /engine-rest} as the people of each role (task query, claim, submit-form); section 4 posts the
 * pre-check.
 */
final class RestLoad {

  /**
   * {@code cpuMsPerRequest}: CPU time of this JVM (application and clients together) per request.
   */
  record Result(
      double requestsPerSecond,
      double casesPerSecond,
      double p50,
      double p95,
      double p99,
      long requests,
      double cpuMsPerRequest) {}

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private final Http http;
  private final AtomicLong counter = new AtomicLong();
  private final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();

  private final java.net.URI base;

  RestLoad(String base) {
    this.http = new Http(base);
    this.base = java.net.URI.create(base);
  }

  /** The anchors' and the pre-check's client: lean, one kept-alive connection per client. */
  private KeepAliveHttp keepAlive(int clients) {
    return new KeepAliveHttp(base.getHost(), base.getPort(), clients);
  }

  /** 16 (or {@code clients}) clients walk applications for {@code seconds}. */
  Result applications(int clients, double seconds) {
    latencies.clear();
    long cpu = cpuNanos();
    Measure.Run run = Measure.timed(clients, seconds, thread -> walk());
    cpu = cpuNanos() - cpu;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
    return new Result(
        all.length / run.seconds(),
        run.perSecond(),
        Measure.percentileMillis(all, 50),
        Measure.percentileMillis(all, 95),
        Measure.percentileMillis(all, 99),
        all.length,
        cpu / 1e6 / all.length);
  }

  /** The figures of a run where every unit is one request, with the CPU it took. */
  private static Result perRequest(Measure.Run run, long cpuNanos) {
    return new Result(
        run.perSecond(),
        0,
        run.percentileMillis(50),
        run.percentileMillis(95),
        run.percentileMillis(99),
        run.units(),
        cpuNanos / 1e6 / run.units());
  }

  /** The four users of the pre-check and the no-op: one per client, in turn. */
  private static final String[] USERS = {"sato", "suzuki", "tanaka", "yamamoto"};

  /**
   * The anchors of the pre-check (issue 17): {@code clients} clients ask {@code GET
   * /engine-rest/engine}, which does no work but the login, for {@code seconds}. Authenticated:
   * HTTP Basic as the pre-check's users, answered 200. Not: no credentials, answered 401 (the floor
   * of the HTTP stack and our filters without any login).
   */
  Result noop(int clients, double seconds, boolean authenticated) {
    try (KeepAliveHttp client = keepAlive(clients)) {
      long cpu = cpuNanos();
      Measure.Run run =
          Measure.timed(
              clients,
              seconds,
              thread -> {
                Http.Answer answer =
                    client.get(
                        thread,
                        "/engine-rest/engine",
                        authenticated ? USERS[thread % USERS.length] : null);
                int expected = authenticated ? 200 : 401;
                if (answer.status() != expected) {
                  throw new IllegalStateException(
                      "GET /engine-rest/engine answered " + answer.status() + ": " + answer.body());
                }
              });
      return perRequest(run, cpuNanos() - cpu);
    }
  }

  /** {@code clients} clients post the pre-check for {@code seconds}; every request is one unit. */
  Result precheck(int clients, double seconds) {
    String body;
    try {
      body =
          Http.JSON.writeValueAsString(
              ApplicationAnswers.kintone()
                  .informationTypes("PERSONAL")
                  .connectionZones("INTERNET", "LGWAN")
                  .precheckRequest());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String[] users = USERS;
    try (KeepAliveHttp client = keepAlive(clients)) {
      long cpu = cpuNanos();
      Measure.Run run =
          Measure.timed(
              clients,
              seconds,
              thread ->
                  Http.ok(
                      client.post(thread, "/api/precheck", users[thread % users.length], body),
                      "precheck"));
      return perRequest(run, cpuNanos() - cpu);
    }
  }

  private Http.Answer timed(
      long[][] own, int[] n, java.util.function.Supplier<Http.Answer> call, String what) {
    long start = System.nanoTime();
    Http.Answer answer = call.get();
    long nanos = System.nanoTime() - start;
    if (n[0] == own[0].length) {
      own[0] = Arrays.copyOf(own[0], n[0] * 2);
    }
    own[0][n[0]++] = nanos;
    return Http.ok(answer, what);
  }

  /**
   * One application from the start form to the recorded contract (9 tasks), every call as the right
   * person.
   */
  private void walk() {
    long n = counter.incrementAndGet();
    LifecycleWalk.Department department =
        LifecycleWalk.DEPARTMENTS.get((int) (n % LifecycleWalk.DEPARTMENTS.size()));
    String applicant = department.applicant();
    String reviewer = LifecycleWalk.REVIEWERS[(int) (n / 2 % LifecycleWalk.REVIEWERS.length)];
    long[][] own = {new long[64]};
    int[] count = {0};
    Map<String, Object> answers =
        ApplicationAnswers.kintone()
            .service(
                "REST kintone " + n + " " + System.nanoTime(),
                "CLOUD_INTERNET",
                "BUSINESS_APPLICATION")
            .informationTypes("PERSONAL")
            .with("serviceManager", applicant)
            .variables();
    String app =
        timed(
                own,
                count,
                () ->
                    http.post(
                        "/engine-rest/process-definition/key/"
                            + CaseProcesses.APPLICATION
                            + "/submit-form",
                        applicant,
                        WebTest.formVariables(Map.of("serviceName", answers.get("serviceName")))),
                "start")
            .json()
            .get("id")
            .asText();
    complete(own, count, app, ApplicationProcess.Element.FILL_IN_APPLICATION, applicant, answers);
    complete(
        own,
        count,
        app,
        ApplicationProcess.Element.CHECK_SELECTION_CRITERIA,
        applicant,
        allCriteriaMet());
    complete(
        own,
        count,
        app,
        ApplicationProcess.Element.SELF_CHECK_MEASURES,
        applicant,
        measuresAllMet());
    complete(
        own,
        count,
        app,
        CaseSteps.DOUBLE_CHECK,
        department.securityOfficer(),
        doubleCheck("FORWARD", null));
    String review =
        timed(
                own,
                count,
                () ->
                    http.get("/engine-rest/process-instance?superProcessInstance=" + app, reviewer),
                "review instance")
            .json()
            .get(0)
            .get("id")
            .asText();
    complete(own, count, review, CaseSteps.REVIEW, reviewer, review("APPROVE", "確認済み"));
    complete(
        own,
        count,
        review,
        ReviewProcess.Element.REVIEW_IT_PLANNING,
        "kimura",
        Map.of("itPlanningDecision", "APPROVED"));
    complete(own, count, review, CaseSteps.DECIDE, "kobayashi", decision("APPROVE", null));
    complete(
        own,
        count,
        review,
        ReviewProcess.Element.ACKNOWLEDGE_USAGE_RISKS,
        applicant,
        usageRisksAcknowledged());
    complete(
        own,
        count,
        review,
        ReviewProcess.Element.RECORD_CONTRACT,
        applicant,
        Map.of("contractDate", "2099-06-01"));
    latencies.add(Arrays.copyOf(own[0], count[0]));
  }

  private void complete(
      long[][] own,
      int[] count,
      String instance,
      String taskKey,
      String user,
      Map<String, Object> variables) {
    // after the decision the registry write runs as a job first (issue 6): ask again, as a person
    // would reload
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonNode tasks;
    while (true) {
      tasks =
          timed(
                  own,
                  count,
                  () ->
                      http.get(
                          "/engine-rest/task?processInstanceId="
                              + instance
                              + "&taskDefinitionKey="
                              + taskKey,
                          user),
                  "task query")
              .json();
      if (!tasks.isEmpty() || System.nanoTime() >= deadline) {
        break;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (tasks.size() != 1) {
      throw new IllegalStateException(
          user + " sees " + tasks.size() + " " + taskKey + " in " + instance);
    }
    String taskId = tasks.get(0).get("id").asText();
    if (tasks.get(0).get("assignee").isNull()) {
      timed(
          own,
          count,
          () -> http.post("/engine-rest/task/" + taskId + "/claim", user, Map.of("userId", user)),
          "claim");
    }
    timed(
        own,
        count,
        () ->
            http.post(
                "/engine-rest/task/" + taskId + "/submit-form",
                user,
                WebTest.formVariables(variables)),
        "submit " + taskKey);
  }

  /** One line of the pre-check's table: the figures of one kind of request. */
  static String row(String request, Result r) {
    return "| "
        + request
        + " | "
        + f1(r.requestsPerSecond())
        + " | "
        + f1(r.p50())
        + " | "
        + f1(r.p95())
        + " | "
        + f1(r.p99())
        + " | "
        + f2(r.cpuMsPerRequest())
        + " |";
  }

  static String describe(Result r, String unit) {
    return f1(r.requestsPerSecond())
        + " requests/s"
        + (r.casesPerSecond() > 0 ? " (" + f2(r.casesPerSecond()) + " " + unit + "/s)" : "")
        + ", p50 "
        + f1(r.p50())
        + " ms, p95 "
        + f1(r.p95())
        + " ms, p99 "
        + f1(r.p99())
        + " ms over "
        + r.requests()
        + " requests; CPU "
        + f2(r.cpuMsPerRequest())
        + " ms per request (server and "
        + "clients in this JVM; "
        + CORES
        + " cores give at most "
        + f1(CORES * 1000 / Math.max(0.001, r.cpuMsPerRequest()))
        + " requests/s at that cost); system load average "
        + f1(
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
  }
}
