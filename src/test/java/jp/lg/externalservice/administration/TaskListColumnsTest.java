package jp.lg.externalservice.administration;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.TERMS_RISKS;
import static jp.lg.externalservice.TaskAnswers.measures;
import static jp.lg.externalservice.TaskAnswers.risksAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.classification.Route;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's cards show サービス名, 部署 and ルート to whoever may work on the task (issue 14), through
 * task-local copies, while the case's own variables stay unreadable to those who may not read the
 * case.
 */
class TaskListColumnsTest extends EngineTest {

  @Autowired FilterService filterService;
  @Autowired DemoData demoData;

  @Test
  @DisplayName("利用責任者はダブルチェックのカードでサービス名・部署・ルートを読めるが、案件の変数は読めない")
  void securityOfficerSeesTheColumnsButNotTheCase() {
    ProcessInstance instance = submitApplication("sato", kintone().paid(false).variables());
    submitTask("sato", task(instance), risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(instance), measures("YES", "YES", null));
    Task doubleCheck = task(instance, ApplicationProcess.Element.DOUBLE_CHECK);

    // what Tasklist asks for a card: the filter's column variables of the task and its case
    Map<String, Object> card =
        as(
            "takahashi",
            () ->
                runtimeService
                    .createVariableInstanceQuery()
                    .variableScopeIdIn(doubleCheck.getId(), instance.getId())
                    .variableNameIn(columnNames().toArray(String[]::new))
                    .list()
                    .stream()
                    .collect(
                        Collectors.toMap(VariableInstance::getName, VariableInstance::getValue)));
    assertThat(card)
        .containsEntry(TaskListColumns.SERVICE.name(), "kintone")
        .hasEntrySatisfying(
            TaskListColumns.CASE_NUMBER.name(),
            number -> assertThat((String) number).matches("R[0-9]+-[0-9]{4,}"))
        .containsEntry(TaskListColumns.DEPARTMENT.name(), "区民課")
        .containsEntry(TaskListColumns.ROUTE.name(), Route.FREE.label());

    // the case stays closed to the 利用責任者: no process variable, only the task's own copies
    List<String> readable =
        as(
            "takahashi",
            () ->
                runtimeService
                    .createVariableInstanceQuery()
                    .variableScopeIdIn(doubleCheck.getId(), instance.getId())
                    .list()
                    .stream()
                    .filter(variable -> variable.getTaskId() == null)
                    .map(VariableInstance::getName)
                    .toList());
    assertThat(readable).isEmpty();
    // 情報政策課 reads the case, as before
    assertThat(
            as(
                "yamamoto",
                () ->
                    runtimeService
                        .createVariableInstanceQuery()
                        .processInstanceIdIn(instance.getId())
                        .variableName("serviceName")
                        .count()))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("ルートのない案件（利用不可）のカードは「—」を表示し、空欄にならない")
  void noRouteShowsADash() {
    ProcessInstance forbidden =
        submitApplication(
            "sato",
            kintone()
                .service("ChatGPT", "CLOUD_INTERNET", "GENERATIVE_AI")
                .paid(false)
                .informationTypes("PERSONAL")
                .variables());
    Task notice = task(forbidden, ApplicationProcess.Element.ACKNOWLEDGE_FORBIDDEN);
    assertThat(taskService.getVariablesLocal(notice.getId()))
        .containsEntry(TaskListColumns.SERVICE.name(), "ChatGPT")
        .containsEntry(TaskListColumns.DEPARTMENT.name(), "区民課")
        .containsEntry(TaskListColumns.ROUTE.name(), TaskListColumns.NONE);
  }

  @Test
  @DisplayName("どのフィルターもサービス名・部署・ルートの列を持ち、古い列のフィルターは更新される")
  void everyFilterHasTheColumns() {
    Filter own = filterService.createFilterQuery().filterName("自分のタスク").singleResult();
    own.setProperties(Map.of("variables", List.of(Map.of("name", "serviceName", "label", "x"))));
    filterService.saveFilter(own);

    demoData.create();

    for (Filter filter : filterService.createFilterQuery().list()) {
      assertThat(filter.getProperties().get("variables"))
          .as(filter.getName())
          .isEqualTo(TaskListColumns.FILTER_COLUMNS);
    }
  }

  private static List<String> columnNames() {
    return TaskListColumns.FILTER_COLUMNS.stream().map(column -> column.get("name")).toList();
  }
}
