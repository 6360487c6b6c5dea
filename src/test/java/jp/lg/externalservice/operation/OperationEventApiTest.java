package jp.lg.externalservice.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import jp.lg.externalservice.ApplicationAnswers;
import jp.lg.externalservice.WebTest;
import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.classification.Outcome;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.classification.ServiceCategory;
import jp.lg.externalservice.classification.ServiceKind;
import jp.lg.externalservice.registry.EntryType;
import jp.lg.externalservice.registry.NewRegistryEntry;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryEvent;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /api/services/{id}/events}: reporting an event to a service in operation. */
class OperationEventApiTest extends WebTest {

  @Autowired RegistryService registry;
  @Autowired CaseMessages messages;
  @Autowired RuntimeService runtimeService;

  private String inOperation(String department, String administrator) {
    String id =
        registry.register(
            new NewRegistryEntry(
                EntryType.SERVICE,
                "事象 API",
                "提供会社",
                ServiceKind.CLOUD_INTERNET,
                ServiceCategory.BUSINESS_APPLICATION,
                department,
                department.equals("kumin") ? "区民課" : "福祉課",
                Route.PAID,
                Outcome.APPLICATION_REQUIRED,
                "利用申請が必要",
                "[]",
                "[]",
                administrator,
                "所属長",
                "sato",
                "佐藤 花子",
                LocalDate.of(2027, 4, 1),
                LocalDate.of(2028, 3, 31),
                null),
            "kobayashi",
            "approval");
    Map<String, Object> variables =
        new java.util.HashMap<>(ApplicationAnswers.kintone().variables());
    variables.putAll(
        Map.of(
            "registryEntryId",
            id,
            "departmentCode",
            department,
            "route",
            "PAID",
            "serviceAdministrator",
            administrator,
            "governmentCloudRules",
            false));
    messages.startOperation(id, variables);
    return id;
  }

  @Test
  @DisplayName("国外サーバの判明を報告すると、運用中のサービスは直ちに利用停止になる")
  void overseasDataStopsTheService() {
    String id = inOperation("kumin", "tanaka");
    Answer answer =
        postJson(
            "/api/services/" + id + "/events",
            "sato",
            Map.of("type", "OVERSEAS_DATA", "description", "ログが海外に転送されていた"));
    assertThat(answer.status()).isEqualTo(202);
    assertThat(registry.find(id).orElseThrow().status()).isEqualTo(RegistryStatus.SUSPENDED);
    assertThat(
            postJson(
                    "/api/services/" + id + "/events",
                    "sato",
                    Map.of("type", "INCIDENT_ELSEWHERE", "description", "再通知"))
                .status())
        .as("no longer in operation")
        .isEqualTo(409);
  }

  @Test
  @DisplayName("他部署の台帳・未知の番号は 404、誤った種類は 400、ログインなしは 401")
  void badReports() {
    String fukushi = inOperation("fukushi", "watanabe");
    assertThat(
            postJson(
                    "/api/services/" + fukushi + "/events",
                    "sato",
                    Map.of("type", "TERMS_CHANGED", "description", "改定"))
                .status())
        .isEqualTo(404);
    assertThat(
            postJson(
                    "/api/services/REG-1900-0001/events",
                    "yamamoto",
                    Map.of("type", "TERMS_CHANGED", "description", "改定"))
                .status())
        .isEqualTo(404);
    Answer bad =
        postJson("/api/services/" + fukushi + "/events", "watanabe", Map.of("type", "EARTHQUAKE"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("type", "description", "OVERSEAS_DATA");
    assertThat(postJson("/api/services/" + fukushi + "/events", null, Map.of()).status())
        .isEqualTo(401);
    assertThat(
            postJson(
                    "/api/services/" + fukushi + "/events",
                    "watanabe",
                    Map.of("type", "TERMS_CHANGED", "description", "約款の改定"))
                .status())
        .isEqualTo(202);
  }

  @Test
  @DisplayName("部署の他の職員は報告できず（403、日英）、何も起きない")
  void otherMembersOfTheDepartmentAreRefused() {
    String id = inOperation("kumin", "tanaka");
    int events = registry.find(id).orElseThrow().events().size();
    // takahashi: 区民課, its 利用責任者, but neither the service manager (sato) nor the 所属長 (tanaka)
    Answer refused =
        postJson(
            "/api/services/" + id + "/events",
            "takahashi",
            Map.of("type", "OVERSEAS_DATA", "description", "ログが海外に転送されていた"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body().get("error").asText()).contains("サービス管理担当者", "所属長", "情報政策課");
    assertThat(refused.body().get("errorEn").asText()).contains("service manager");
    assertThat(registry.find(id).orElseThrow().status()).isEqualTo(RegistryStatus.ACTIVE);
    assertThat(registry.find(id).orElseThrow().events()).hasSize(events);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .processDefinitionKey(CaseProcesses.TERMINATION)
                .count())
        .as("no termination started")
        .isZero();
    assertThat(
            runtimeService
                .createExecutionQuery()
                .processInstanceBusinessKey(id)
                .processDefinitionKey(OperationProcess.KEY)
                .messageEventSubscriptionName(OperationProcess.MESSAGE_OVERSEAS_DATA_FOUND)
                .count())
        .as("operation still waiting")
        .isEqualTo(1);
  }

  @Test
  @DisplayName("所属長と情報政策課は報告でき、台帳には報告した本人が記録される")
  void unitHeadAndPolicyDivisionMayReportAndAreRecorded() {
    for (String caller : java.util.List.of("tanaka", "yamamoto")) {
      String id = inOperation("kumin", "tanaka");
      Answer answer =
          postJson(
              "/api/services/" + id + "/events",
              caller,
              Map.of("type", "OVERSEAS_DATA", "description", "ログが海外に転送されていた"));
      assertThat(answer.status()).as(caller).isEqualTo(202);
      RegistryEntry entry = registry.find(id).orElseThrow();
      assertThat(entry.status()).isEqualTo(RegistryStatus.SUSPENDED);
      RegistryEvent suspended = entry.events().get(entry.events().size() - 1);
      assertThat(suspended.eventType()).isEqualTo(RegistryEvent.STATUS_CHANGED);
      assertThat(suspended.note()).contains("SUSPENDED");
      assertThat(suspended.actor()).as("the caller, not the service manager").isEqualTo(caller);
    }
  }
}
