package jp.lg.externalservice.administration;

import static jp.lg.externalservice.security.StaffGroups.*;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import jp.lg.externalservice.security.Department;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo users, groups, authorizations and Tasklist filters for every role of ruling R-21 (profile
 * {@code demo}). Idempotent: running it again on the same database changes nothing. Each demo
 * user's password is their id; the administrator is demo/demo ({@code application-demo.yaml}).
 */
@Component
@Profile("demo")
public class DemoData implements SmartInitializingSingleton {

  static final Department KUMIN = new Department("kumin", "区民課");
  static final Department FUKUSHI = new Department("fukushi", "福祉課");
  static final Department JOHO_SEISAKU = new Department("joho-seisaku", "情報政策課");
  static final Department KIKAKU = new Department("kikaku", "企画課");

  /** id, last name, first name, department, role groups. */
  record DemoUser(
      String id, String lastName, String firstName, Department department, List<String> roles) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("sato", "佐藤", "花子", KUMIN, List.of()),
          new DemoUser("suzuki", "鈴木", "一郎", FUKUSHI, List.of()),
          new DemoUser("tanaka", "田中", "誠", KUMIN, List.of(KUMIN.unitHeadGroupId())),
          new DemoUser("watanabe", "渡辺", "直子", FUKUSHI, List.of(FUKUSHI.unitHeadGroupId())),
          new DemoUser("takahashi", "高橋", "健", KUMIN, List.of(KUMIN.securityOfficerGroupId())),
          new DemoUser("ito", "伊藤", "美咲", FUKUSHI, List.of(FUKUSHI.securityOfficerGroupId())),
          new DemoUser("yamamoto", "山本", "大輔", JOHO_SEISAKU, List.of(POLICY_REVIEWER)),
          new DemoUser("nakamura", "中村", "由美", JOHO_SEISAKU, List.of(POLICY_REVIEWER)),
          new DemoUser("kobayashi", "小林", "浩", JOHO_SEISAKU, List.of(POLICY_HEAD)),
          new DemoUser("kimura", "木村", "拓也", KIKAKU, List.of(IT_PLANNING)));

  private static final Map<String, String> ROLE_GROUPS =
      Map.of(
          STAFF,
          "職員（申請者）",
          KUMIN.unitHeadGroupId(),
          "区民課長（所属長・外部サービス管理者）",
          FUKUSHI.unitHeadGroupId(),
          "福祉課長（所属長・外部サービス管理者）",
          KUMIN.securityOfficerGroupId(),
          "区民課 利用責任者",
          FUKUSHI.securityOfficerGroupId(),
          "福祉課 利用責任者",
          POLICY_REVIEWER,
          "情報政策課 審査担当",
          POLICY_HEAD,
          "情報政策課長（許可権限者）",
          IT_PLANNING,
          "情報化企画 審査担当");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  public DemoData(
      IdentityService identityService,
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    create();
  }

  public void create() {
    for (Department department : List.of(KUMIN, FUKUSHI, JOHO_SEISAKU, KIKAKU)) {
      group(department.groupId(), department.name(), Department.GROUP_TYPE);
    }
    ROLE_GROUPS.forEach((id, name) -> group(id, name, "role"));
    for (DemoUser demo : USERS) {
      user(demo);
      membership(demo.id(), STAFF);
      membership(demo.id(), demo.department().groupId());
      demo.roles().forEach(role -> membership(demo.id(), role));
    }
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

  private void group(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  private void user(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setPassword(demo.id());
      user.setEmail(demo.id() + "@example.jp"); // issue 15: the demo users get mail
      identityService.saveUser(user);
    } else {
      // a demo database from before issue 15 has the former addresses
      User user = identityService.createUserQuery().userId(demo.id()).singleResult();
      if ((demo.id() + "@example.lg.jp").equals(user.getEmail())) {
        user.setEmail(demo.id() + "@example.jp");
        identityService.saveUser(user);
      }
    }
  }

  private void membership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
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
