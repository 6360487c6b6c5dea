package jp.lg.externalservice.administration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.externalservice.application.ApplicationProcess;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.deputy.DeputyRouting;
import jp.lg.externalservice.system.DisplayCopies;
import jp.lg.externalservice.system.EveryUserTask;
import jp.lg.externalservice.system.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * What a task card in Tasklist shows: 受付番号, サービス名, 部署 and ルート (issue 14, "Task-list columns").
 *
 * <p>Tasklist reads a filter's columns with a variable-instance query, and the engine lets a user
 * read a process variable only with READ on the case (情報政策課) — the 利用責任者 and 情報化企画, who may work on
 * the task but not read the case, saw empty cards. A task-local variable is readable with READ on
 * the task itself, which the engine gives exactly to the task's assignee and candidates. So every
 * user task gets, when it is created, three task-local copies written by the server from its
 * process: nothing else of the case becomes readable, and nobody can write them (no form has these
 * fields, so {@code EngineRestGuard} refuses them on completion). The names differ from the process
 * variables on purpose: a task-local {@code serviceName} would shadow the process variable, and a
 * form field of that name would then be written to the task, not the case.
 */
@Component
public class TaskListColumns extends AbstractProcessEnginePlugin implements DisplayCopies {

  /** Shown when a value does not apply (a refused application has no route). */
  public static final String NONE = "—";

  public static final Var<String> CASE_NUMBER = Var.string("taskCaseNumber");
  public static final Var<String> SERVICE = Var.string("taskServiceName");
  public static final Var<String> DEPARTMENT = Var.string("taskDepartmentName");
  public static final Var<String> ROUTE = Var.string("taskRouteLabel");

  /** The columns of every Tasklist filter, in the order the card shows them. */
  public static final List<Map<String, String>> FILTER_COLUMNS =
      List.of(
          Map.of("name", CASE_NUMBER.name(), "label", "受付番号"),
          Map.of("name", SERVICE.name(), "label", "サービス名"),
          Map.of("name", DEPARTMENT.name(), "label", "部署"),
          Map.of("name", ROUTE.name(), "label", "ルート"),
          // only on a task a deputy may work (DeputyRouting writes it): 「伊藤 美咲（高橋 健 の代理）」
          Map.of("name", DeputyRouting.SHOWN.name(), "label", "代理"));

  @Override
  public Set<String> displayCopyNames() {
    return Set.of(CASE_NUMBER.name(), SERVICE.name(), DEPARTMENT.name(), ROUTE.name());
  }

  private static final TaskListener COPY_COLUMNS = TaskListColumns::copyTo;

  static void copyTo(DelegateTask task) {
    CASE_NUMBER.setLocal(task, shown(CaseVariables.CASE_NUMBER.get(task)));
    SERVICE.setLocal(task, shown(CaseVariables.SERVICE_NAME.get(task)));
    DEPARTMENT.setLocal(task, shown(CaseVariables.DEPARTMENT_NAME.get(task)));
    ROUTE.setLocal(task, shown(ApplicationProcess.Variables.ROUTE_LABEL.get(task)));
  }

  private static String shown(String value) {
    return value == null || value.isBlank() ? NONE : value;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.on(configuration, TaskListener.EVENTNAME_CREATE, COPY_COLUMNS);
  }
}
