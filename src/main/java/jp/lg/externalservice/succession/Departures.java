package jp.lg.externalservice.succession;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryRole;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.UnitHeads;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who has left a registry entry's roles, judged from the engine's identity tables, which the
 * directory synchronisation keeps (a person who left keeps her user but loses her groups): the
 * サービス管理担当者 has left when she is no engine user any more or no member of the entry's department
 * ({@code dept-<code>}); the 外部サービス管理者 when no member of its 所属長 group ({@code unit-head-<code>},
 * ruling R-21). The same membership decides who may succeed.
 */
@Component
public class Departures {

  private final IdentityService identityService;
  private final Privileged privileged;
  private final UnitHeads unitHeads;

  Departures(IdentityService identityService, Privileged privileged, UnitHeads unitHeads) {
    this.identityService = identityService;
    this.privileged = privileged;
    this.unitHeads = unitHeads;
  }

  /**
   * The roles of {@code entry} whose holder has left (an entry without a service manager has one).
   */
  public List<RegistryRole> vacantRoles(RegistryEntry entry) {
    List<RegistryRole> vacant = new ArrayList<>();
    for (RegistryRole role : RegistryRole.values()) {
      String holder = role.holderOf(entry);
      if (holder != null && !holds(entry, role, holder)) {
        vacant.add(role);
      }
    }
    return vacant;
  }

  /** Whether {@code userId} may hold {@code role} of the entry now: she is in its group. */
  public boolean holds(RegistryEntry entry, RegistryRole role, String userId) {
    String group = groupOf(entry, role);
    return userId != null
        && privileged.call(
                () -> identityService.createUserQuery().userId(userId).memberOfGroup(group).count())
            > 0;
  }

  /** The group whose members may hold the role: the department, or its 所属長 (ruling R-21). */
  public static String groupOf(RegistryEntry entry, RegistryRole role) {
    Department department = new Department(entry.departmentCode(), entry.departmentName());
    return role == RegistryRole.SERVICE_MANAGER
        ? department.groupId()
        : department.unitHeadGroupId();
  }

  /**
   * For the 外部サービス管理者: the department's 所属長 today (ruling R-21); nobody is proposed for the other.
   */
  public Optional<User> proposal(RegistryEntry entry, RegistryRole role) {
    return role == RegistryRole.SERVICE_ADMINISTRATOR
        ? unitHeads.of(entry.departmentCode())
        : Optional.empty();
  }
}
