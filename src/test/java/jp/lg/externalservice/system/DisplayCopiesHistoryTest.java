package jp.lg.externalservice.system;

import static jp.lg.externalservice.ApplicationAnswers.kintone;
import static jp.lg.externalservice.TaskAnswers.TERMS_RISKS;
import static jp.lg.externalservice.TaskAnswers.measures;
import static jp.lg.externalservice.TaskAnswers.risksAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.administration.TaskListColumns;
import jp.lg.externalservice.application.ApplicationProcess;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The display copies on user tasks (the forms' {@code shown}, Tasklist's columns) are there while
 * the task is open and leave no history of their own; the case's values, the answers and the tasks
 * are in the history as before ({@link DisplayCopiesHistory}).
 */
class DisplayCopiesHistoryTest extends EngineTest {

  private static final List<String> COPIES =
      List.of(
          ShownValues.VARIABLE,
          TaskListColumns.CASE_NUMBER.name(),
          TaskListColumns.SERVICE.name(),
          TaskListColumns.DEPARTMENT.name(),
          TaskListColumns.ROUTE.name());

  @Test
  @DisplayName("タスクの表示用の写しはタスクにあり履歴には残らず、案件の値・回答・タスクは履歴に残る")
  void displayCopiesLeaveNoHistory() {
    ProcessInstance instance = submitApplication("sato", kintone().paid(false).variables());
    Task selfCheck = task(instance);
    submitTask("sato", selfCheck, risksAccepted("TERMS_OF_USE", TERMS_RISKS));
    submitTask("sato", task(instance), measures("YES", "YES", null));
    Task doubleCheck = task(instance, ApplicationProcess.Element.DOUBLE_CHECK);

    // the open task has its copies, for the form and the task list
    assertThat(taskService.getVariablesLocal(doubleCheck.getId()).keySet()).containsAll(COPIES);

    List<HistoricVariableInstance> history =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .list();
    assertThat(history)
        .as("no copy, neither of the open task nor of the completed ones")
        .noneMatch(variable -> COPIES.contains(variable.getName()));
    assertThat(
            historyService
                .createHistoricDetailQuery()
                .processInstanceId(instance.getId())
                .variableUpdates()
                .list())
        .noneMatch(
            detail ->
                COPIES.contains(
                    ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail)
                        .getVariableName()));

    // what the copies repeat stays in the case's history, with the answers and the tasks
    assertThat(history)
        .extracting(HistoricVariableInstance::getName)
        .contains("serviceName", "caseNumber");
    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId())
                .taskId(selfCheck.getId())
                .finished()
                .count())
        .isOne();
  }

  @Test
  @DisplayName("開いているタスクの表示用の写しを後から変えると（管理者の REST 操作）、その値は履歴に残る")
  void aCopyChangedLaterIsRecorded() {
    ProcessInstance instance = submitApplication("sato", kintone().paid(false).variables());
    Task task = task(instance);

    taskService.setVariableLocal(task.getId(), TaskListColumns.ROUTE.name(), "書き換えたルート");

    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .taskIdIn(task.getId())
                .variableName(TaskListColumns.ROUTE.name())
                .list())
        .extracting(HistoricVariableInstance::getValue)
        .containsExactly("書き換えたルート");
    assertThat(
            historyService
                .createHistoricDetailQuery()
                .taskId(task.getId())
                .variableUpdates()
                .list())
        .extracting(
            detail -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getValue())
        .containsExactly("書き換えたルート");
  }
}
