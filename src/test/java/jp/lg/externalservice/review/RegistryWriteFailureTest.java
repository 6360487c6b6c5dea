package jp.lg.externalservice.review;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.*;
import static jp.lg.externalservice.review.ReviewProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.registry.RegistryQuery;
import jp.lg.externalservice.registry.RegistryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry write runs after an asynchronous boundary: when it fails (here the registry table is
 * really unavailable), the decision already taken stays taken, the write is retried by the job
 * executor, and after the last retry an incident shows in Cockpit; once the cause is fixed, "retry"
 * finishes the step exactly once.
 */
class RegistryWriteFailureTest extends EngineTest {

  private static final String SERVICE_NAME = "台帳障害テスト SaaS";

  @Autowired RegistryService registry;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired ManagementService managementService;

  private boolean registryOffline;

  private void takeRegistryOffline() {
    jdbcTemplate.execute("ALTER TABLE approved_service RENAME TO approved_service_offline");
    registryOffline = true;
  }

  @AfterEach
  void bringRegistryBack() {
    if (registryOffline) {
      jdbcTemplate.execute("ALTER TABLE approved_service_offline RENAME TO approved_service");
      registryOffline = false;
    }
  }

  private ProcessInstance awaitingDecision() {
    ProcessInstance instance =
        submitApplication(
            "sato",
            kintone().service(SERVICE_NAME, "CLOUD_INTERNET", "BUSINESS_APPLICATION").variables());
    String route = (String) runtimeService.getVariable(instance.getId(), "route");
    submitTask(
        "sato",
        task(instance),
        "IMPORTANT".equals(route) ? allCriteriaMet() : risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(instance), measuresAllMet());
    complete(
        instance,
        ApplicationProcess.Element.DOUBLE_CHECK,
        "takahashi",
        doubleCheck("FORWARD", null));
    complete(instance, REVIEW, "yamamoto", review("APPROVE", null));
    if (task(instance, REVIEW_IT_PLANNING) != null) {
      complete(instance, REVIEW_IT_PLANNING, "kimura", vars("itPlanningDecision", "APPROVED"));
    }
    return instance;
  }

  private Job registryJob(ProcessInstance instance) {
    return managementService
        .createJobQuery()
        .processInstanceId(calledInstance(instance, ReviewProcess.KEY).getId())
        .activityId(REGISTER_APPROVED_SERVICE)
        .singleResult();
  }

  @Test
  @DisplayName("台帳への書込みが失敗しても決定は残り、再試行の後にインシデントとなり、原因を直して再試行すると一度だけ登録される")
  void failedRegistryWriteBecomesARetryableIncident() {
    ProcessInstance instance = awaitingDecision();
    takeRegistryOffline();

    Task decide = task(instance, DECIDE);
    asUser(
        "kobayashi",
        () -> {
          taskService.claim(decide.getId(), "kobayashi");
          formService.submitTaskForm(decide.getId(), decision("APPROVE", null));
        });

    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .taskId(decide.getId())
                .finished()
                .count())
        .as("the decision is committed before the registry write")
        .isEqualTo(1);
    Job job = registryJob(instance);
    assertThat(job).as("the registry write waits as a job").isNotNull();
    assertThat(job.getRetries()).isEqualTo(3);

    for (int attempt = 1; attempt <= 3; attempt++) {
      String jobId = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .satisfies(
              failure -> {
                java.io.StringWriter trace = new java.io.StringWriter();
                failure.printStackTrace(new java.io.PrintWriter(trace));
                assertThat(trace.toString())
                    .as("the database's own error")
                    .containsIgnoringCase("approved_service");
              });
      job = registryJob(instance);
      assertThat(job.getRetries())
          .as("retries left after attempt %d", attempt)
          .isEqualTo(3 - attempt);
      assertThat(job.getExceptionMessage()).isNotBlank();
    }

    List<Incident> incidents =
        runtimeService
            .createIncidentQuery()
            .processInstanceId(calledInstance(instance, ReviewProcess.KEY).getId())
            .list();
    assertThat(incidents)
        .singleElement()
        .satisfies(
            incident -> {
              assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
              assertThat(incident.getActivityId()).isEqualTo(REGISTER_APPROVED_SERVICE);
              assertThat(incident.getConfiguration()).isEqualTo(registryJob(instance).getId());
            });
    assertThat(task(instance, ACKNOWLEDGE_USAGE_RISKS))
        .as("the flow waits at the failed step")
        .isNull();

    bringRegistryBack();
    assertThat(registry.search(new RegistryQuery(null, null, null, SERVICE_NAME)))
        .as("nothing half-written")
        .isEmpty();

    // what Cockpit's "retry" does (one more retry, due now)
    managementService
        .setJobRetries(1)
        .jobId(registryJob(instance).getId())
        .dueDate(ClockUtil.getCurrentTime())
        .execute();
    runAsyncContinuations(instance.getId());

    assertThat(
            runtimeService
                .createIncidentQuery()
                .processInstanceId(calledInstance(instance, ReviewProcess.KEY).getId())
                .count())
        .as("the incident is resolved")
        .isZero();
    assertThat(registry.search(new RegistryQuery(null, null, null, SERVICE_NAME))).hasSize(1);
    assertThat(registryJob(instance)).isNull();
    assertThat(task(instance, ACKNOWLEDGE_USAGE_RISKS)).as("the flow carries on").isNotNull();
  }
}
