package jp.lg.externalservice.administration;

import static jp.lg.externalservice.security.StaffGroups.*;

import java.util.List;
import java.util.Map;
import jp.lg.externalservice.security.Department;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo users and groups for every role of ruling R-21 (profile {@code demo}); the roles'
 * authorizations and Tasklist filters are the same as in production ({@link StaffSetup}).
 * Idempotent: running it again on the same database changes nothing. Each demo user's password is
 * their id; the administrator is demo/demo ({@code application-demo.yaml}).
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
  private final StaffSetup staffSetup;

  public DemoData(IdentityService identityService, StaffSetup staffSetup) {
    this.identityService = identityService;
    this.staffSetup = staffSetup;
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
    staffSetup.apply();
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
}
