package jp.lg.externalservice.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseSteps;
import jp.lg.externalservice.review.ReviewProcess;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two nodes on one PostgreSQL database, as behind a load balancer: the schema is created by the
 * first node, an application started on node A is checked on node B and decided on A; a few hundred
 * timer and asynchronous jobs run exactly once across the nodes (the job log counts every execution
 * and names the node that ran it); when node B is killed, nothing is lost and node A carries on
 * with B's work, including the jobs B had locked. Both nodes send the mail outbox to one SMTP
 * server (GreenMail): while both run, every notification arrives exactly once; after B is killed,
 * none is lost.
 */
@EnabledIfEnvironmentVariable(
    named = "IT_POSTGRES_URL",
    matches = ".+",
    disabledReason = "a cluster needs PostgreSQL: set IT_POSTGRES_URL (CI does)")
class ClusterIT {

  private static final int APPLICATIONS = Integer.getInteger("it.cluster.applications", 60);

  /**
   * Each probe instance makes three jobs: an asynchronous start, a timer and an asynchronous
   * continuation. The asynchronous start hints the job executor of the node that started the probe,
   * so both nodes get work even when one of them is woken all the time by its own jobs.
   */
  private static final int PROBES = Integer.getInteger("it.cluster.probes", 150);

  private static final String PROBE = "cluster-probe";

  /** Tasks done on node B; everything else goes to node A. */
  private static final Set<String> ON_B =
      Set.of(
          ApplicationProcess.Element.ACCEPT_RISKS,
          ApplicationProcess.Element.SELF_CHECK_MEASURES,
          CaseSteps.DOUBLE_CHECK);

