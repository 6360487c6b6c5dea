package jp.lg.externalservice.registry;

import static jp.lg.externalservice.registry.RegistryEntries.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.classification.Route;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registry write joins the caller's transaction: when the process step fails after it, nothing of
 * it remains (001 8.2(4)③: the service is recorded in the same transaction as the approval).
 */
class RegistryTransactionTest extends EngineTest {

  /**
   * A probe diagram: {@code Task_Register} writes to the registry, then {@code Task_Afterwards}
   * runs or fails.
   */
  private static final String PROBE = "Process_RegistryTransactionProbe";

  /**
   * The probe's delegates, as the diagrams reference theirs: Spring beans named in a delegate
   * expression.
   */
  @TestConfiguration
  static class ProbeDelegates {

    /**
     * The id the first step registered, kept outside the transaction so the test can look for it
     * afterwards.
     */
    static final AtomicReference<String> REGISTERED = new AtomicReference<>();

    @Bean
    JavaDelegate registryProbeRegister(RegistryService registry) {
      return execution ->
          REGISTERED.set(
              registry.register(
                  service(
                      (String) execution.getVariable("serviceName"), "サイボウズ株式会社", Route.IMPORTANT),
                  "kobayashi",
                  execution.getProcessInstanceId()));
    }

    @Bean
    JavaDelegate registryProbeAfterwards() {
      return execution -> {
        if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
          throw new IllegalStateException("the next step fails");
        }
      };
    }
  }

  @Autowired RegistryService registry;
  @Autowired TransactionTemplate transactionTemplate;
  @Autowired JdbcTemplate jdbcTemplate;

  private final String marker = "t" + UUID.randomUUID().toString().substring(0, 8);
  private String deploymentId;

  @BeforeEach
  void deployProbe() {
    BpmnModelInstance probe =
        Bpmn.createExecutableProcess(PROBE)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Task_Register")
            .camundaDelegateExpression("${registryProbeRegister}")
            .serviceTask("Task_Afterwards")
            .camundaDelegateExpression("${registryProbeAfterwards}")
            .endEvent()
            .done();
    deploymentId =
        processEngine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(PROBE + ".bpmn", probe)
            .deploy()
            .getId();
  }

  @AfterEach
  void removeProbe() {
    processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
  }

  private long rows(String table, String column, String id) {
    return jdbcTemplate.queryForObject(
        "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Long.class, id);
  }

  private ProcessInstance startProbe(boolean fail) {
    ProbeDelegates.REGISTERED.set(null);
    return runtimeService.startProcessInstanceByKey(
        PROBE, Map.of("serviceName", "kintone " + marker, "fail", fail));
  }

  @Test
  @DisplayName("トランザクション内で登録した後に失敗すると、台帳にもイベントにも何も残らない")
  void rolledBackWithTheTransaction() {
    AtomicReference<String> id = new AtomicReference<>();
    assertThatThrownBy(
            () ->
                transactionTemplate.executeWithoutResult(
                    status -> {
                      id.set(
                          registry.register(
                              service("kintone " + marker, "サイボウズ株式会社", Route.IMPORTANT),
                              "kobayashi",
                              "pi-" + marker));
                      assertThat(registry.find(id.get()))
                          .as("visible inside the transaction")
                          .isPresent();
                      throw new IllegalStateException(
                          "the process step fails after the registry write");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(id.get()).as("the registry was written before the failure").isNotNull();
    assertThat(registry.find(id.get())).isEmpty();
    assertThat(rows("approved_service", "id", id.get())).isZero();
    assertThat(rows("approved_service_event", "entry_id", id.get())).isZero();
  }

  @Test
  @DisplayName("エンジンの工程（Java デリゲート）で登録した後に次の工程が失敗すると、プロセスの開始と一緒に登録も取り消される")
  void rolledBackWithTheEngineStep() {
    assertThatThrownBy(() -> startProbe(true)).hasStackTraceContaining("the next step fails");
    String id = ProbeDelegates.REGISTERED.get();

    assertThat(id).as("the delegate wrote to the registry before the failure").isNotNull();
    assertThat(registry.find(id)).isEmpty();
    assertThat(rows("approved_service", "id", id)).isZero();
    assertThat(rows("approved_service_event", "entry_id", id)).isZero();
    assertThat(
            historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROBE).count())
        .as("the engine step is rolled back too")
        .isZero();
  }

  @Test
  @DisplayName("次の工程も成功すれば、登録はプロセスと一緒にコミットされ、作成したプロセスインスタンスが記録される")
  void committedWithTheEngineStep() {
    ProcessInstance instance = startProbe(false);

    RegistryEntry entry = registry.find(ProbeDelegates.REGISTERED.get()).orElseThrow();
    assertThat(entry.applicationProcessInstanceId()).isEqualTo(instance.getId());
    assertThat(entry.events())
        .extracting(RegistryEvent::processInstanceId)
        .containsExactly(instance.getId());
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .finished()
                .count())
        .isEqualTo(1);
  }
}
