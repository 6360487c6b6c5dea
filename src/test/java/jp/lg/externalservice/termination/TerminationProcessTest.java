package jp.lg.externalservice.termination;

import static jp.lg.externalservice.termination.TerminationProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.FullProcessCoverage;
import jp.lg.externalservice.TaskAnswers;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryEntries;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The termination of an approved service (002 §7, 004 §9 終了, §12), every flow covered (asserted).
 */
@FullProcessCoverage(TerminationProcess.KEY)
class TerminationProcessTest extends EngineTest {

  @Autowired RegistryService registry;
  @Autowired jp.lg.externalservice.caserecord.CaseMessages messages;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String entryInUse(Route route) {
    return registry.register(
        RegistryEntries.inUse("終了する " + route, route), "kobayashi", "approval-" + route);
  }

  private ProcessInstance terminate(String user, Map<String, Object> variables) {
    String definitionId = repositoryDefinitionId(TerminationProcess.KEY);
    return as(user, () -> formService.submitStartForm(definitionId, variables));
  }

  private static Map<String, Object> doubleCheck(
      String decision, String comment, String... crossed) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("terminationDoubleCheck", TaskAnswers.checklist("t", 4, crossed));
    variables.put("terminationDecision", decision);
    variables.put("terminationComment", comment);
    return variables;
  }

  @Test
  @DisplayName("重要情報ありのサービス: 終了確認書と様式6 をダブルチェックし、様式3 を受理して台帳が利用終了になる")
  void importantServiceTerminatedWithForm3() {
    String entryId = entryInUse(Route.IMPORTANT);
    ProcessInstance instance = terminate("sato", TaskAnswers.terminationRequest(entryId, "FORM3"));
    assertThat(instance).isWaitingAt(DOUBLE_CHECK).hasBusinessKey(entryId);
    assertThat(task(instance).getName()).isEqualTo("終了する IMPORTANT：終了確認書をダブルチェックする");
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("CONFIRM", null));
    complete(instance, ACKNOWLEDGE_REPORT, "yamamoto", Map.of("reportNote", "受理"));
    assertThat(instance).isEnded().hasPassed(CLOSE_REGISTRY_ENTRY, END_TERMINATED);

    RegistryEntry entry = registry.find(entryId).orElseThrow();
    assertThat(entry.status()).isEqualTo(RegistryStatus.TERMINATED);
    assertThat(entry.endDate()).hasToString("2027-03-31");
    assertThat(entry.events())
        .extracting(event -> event.processInstanceId())
        .contains(instance.getId());
  }

  @Test
  @DisplayName("廃棄証明がなければ確認できず差し戻され、期限を過ぎると所属長に通知され、補完後に確認できる（R-14）")
  void missingDisposalCertificate() {
    String entryId = entryInUse(Route.PAID);
    ProcessInstance instance =
        terminate("sato", TaskAnswers.terminationRequest(entryId, "LEDGER_SURVEY", "t2"));
    InputValidationException blocked =
        refused(
            () ->
                complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("CONFIRM", null, "t2")));
    assertThat(blocked.getMessage()).contains("t2", "R-14");
    InputValidationException noReason =
        refused(
            () -> complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("RETURN", null, "t2")));
    assertThat(noReason.getErrors())
        .extracting(FieldError::field)
        .containsExactly("terminationComment");
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("RETURN", "廃棄証明を取得してください", "t2"));
    assertThat(instance).isWaitingAt(COMPLETE_TERMINATION).task().isAssignedTo("sato");
    assertThat(registry.find(entryId).orElseThrow().status())
        .as("the entry stays in use")
        .isEqualTo(RegistryStatus.ACTIVE);

    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15))));
    assertThat(fireDueTimers(instance)).isEqualTo(1);
    assertThat(
            taskService
                .createTaskQuery()
                .taskId(task(instance, ESCALATE).getId())
                .taskCandidateGroup("unit-head-kumin")
                .count())
        .isEqualTo(1);
    complete(instance, ESCALATE, "tanaka", Map.of());

    Map<String, Object> completed = new HashMap<>();
    completed.put("terminationCheck", TaskAnswers.checklist("t", 4));
    completed.put("disposalProof", "データ消去証明書 No.2027-0415 を受領");
    completed.put("correctionNote", "事業者から廃棄証明を受領しました");
    submitTask("sato", task(instance, COMPLETE_TERMINATION), completed);
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("CONFIRM", null));
    assertThat(instance)
        .as("the register survey replaces 様式3 (R-5)")
        .isEnded()
        .hasNotPassed(ACKNOWLEDGE_REPORT);
    assertThat(registry.find(entryId).orElseThrow().status()).isEqualTo(RegistryStatus.TERMINATED);
  }

  @Test
  @DisplayName("無料のサービスは台帳調査で代えられない。台帳にない・終了済みの番号、担当外の職員、二重の終了は拒否される")
  void invalidRequests() {
    String free = entryInUse(Route.FREE);
    InputValidationException survey =
        refused(() -> terminate("sato", TaskAnswers.terminationRequest(free, "LEDGER_SURVEY")));
    assertThat(survey.getErrors()).extracting(FieldError::field).containsExactly("reportChannel");
    InputValidationException unknown =
        refused(() -> terminate("sato", TaskAnswers.terminationRequest("REG-1900-0001", "FORM3")));
    assertThat(unknown.getErrors())
        .extracting(FieldError::field)
        .containsExactly("registryEntryId");
    // another department's entry answers exactly like a missing one, and its route is not checked
    // (no
    // reportChannel error for a FREE entry): the form cannot be used to explore the registry
    InputValidationException stranger =
        refused(() -> terminate("suzuki", TaskAnswers.terminationRequest(free, "LEDGER_SURVEY")));
    assertThat(stranger.getErrors())
        .extracting(FieldError::field)
        .containsExactly("registryEntryId");
    assertThat(stranger.getErrors().get(0).message().replace(free, "X"))
        .isEqualTo(unknown.getErrors().get(0).message().replace("REG-1900-0001", "X"));
    Map<String, Object> incomplete = TaskAnswers.terminationRequest(free, "FORM3");
    incomplete.remove("disposalProof");
    incomplete.put("terminationCheck", SpinValues.jsonValue("{\"t1\":\"YES\"}").create());
    InputValidationException missing = refused(() -> terminate("sato", incomplete));
    assertThat(missing.getErrors())
        .extracting(FieldError::field)
        .containsExactly(
            "disposalProof", "terminationCheck.t2", "terminationCheck.t3", "terminationCheck.t4");

    ProcessInstance first = terminate("tanaka", TaskAnswers.terminationRequest(free, "FORM3"));
    InputValidationException twice =
        refused(() -> terminate("sato", TaskAnswers.terminationRequest(free, "FORM3")));
    assertThat(twice.getMessage()).contains("進行中");
    assertThat(first).isWaitingAt(DOUBLE_CHECK);
  }

  @Test
  @DisplayName("利用停止で始まった終了手続: サービス管理担当者がタスクで終了確認書を作成し、停止中の台帳が利用終了になる")
  void terminationAfterStopOfUse() {
    String entryId = entryInUse(Route.PAID);
    registry.changeStatus(
        entryId, RegistryStatus.SUSPENDED, null, "sato", "operation", "利用停止: 国外サーバ");
    messages.startTermination(
        entryId,
        Map.of(
            "registryEntryId",
            entryId,
            "applicant",
            "sato",
            "serviceName",
            "終了する PAID",
            "departmentCode",
            "kumin",
            "terminationReason",
            "国外サーバでの保存が判明"));
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(TerminationProcess.KEY)
            .processInstanceBusinessKey(entryId)
            .singleResult();
    org.camunda.bpm.engine.task.Task fill = task(instance, FILL_TERMINATION_REQUEST);
    assertThat(fill.getAssignee()).isEqualTo("sato");
    Map<String, Object> form = TaskAnswers.terminationRequest(entryId, "FORM3");
    form.remove("disposalProof");
    InputValidationException missing = refused(() -> submitTask("sato", fill, form));
    assertThat(missing.getErrors()).extracting(FieldError::field).containsExactly("disposalProof");
    submitTask("sato", fill, TaskAnswers.terminationRequest(entryId, "FORM3"));
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("CONFIRM", null));
    complete(instance, ACKNOWLEDGE_REPORT, "nakamura", Map.of());
    assertThat(registry.find(entryId).orElseThrow().status()).isEqualTo(RegistryStatus.TERMINATED);
  }

  @Test
  @DisplayName("利用終了後、申請の記録は終了日から 5 年保存される（ruling R-18）")
  void applicationRecordsAreKeptAfterTheEndOfUse() {
    ProcessInstance application =
        submitApplication(
            "sato",
            jp.lg.externalservice.ApplicationAnswers.kintone()
                .service("保存期間の確認", "WEB_SERVICE", "MAP_SEARCH_TRANSLATE")
                .paid(false)
                .exemption("FREE_MAP_SEARCH_TRANSLATE")
                .informationTypes("PUBLIC")
                .variables());
    submitTask("sato", task(application), Map.of());
    String entryId =
        registry.register(
            RegistryEntries.inUse("保存期間の確認", Route.FREE), "kobayashi", application.getId());
    ProcessInstance instance = terminate("sato", TaskAnswers.terminationRequest(entryId, "FORM3"));
    complete(instance, DOUBLE_CHECK, "takahashi", doubleCheck("CONFIRM", null));
    complete(instance, ACKNOWLEDGE_REPORT, "yamamoto", Map.of());
    executeBatches();

    Date removal =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceId(application.getId())
            .singleResult()
            .getRemovalTime();
    assertThat(jp.lg.externalservice.system.JapanClock.dayOf(removal))
        .isEqualTo(LocalDate.of(2032, 3, 31));
  }

  @Test
  @DisplayName("申請者本人と所属長は終了確認書をダブルチェックできない（R-15）")
  void fourEyes() {
    String entryId = entryInUse(Route.FREE);
    ProcessInstance instance =
        terminate("tanaka", TaskAnswers.terminationRequest(entryId, "FORM3"));
    identityService.createMembership("tanaka", "security-officer-kumin");
    try {
      InputValidationException own =
          refused(() -> complete(instance, DOUBLE_CHECK, "tanaka", doubleCheck("CONFIRM", null)));
      assertThat(own.getMessage()).contains("R-15");
      InputValidationException unclaimed =
          refused(
              () ->
                  asUser(
                      "tanaka",
                      () ->
                          formService.submitTaskForm(
                              task(instance, DOUBLE_CHECK).getId(), doubleCheck("CONFIRM", null))));
      assertThat(unclaimed.getErrors())
          .extracting(error -> error.field())
          .containsExactly("(user)");
    } finally {
      identityService.deleteMembership("tanaka", "security-officer-kumin");
    }
  }
}
