package jp.lg.externalservice.registry;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which registry entries the current caller may read: 情報政策課 (reviewers and head) and administrators
 * read every entry; everyone else reads the entries of their own departments (ruling R-21: each
 * department runs its services).
 */
@Component
public class RegistryAccess {

  private static final Set<String> READ_ALL_GROUPS =
      Set.of(StaffGroups.POLICY_REVIEWER, StaffGroups.POLICY_HEAD, Groups.CAMUNDA_ADMIN);

  /** The departments whose entries may be read; {@code all} when every entry may be. */
  public record Visibility(boolean all, Set<String> departmentCodes) {

    public boolean allows(RegistryEntry entry) {
      return all || departmentCodes.contains(entry.departmentCode());
    }

    /**
     * For {@link RegistryService#search(RegistryQuery, java.util.Collection)}: null means no limit.
     */
    Set<String> limit() {
      return all ? null : departmentCodes;
    }
  }

  private final IdentityService identityService;
  private final Privileged privileged;

  RegistryAccess(IdentityService identityService, Privileged privileged) {
    this.identityService = identityService;
    this.privileged = privileged;
  }

  /**
   * From the engine's current authentication, which the API's Basic filter sets for the request.
   */
  public Visibility current() {
    Authentication authentication = identityService.getCurrentAuthentication();
    List<String> groupIds =
        authentication == null || authentication.getGroupIds() == null
            ? List.of()
            : authentication.getGroupIds();
    if (groupIds.stream().anyMatch(READ_ALL_GROUPS::contains)) {
      return new Visibility(true, Set.of());
    }
    List<String> candidates =
        groupIds.stream().filter(id -> id.startsWith(Department.GROUP_PREFIX)).toList();
    if (candidates.isEmpty()) {
      return new Visibility(false, Set.of());
    }
    // Only groups of type "department" count; staff need no READ on groups for that, so the lookup
    // is the system's.
    List<Group> departments =
        privileged.call(
            () ->
                identityService
                    .createGroupQuery()
                    .groupIdIn(candidates.toArray(String[]::new))
                    .groupType(Department.GROUP_TYPE)
                    .list());
    return new Visibility(
        false,
        departments.stream()
            .map(group -> group.getId().substring(Department.GROUP_PREFIX.length()))
            .collect(Collectors.toUnmodifiableSet()));
  }
}