  @Test
  @DisplayName("2 ノードで申請・審査が進み、ジョブはちょうど 1 回ずつ実行され、片方を落としても他方が引き継ぐ")
  void twoNodesShareTheWork() throws Exception {
    ItDatabase database = ItDatabase.fromEnvironment();
    Path root = Path.of("target", "it", "cluster").toAbsolutePath();
    database.reset(root);
    List<String> arguments = new ArrayList<>(database.nodeArguments());
    arguments.add("--camunda.bpm.job-execution.lock-time-in-millis=10000");
    // an idle node looks for due timers every second, not every five
    arguments.add("--camunda.bpm.job-execution.wait-time-in-millis=1000");

    // both nodes send the outbox every second to one SMTP server; a claim B held when it died
    // expires after 20 s
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    AutoCloseable smtpStops = smtp::stop;
    arguments.addAll(
        List.of(
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtp.getSmtp().getPort(),
            "--external-service.notifications.send-interval=PT1S",
            "--external-service.notifications.send-initial-delay=PT1S",
            "--external-service.notifications.claim-for=PT20S"));

    // the first node creates the schema; the second joins an initialised database
    try (smtpStops;
        Node a = new Node("node-a", root.resolve("a"), arguments).start();
        Node b = new Node("node-b", root.resolve("b"), arguments).start()) {
      Rest restA = a.rest();
      Rest restB = b.rest();
      deployProbe(restA);
      LifecycleDriver driver = new LifecycleDriver();

      // 1. timers and async continuations while both nodes run; applications walked across the
      // nodes
      List<String> probes = new ArrayList<>(startProbes(restA, restB, PROBES / 2, "probe-1-"));
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<String>> applications = new ArrayList<>();
      for (int i = 0; i < APPLICATIONS; i++) {
        String name = String.format("cluster-%03d", i);
        applications.add(
            clients.submit(
                () -> {
                  String id = driver.apply(restA, name); // started on A
                  walk(driver, restA, restB, id, CaseSteps.DECIDE);
                  return id;
                }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> application : applications) {
        ids.add(application.get(5, TimeUnit.MINUTES));
      }
      clients.shutdown();

      // while both nodes send: every notification of the walk arrives exactly once
      Map<Long, String> sentWhileBothRan = awaitOutboxSent(database);
      Map<String, Integer> received = receivedByNotification(smtp);
      assertThat(sentWhileBothRan).as("the walk notified people").isNotEmpty();
      assertThat(received)
          .as("each notification arrived exactly once")
          .allSatisfy((id, copies) -> assertThat(copies).as(id).isEqualTo(1));
      assertThat(received.keySet())
          .as("what arrived is what the outbox marks sent")
          .containsExactlyInAnyOrderElementsOf(
              sentWhileBothRan.keySet().stream().map(String::valueOf).toList());

      // 2. node B dies while it holds jobs; A carries on
      probes.addAll(startProbes(restA, restB, PROBES - PROBES / 2, "probe-2-"));
      Thread.sleep(3000);
      b.kill();
      for (String id : ids) {
        driver.finish(restA, id);
      }
      awaitFinished(restA, probes.size());

      // 3. every job ran exactly once; both nodes ran jobs; nothing lost
      Map<String, Integer> runsByJob = new HashMap<>();
      Map<String, Integer> jobsByHost = new HashMap<>();
      for (JsonNode log :
          restA.getOk("/engine-rest/history/job-log?successLog=true&maxResults=100000", "demo")) {
        if ("history-cleanup".equals(log.path("jobDefinitionType").asText())) {
          // the engine's history cleanup is one job run again and again in its window
          // (01:00–05:00): not work of the walk
          continue;
        }
        runsByJob.merge(log.get("jobId").asText(), 1, Integer::sum);
        jobsByHost.merge(log.get("hostname").asText(), 1, Integer::sum);
      }
      long probeJobs = jobLogCount(restA, "processDefinitionKey=" + PROBE);
      long registryJobs =
          jobLogCount(restA, "activityIdIn=" + ReviewProcess.Element.REGISTER_APPROVED_SERVICE);
      assertThat(runsByJob)
          .as("every job succeeded exactly once")
          .allSatisfy((job, runs) -> assertThat(runs).as(job).isEqualTo(1));
      assertThat(probeJobs)
          .as("an asynchronous start, a timer and a continuation for each probe")
          .isEqualTo(3L * probes.size());
      assertThat(registryJobs)
          .as("one registry write for each application")
          .isEqualTo(APPLICATIONS);
      assertThat(jobsByHost.keySet()).as("both nodes executed jobs").contains("node-a", "node-b");
      assertThat(driver.completedOn.keySet())
          .as("tasks were completed on both nodes")
          .contains("node-a", "node-b");

      Map<String, Integer> entriesByName = new HashMap<>();
      restA
          .getOk("/api/services?q=cluster-", "demo")
          .forEach(
              entry -> entriesByName.merge(entry.get("serviceName").asText(), 1, Integer::sum));
      assertThat(entriesByName)
          .hasSize(APPLICATIONS)
          .allSatisfy((name, count) -> assertThat(count).isEqualTo(1));
      assertThat(ids)
          .allSatisfy(id -> assertThat(LifecycleDriver.ended(restA, id)).as(id).isTrue());
      assertThat(restA.getOk("/engine-rest/incident/count", "demo").get("count").asInt()).isZero();

      // after B died: every notification was sent, none lost (a mail B handed to the server just
      // before it died, without recording it, is sent again by A: at least once across a crash)
      Map<Long, String> sent = awaitOutboxSent(database);
      Map<String, Integer> arrived = receivedByNotification(smtp);
      assertThat(arrived.keySet())
          .as("no notification lost")
          .containsAll(sent.keySet().stream().map(String::valueOf).toList());

      System.out.printf(
          "ClusterIT: %d applications and %d probes; %d jobs ran once each (%d probe, %d registry), by node %s;"
              + " tasks by node: %s; %d mails (%d sent while both nodes ran, by sender %s)%n",
          APPLICATIONS,
          probes.size(),
          runsByJob.size(),
          probeJobs,
          registryJobs,
          jobsByHost,
          countByNode(driver),
          sent.size(),
          sentWhileBothRan.size(),
          countByValue(sentWhileBothRan));
    }
  }

  /**
   * Completes the application's tasks, on B for the department's steps and on A for the others, up
   * to {@code last}.
   */
  private static void walk(LifecycleDriver driver, Rest restA, Rest restB, String id, String last)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    String done;
    do {
      done = driver.completeNext(key -> ON_B.contains(key) ? restB : restA, restA, id);
      if (done == null) {
        assertThat(System.nanoTime()).as("waiting for a job in " + id).isLessThan(deadline);
        Thread.sleep(200);
      }
    } while (!last.equals(done));
  }

  /**
   * Waits until the outbox has nothing left to send; returns the sent notifications with the node
   * that claimed each.
   */
  private static Map<Long, String> awaitOutboxSent(ItDatabase database) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT id, status, claimed_by FROM notification_outbox")) {
        Map<Long, String> sent = new HashMap<>();
        boolean pending = false;
        while (rows.next()) {
          assertThat(rows.getString("status")).as("no mail failed").isNotEqualTo("FAILED");
          pending |= "PENDING".equals(rows.getString("status"));
          sent.put(rows.getLong("id"), rows.getString("claimed_by"));
        }
        if (!pending) {
          return sent;
        }
      }
      assertThat(System.nanoTime()).as("the outbox is sent").isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  /** How many copies of each notification (by its {@code X-Notification-Id}) the server has. */
  private static Map<String, Integer> receivedByNotification(GreenMail smtp) throws Exception {
    Map<String, Integer> copies = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      copies.merge(message.getHeader("X-Notification-Id", null), 1, Integer::sum);
    }
    return copies;
  }

  private static Map<String, Integer> countByValue(Map<Long, String> claimedBy) {
    Map<String, Integer> counts = new HashMap<>();
    claimedBy.values().forEach(node -> counts.merge(String.valueOf(node), 1, Integer::sum));
    return counts;
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Map<String, Integer> countByNode(LifecycleDriver driver) {
    Map<String, Integer> counts = new HashMap<>();
    driver.completedOn.forEach((node, keys) -> counts.put(node, keys.size()));
    return counts;
  }

  private static void deployProbe(Rest rest) {
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(PROBE)
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Started")
                .camundaAsyncBefore()
                .intermediateCatchEvent("Event_Wait")
                .timerWithDuration("${wait}")
                .serviceTask("Task_Touch")
                .camundaAsyncBefore()
                .camundaExpression("${true}")
                .endEvent()
                .done());
    String boundary = "----cluster-probe";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String part =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + PROBE
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
            + PROBE
            + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + xml
            + "\r\n--"
            + boundary
            + "--\r\n";
    body.writeBytes(part.getBytes(StandardCharsets.UTF_8));
    Rest.Answer answer =
        rest.post(
            "/engine-rest/deployment/create",
            "demo",
            "multipart/form-data; boundary=" + boundary,
            body.toByteArray());
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
  }

  /** Starts probes alternately on both nodes, their timers due in 2 to 9 seconds. */
  private static List<String> startProbes(Rest restA, Rest restB, int count, String prefix) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Rest.Answer started =
          (i % 2 == 0 ? restA : restB)
              .post(
                  "/engine-rest/process-definition/key/" + PROBE + "/start",
                  "demo",
                  Map.of(
                      "businessKey",
                      prefix + i,
                      "variables",
                      Map.of("wait", Map.of("value", "PT" + (2 + i % 8) + "S"))));
      assertThat(started.status()).as(started.text()).isEqualTo(200);
      ids.add(started.body().get("id").asText());
    }
    return ids;
  }

  private static void awaitFinished(Rest rest, int probes) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (rest.getOk(
                "/engine-rest/history/process-instance/count?finished=true&processDefinitionKey="
                    + PROBE,
                "demo")
            .get("count")
            .asInt()
        < probes) {
      assertThat(System.nanoTime()).as("node A finishes the probes").isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private static long jobLogCount(Rest rest, String filter) {
    return rest.getOk("/engine-rest/history/job-log/count?successLog=true&" + filter, "demo")
        .get("count")
        .asLong();
  }
}
