package jp.lg.externalservice.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code external-service.directory.*}: the ward's LDAP / Active Directory as the source of staff,
 * departments and roles (docs/operations.md, 「職員ディレクトリ（LDAP / Active Directory）」). Off by default:
 * {@code ./mvnw spring-boot:run} keeps the engine's own users and the demo data. When on, the
 * settings are checked at start and a wrong one stops the application with the property's name.
 *
 * @param enabled synchronise and check passwords against the directory
 * @param urls {@code ldaps://dc1.example.lg.jp:636} …; more than one = failover in order
 * @param bindDn the read-only service account that searches the directory
 * @param userBase where staff are searched (subtree)
 * @param userFilter which entries are staff (e.g. enabled person accounts only)
 * @param groupBase where role groups given by name (not DN) are searched
 * @param attributes the users' attribute names
 * @param departments the department (所属) entries
 * @param roles the groups that give roles
 * @param syncCron when each node synchronises (Spring cron, Asia/Tokyo)
 * @param localUsers users the synchronisation never touches and whose engine password stays valid
 *     (a break-glass administrator)
 * @param departmentSuccessors merged departments, old code → code of the department that took it
 *     over; applies once the old department is no longer in the directory
 * @param maxRemovalShare a synchronisation that would mark more than this share of the directory's
 *     users as left is refused (a broken filter must not empty the ward)
 * @param timeout connect and response timeout of each LDAP request
 */
@ConfigurationProperties("external-service.directory")
public record DirectorySettings(
    boolean enabled,
    List<String> urls,
    String bindDn,
    String bindPassword,
    String userBase,
    String userFilter,
    String groupBase,
    Attributes attributes,
    Departments departments,
    List<RoleGroup> roles,
    String syncCron,
    List<String> localUsers,
    Map<String, String> departmentSuccessors,
    Double maxRemovalShare,
    Duration timeout) {

  static final String PREFIX = "external-service.directory.";

  /** The users' attributes; the defaults are Active Directory's. */
  public record Attributes(
      String id,
      String lastName,
      String firstName,
      String lastNameKana,
      String firstNameKana,
      String mail,
      String department) {
    public Attributes {
      id = or(id, "sAMAccountName");
      lastName = or(lastName, "sn");
      firstName = or(firstName, "givenName");
      lastNameKana = or(lastNameKana, "msDS-PhoneticLastName");
      firstNameKana = or(firstNameKana, "msDS-PhoneticFirstName");
      mail = or(mail, "mail");
      // blank: a user's department is the department entry that lists her in its member attribute
      department = department == null ? "department" : department.trim();
    }
  }

  /**
   * The department entries: each has a code (the {@code dept-<code>} group) and a name. A user's
   * department attribute may hold either.
   */
  public record Departments(
      String base,
      String filter,
      String codeAttribute,
      String nameAttribute,
      String memberAttribute) {
    public Departments {
      filter = or(filter, "(objectClass=group)");
      codeAttribute = or(codeAttribute, "extensionAttribute1");
      nameAttribute = or(nameAttribute, "displayName");
      memberAttribute = or(memberAttribute, "member");
    }
  }

  /**
   * A directory group whose members hold a role. {@code group} is a DN or a group's {@code cn}
   * (searched under {@code group-base}). UNIT_HEAD and SECURITY_OFFICER are roles in the member's
   * own department unless {@code department} names another.
   */
  public record RoleGroup(
      String group, DirectoryRole role, String department, String memberAttribute) {
    public RoleGroup {
      memberAttribute = or(memberAttribute, "member");
    }

    boolean byDn() {
      return group != null && group.contains("=");
    }
  }

  public DirectorySettings {
    urls = urls == null ? List.of() : List.copyOf(urls);
    userFilter = or(userFilter, "(&(objectCategory=person)(objectClass=user))");
    attributes =
        attributes == null ? new Attributes(null, null, null, null, null, null, null) : attributes;
    departments = departments == null ? new Departments(null, null, null, null, null) : departments;
    roles = roles == null ? List.of() : List.copyOf(roles);
    syncCron = or(syncCron, "0 0 * * * *");
    localUsers = localUsers == null ? List.of() : List.copyOf(localUsers);
    departmentSuccessors =
        departmentSuccessors == null ? Map.of() : new LinkedHashMap<>(departmentSuccessors);
    maxRemovalShare = maxRemovalShare == null ? 0.2 : maxRemovalShare;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    if (enabled) {
      validate(
          urls,
          bindDn,
          bindPassword,
          userBase,
          userFilter,
          groupBase,
          departments,
          roles,
          syncCron,
          departmentSuccessors,
          maxRemovalShare);
    }
  }

  public boolean isLocal(String userId) {
    return userId != null && localUsers.contains(userId);
  }

  /** Refuses to start with every wrong setting named. */
  private static void validate(
      List<String> urls,
      String bindDn,
      String bindPassword,
      String userBase,
      String userFilter,
      String groupBase,
      Departments departments,
      List<RoleGroup> roles,
      String syncCron,
      Map<String, String> departmentSuccessors,
      double maxRemovalShare) {
    List<String> problems = new ArrayList<>();
    if (urls.isEmpty()) {
      problems.add("urls: at least one ldap:// or ldaps:// URL is required");
    }
    for (String url : urls) {
      try {
        new LDAPURL(url);
      } catch (LDAPException e) {
        problems.add("urls: '" + url + "' is no LDAP URL (" + e.getMessage() + ")");
      }
    }
    requireDn(problems, "bind-dn", bindDn);
    if (bindPassword == null || bindPassword.isEmpty()) {
      problems.add("bind-password: required (an anonymous bind sees nothing in Active Directory)");
    }
    requireDn(problems, "user-base", userBase);
    requireFilter(problems, "user-filter", userFilter);
    requireFilter(problems, "departments.filter", departments.filter());
    requireDn(problems, "departments.base", departments.base());
    if (groupBase != null && !groupBase.isBlank()) {
      requireDn(problems, "group-base", groupBase);
    }
    for (int i = 0; i < roles.size(); i++) {
      RoleGroup role = roles.get(i);
      if (role.group() == null || role.group().isBlank() || role.role() == null) {
        problems.add("roles[" + i + "]: group and role are required");
      } else if (role.byDn()) {
        requireDn(problems, "roles[" + i + "].group", role.group());
      } else if (groupBase == null || groupBase.isBlank()) {
        problems.add("roles[" + i + "].group: a group given by name needs group-base");
      }
    }
    try {
      CronExpression.parse(syncCron);
    } catch (IllegalArgumentException e) {
      problems.add("sync-cron: " + e.getMessage());
    }
    if (!(maxRemovalShare > 0 && maxRemovalShare <= 1)) {
      problems.add("max-removal-share: must be more than 0 and at most 1");
    }
    departmentSuccessors.forEach(
        (old, successor) -> {
          if (old.equals(successor) || departmentSuccessors.containsKey(successor)) {
            problems.add(
                "department-successors: "
                    + old
                    + " → "
                    + successor
                    + " must name a department that remains");
          }
        });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "external-service.directory is enabled but wrong (docs/operations.md): "
              + String.join("; ", problems));
    }
  }

  private static void requireFilter(List<String> problems, String name, String value) {
    try {
      com.unboundid.ldap.sdk.Filter.create(value);
    } catch (LDAPException e) {
      problems.add(name + ": '" + value + "' is no LDAP filter");
    }
  }

  private static void requireDn(List<String> problems, String name, String value) {
    if (value == null || value.isBlank()) {
      problems.add(name + ": required");
    } else if (!DN.isValidDN(value)) {
      problems.add(name + ": '" + value + "' is no DN");
    }
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
