package jp.lg.externalservice.security;

import java.util.List;
import java.util.Optional;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Finds people's departments and names in the engine's identity service (whoever asks: it is the
 * system's lookup).
 */
@Component
public class DepartmentDirectory {

  private final IdentityService identityService;
  private final Privileged privileged;

  public DepartmentDirectory(IdentityService identityService, Privileged privileged) {
    this.identityService = identityService;
    this.privileged = privileged;
  }

  public Optional<Department> departmentOf(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    List<Group> groups =
        privileged.call(
            () ->
                identityService
                    .createGroupQuery()
                    .groupMember(userId)
                    .groupType(Department.GROUP_TYPE)
                    .orderByGroupId()
                    .asc()
                    .list());
    return groups.stream()
        .filter(group -> group.getId().startsWith(Department.GROUP_PREFIX))
        .findFirst()
        .map(
            group ->
                new Department(
                    group.getId().substring(Department.GROUP_PREFIX.length()), group.getName()));
  }

  public Optional<User> user(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        privileged.call(() -> identityService.createUserQuery().userId(userId).singleResult()));
  }

  /** "佐藤 花子" for a user with last name 佐藤 and first name 花子; the id when unknown. */
  public String displayName(String userId) {
    return user(userId).map(user -> user.getLastName() + " " + user.getFirstName()).orElse(userId);
  }
}
