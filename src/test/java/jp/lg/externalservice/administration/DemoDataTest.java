package jp.lg.externalservice.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.lg.externalservice.EngineTest;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo profile's people, roles, authorizations and Tasklist filters (ruling R-21). */
class DemoDataTest extends EngineTest {

  @Autowired DemoData demoData;
  @Autowired DepartmentDirectory directory;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;

  @Test
  @DisplayName("各役割の利用者が所属部署と日本語の名前を持つ")
  void everyRoleHasPeople() {
    assertThat(directory.departmentOf("sato")).contains(new Department("kumin", "区民課"));
    assertThat(directory.departmentOf("suzuki")).contains(new Department("fukushi", "福祉課"));
    assertThat(directory.displayName("kobayashi")).isEqualTo("小林 浩");
    Map<String, String> roleHolders =
        Map.of(
            "unit-head-kumin",
            "tanaka",
            "unit-head-fukushi",
            "watanabe",
            "security-officer-kumin",
            "takahashi",
            "security-officer-fukushi",
            "ito",
            "policy-reviewer",
            "yamamoto",
            "policy-head",
            "kobayashi",
            "camunda-admin",
            "demo");
    roleHolders.forEach(
        (group, user) ->
            assertThat(identityService.createUserQuery().memberOfGroup(group).list())
                .as(group)
                .extracting(u -> u.getId())
                .contains(user));
    assertThat(identityService.checkPassword("sato", "sato")).isTrue();
    assertThat(identityService.checkPassword("demo", "demo")).isTrue();
  }

  @Test
  @DisplayName("もう一度実行しても何も増えない（冪等）")
  void idempotent() {
    long users = identityService.createUserQuery().count();
    long groups = identityService.createGroupQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();
    demoData.create();
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  @DisplayName("Tasklist のフィルターはサービス名・部署・ルートを表示し、役割ごとに見える")
  void filtersShowWhatPeopleChooseBy() {
    Filter own = filterService.createFilterQuery().filterName("自分のタスク").singleResult();
    @SuppressWarnings("unchecked")
    List<Map<String, String>> columns =
        (List<Map<String, String>>) own.getProperties().get("variables");
    assertThat(columns)
        .extracting(column -> column.get("name"))
        .containsExactly(
            "taskCaseNumber",
            "taskServiceName",
            "taskDepartmentName",
            "taskRouteLabel",
            "taskDeputies"); // 代理 (issue 16): only on a task a deputy may work
    assertThat(as("sato", () -> filterService.createFilterQuery().list()))
        .extracting(Filter::getName)
        .containsExactlyInAnyOrder("自分のタスク", "グループのタスク");
    assertThat(as("yamamoto", () -> filterService.createFilterQuery().list()))
        .extracting(Filter::getName)
        .contains("情報政策課：受付・審査待ち");
  }
}
