package jp.lg.externalservice.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.review.ReviewProcess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Durability: a few hundred applications are being processed by 8 clients when the application
 * process is killed with SIGKILL. After a restart on the same database (the H2 file by default,
 * PostgreSQL in CI) nothing the node acknowledged is lost, nothing is duplicated, the registry
 * agrees with the process state, the interrupted jobs run again, and every application can be taken
 * to its end.
 */
class CrashRecoveryIT {

  private static final int APPLICATIONS = Integer.getInteger("it.applications", 200);

  /**
   * Locks held by the killed node expire after this time; production keeps Camunda's default of 5
   * minutes.
   */
  private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=10000";

  @Test
  @DisplayName("処理中に SIGKILL で落としても、再起動後に申請の消失も重複もなく、台帳とプロセスが一致し、最後まで進められる")
  void nothingAcknowledgedIsLostAfterSigkill() throws Exception {
    ItDatabase database = ItDatabase.fromEnvironment();
    Path directory = Path.of("target", "it", "crash-" + database.name()).toAbsolutePath();
    database.reset(directory);
    String prefix = "crash-" + database.name() + "-";
    List<String> arguments = new ArrayList<>(database.nodeArguments());
    arguments.add(LOCK_TIME);
    LifecycleDriver driver = new LifecycleDriver();

    Node node = new Node("crash-" + database.name(), directory, arguments).start();
    try {
      Rest rest = node.rest();
      // one queue of applications: each client starts one or takes it one step further, then queues
      // it again
      ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < APPLICATIONS; i++) {
        queue.add(i);
      }
      AtomicInteger steps = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      for (int client = 0; client < 8; client++) {
        clients.submit(
            () -> {
              Integer next;
              while ((next = queue.poll()) != null) {
                String name = prefix + String.format("%04d", next);
                try {
                  String id = driver.started.get(name);
                  if (id == null) {
                    driver.apply(rest, name);
                    steps.incrementAndGet();
                    queue.add(next);
                  } else if (driver.completeNext(key -> rest, rest, id) != null) {
                    steps.incrementAndGet();
                    queue.add(next);
                  } else if (!LifecycleDriver.ended(rest, id)) {
                    queue.add(next); // its registry write is pending
                  }
                } catch (IllegalStateException nodeDown) {
                  return; // the node was killed under this request
                }
              }
            });
      }
      // about 9 steps an application; kill when about 40 % of the work is done
      int killAt = APPLICATIONS * 4;
      while (steps.get() < killAt) {
        Thread.sleep(20);
      }
      node.kill();
      clients.shutdown();
      assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
      int acknowledgedStarts = driver.started.size();
      int acknowledgedTasks = driver.completedTasks.size();

      node.start();
      // 1. no application lost, none duplicated
      Map<String, List<String>> instancesByName = new HashMap<>();
      for (JsonNode variable :
          rest.getOk(
              "/engine-rest/history/variable-instance?variableName=serviceName"
                  + "&processDefinitionKey="
                  + LifecycleDriver.APPLICATION_KEY
                  + "&maxResults=100000",
              "demo")) {
        instancesByName
            .computeIfAbsent(variable.get("value").asText(), name -> new ArrayList<>())
            .add(variable.get("processInstanceId").asText());
      }
      assertThat(instancesByName.values())
          .as("no application is there twice")
          .allSatisfy(ids -> assertThat(ids).hasSize(1));
      driver.started.forEach(
          (name, id) ->
              assertThat(instancesByName.get(name))
                  .as(name + " was acknowledged")
                  .containsExactly(id));

      // 2. no acknowledged task completion undone
      Set<String> open = new HashSet<>();
      rest.getOk("/engine-rest/task?maxResults=100000", "demo")
          .forEach(task -> open.add(task.get("id").asText()));
      assertThat(open)
          .as("acknowledged completions stay completed")
          .doesNotContainAnyElementsOf(driver.completedTasks);

      // 3. the registry agrees with the process state: one entry for each finished registry write,
      // no other
      Set<String> registered = new HashSet<>();
      rest.getOk(
              "/engine-rest/history/activity-instance?activityId="
                  + ReviewProcess.Element.REGISTER_APPROVED_SERVICE
                  + "&finished=true&maxResults=100000",
              "demo")
          .forEach(activity -> registered.add(activity.get("processInstanceId").asText()));
      List<String> entries = new ArrayList<>();
      rest.getOk("/api/services?q=" + prefix, "demo")
          .forEach(entry -> entries.add(entry.get("applicationProcessInstanceId").asText()));
      assertThat(entries)
          .as("the registry agrees with the processes")
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(registered);

      // 4. every application goes on to its end on the restarted node; interrupted jobs run again
      ExecutorService finishers = Executors.newFixedThreadPool(8);
      List<java.util.concurrent.Future<?>> finished = new ArrayList<>();
      instancesByName
          .values()
          .forEach(
              ids ->
                  finished.add(
                      finishers.submit(
                          () -> {
                            driver.finish(rest, ids.get(0));
                            return null;
                          })));
      for (var future : finished) {
        future.get(5, TimeUnit.MINUTES);
      }
      finishers.shutdown();

      Map<String, Integer> entriesByName = new HashMap<>();
      rest.getOk("/api/services?q=" + prefix, "demo")
          .forEach(
              entry -> entriesByName.merge(entry.get("serviceName").asText(), 1, Integer::sum));
      assertThat(entriesByName)
          .as("one registry entry for each application")
          .hasSize(instancesByName.size())
          .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
      assertThat(rest.getOk("/engine-rest/incident/count", "demo").get("count").asInt())
          .as("no incident")
          .isZero();
      assertThat(
              rest.getOk("/engine-rest/job/count?noRetriesLeft=true", "demo").get("count").asInt())
          .as("no job silently out of retries")
          .isZero();
      assertThat(
              rest.getOk(
                      "/engine-rest/process-instance/count?processDefinitionKey="
                          + CaseProcesses.OPERATION,
                      "demo")
                  .get("count")
                  .asInt())
          .as("each application runs in operation")
          .isEqualTo(instancesByName.size());

      System.out.printf(
          "CrashRecoveryIT(%s): %d applications, killed after %d steps; %d starts and %d task "
              + "completions acknowledged before the crash; %d applications on record, all finished once%n",
          database.name(),
          APPLICATIONS,
          steps.get(),
          acknowledgedStarts,
          acknowledgedTasks,
          instancesByName.size());
    } finally {
      node.close();
    }
  }
}
