package jp.lg.externalservice.administration;

import static jp.lg.externalservice.security.StaffGroups.*;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * What every role may do, and the Tasklist filters it works from, granted to the role groups of
 * {@link jp.lg.externalservice.security.StaffGroups} on every start and in every profile. Whoever
 * fills the groups — the demo data, an administrator in Admin, or the ward's directory (issue 16) —
 * finds the permissions there: nobody grants them by hand. Idempotent: a grant or filter that
 * exists is kept (an administrator may widen it in Admin), and filters with earlier columns are
 * brought up to date.
 */
@Component
public class StaffSetup implements SmartInitializingSingleton {

  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  public StaffSetup(
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService) {
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    apply();
  }

  /** Grants the roles' permissions and creates their filters where they are missing. */
  public void apply() {
    authorizations();
    filters();
  }

  private void authorizations() {
    // Every member of staff may use Tasklist and file an application (004 §9(1)).
    grant(STAFF, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(
        STAFF,
        Resources.PROCESS_DEFINITION,
        "external-service-application",
        Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(STAFF, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    // The service manager terminates the use of a registry entry (002 §7).
    grant(
        STAFF,
        Resources.PROCESS_DEFINITION,
        "external-service-termination",
        Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    // Completing a task through its form needs READ on the task's diagram; READ on a diagram shows
    // no instance.
    grant(STAFF, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    // Tasklist names a task's candidate groups by reading them: a deputy (代理) is no member of her
    // principal's group and would see its id. Group names (departments and roles) are no secret;
    // who is a member stays unreadable (no READ on users).
    grant(STAFF, Resources.GROUP, "*", Permissions.READ);
    // 情報政策課 follows every case in Cockpit, with the decision history of the rule tables.
    for (String group : List.of(POLICY_REVIEWER, POLICY_HEAD)) {
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(
          group,
          Resources.PROCESS_DEFINITION,
          "*",
          Permissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
      grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
  }

  private void filters() {
    List<Map<String, String>> columns = TaskListColumns.FILTER_COLUMNS;
    filter(
        "自分のタスク",
        "自分に割り当てられたタスク",
        -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        columns,
        STAFF);
    filter(
        "グループのタスク",
        "自分のグループが担当する未割当のタスク（代理で担当するものを含む）",
        -5,
        // a candidate user is a deputy (代理, DeputyRouting); candidateUser also matches the user's
        // groups
        taskService
            .createTaskQuery()
            .taskCandidateUserExpression("${currentUser()}")
            .taskUnassigned(),
        columns,
        STAFF);
    filter(
        "情報政策課：受付・審査待ち",
        "情報政策課が担当する申請",
        0,
        taskService.createTaskQuery().taskCandidateGroup(POLICY_REVIEWER),
        columns,
        POLICY_REVIEWER,
        POLICY_HEAD);
    filter(
        "情報化企画：審査待ち",
        "情報化企画の審査",
        1,
        taskService.createTaskQuery().taskCandidateGroup(IT_PLANNING),
        columns,
        IT_PLANNING);
    filter(
        "期限切れのタスク",
        "期限を過ぎたタスク（全件）",
        5,
        taskService.createTaskQuery().dueBeforeExpression("${now()}"),
        columns,
        POLICY_HEAD);
  }

  private void filter(
      String name,
      String description,
      int priority,
      TaskQuery query,
      List<Map<String, String>> columns,
      String... readers) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null || !columns.equals(filter.getProperties().get("variables"))) {
      // new, or made by an earlier version with other columns (the case's own variables, which
      // not every role may read): the columns are brought up to date
      filter =
          (filter == null ? filterService.newTaskFilter(name) : filter)
              .setQuery(query)
              .setProperties(
                  Map.of(
                      "description",
                      description,
                      "priority",
                      priority,
                      "refresh",
                      true,
                      "variables",
                      columns));
      filterService.saveFilter(filter);
    }
    for (String group : readers) {
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists =
        authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .count()
            > 0;
    if (!exists) {
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      for (Permission permission : permissions) {
        authorization.addPermission(permission);
      }
      authorizationService.saveAuthorization(authorization);
    }
  }
}
