package jp.lg.externalservice.directory;

import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DirectoryChanged;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.security.StandIns;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the engine's users, groups and memberships in line with the directory (issue 16, items 1
 * and 2; docs/operations.md). For each directory user: the engine user (names, mail, a random
 * password nobody knows: passwords are the directory's), her かな and department in {@code
 * staff_directory}, and exactly the memberships the directory gives among the groups of the
 * conventions ({@code staff}, {@code dept-<code>}, the role groups); other groups are left alone. A
 * user the directory no longer has has left: her engine user stays (history shows her name), her
 * memberships go. Users without a {@code staff_directory} row (made by hand, demo data) and the
 * {@code local-users} are never touched.
 *
 * <p>Personnel changes (人事異動): open group tasks follow the groups' members by themselves; a task
 * claimed by someone no longer in any of its candidate groups goes back to the groups, with a
 * comment. A merged department (a configured successor, once the old one is gone from the
 * directory) keeps its groups with the successor's people, so its open cases still route and show;
 * its {@code dept-} group becomes type {@value #MERGED_TYPE}, which {@code DepartmentDirectory}
 * never takes for a new application.
 *
 * <p>One transaction per run, serialised between nodes by the lock row of {@code directory_sync};
 * the directory is read before, outside it. {@link DirectoryChanged} is published after the commit.
 */
public class DirectorySync {

  static final String MERGED_TYPE = "merged-department";
  static final String ROLE_TYPE = "role";
  static final String RELEASED_COMMENT = "人事異動により担当を解除しました";

  private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DirectorySettings settings;
  private final DirectoryReader reader;
  private final StaffDirectory table;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final StandIns standIns;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Pattern userIds;
  private final Pattern groupIds;

  DirectorySync(
      DirectorySettings settings,
      DirectoryReader reader,
      StaffDirectory table,
      IdentityService identityService,
      TaskService taskService,
      PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events,
      ProcessEngineConfiguration engine,
      StandIns standIns) {
    this.settings = settings;
    this.standIns = standIns;
    // the ids the engine accepts (its resource whitelist patterns): checked before any write, since
    // a refused write would roll back the whole run
    this.userIds = idPattern(engine.getUserResourceWhitelistPattern(), engine);
    this.groupIds = idPattern(engine.getGroupResourceWhitelistPattern(), engine);
    this.reader = reader;
    this.table = table;
    this.identityService = identityService;
    this.taskService = taskService;
    this.transaction = new TransactionTemplate(transactionManager);
    this.events = events;
  }

  /** Runs one synchronisation; never throws for a directory that cannot be read. */
  public SyncReport sync() {
    Instant now = JapanClock.now();
    DirectoryReader.Snapshot snapshot;
    try {
      snapshot = reader.read();
    } catch (LDAPException | RuntimeException e) {
      LOG.error("directory synchronisation failed: the directory could not be read", e);
      return SyncReport.notDone(
          SyncReport.FAILED,
          "ディレクトリを読めなかったため、何も変更していません",
          "the directory could not be read (" + e.getMessage() + "); nothing was changed",
          now,
          0);
    }
    // the engine checks no authorizations without a current user: the run is the system's own
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    Set<String> changed = new TreeSet<>();
    SyncReport report;
    try {
      report = transaction.execute(status -> apply(snapshot, now, changed));
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
    LOG.info("directory synchronisation: {}", report.summary());
    if (!changed.isEmpty()) {
      events.publishEvent(new DirectoryChanged(changed));
    }
    return report;
  }

  private SyncReport apply(DirectoryReader.Snapshot snapshot, Instant now, Set<String> changed) {
    table.lock();
    Map<String, StaffDirectory.Entry> known = table.all();
    List<DirectoryReader.Person> people =
        snapshot.people().stream().filter(p -> !settings.isLocal(p.id())).toList();
    Set<String> present = new HashSet<>();
    people.forEach(p -> present.add(p.id()));
    List<String> leaving =
        known.values().stream()
            .filter(
                e -> !e.left() && !present.contains(e.userId()) && !settings.isLocal(e.userId()))
            .map(StaffDirectory.Entry::userId)
            .sorted()
            .toList();
    long active = known.values().stream().filter(e -> !e.left()).count();
    if (!leaving.isEmpty() && leaving.size() > settings.maxRemovalShare() * active) {
      SyncReport refused =
          SyncReport.notDone(
              SyncReport.REFUSED,
              "ディレクトリの職員 "
                  + active
                  + " 人のうち "
                  + leaving.size()
                  + " 人が退職扱いになるため、同期を中止しました（上限 "
                  + Math.round(settings.maxRemovalShare() * 100)
                  + "%）。何も変更していません。ディレクトリの検索条件を確認してください",
              leaving.size()
                  + " of "
                  + active
                  + " directory users would leave, more than max-removal-share "
                  + settings.maxRemovalShare()
                  + "; nothing was changed: check the user base and filter",
              now,
              people.size());
      table.recordRun(now, node(), refused.summary());
      LOG.error("directory synchronisation refused: {}", refused.summary());
      return refused;
    }
    SyncReport report = SyncReport.started(now, people.size());
    report.unknownDepartments().addAll(snapshot.unknownDepartments());

    // departments: the directory's, then the merged ones (old code → successor's code)
    Map<String, String> departments = snapshot.departments();
    Map<String, Set<String>> mergedInto = new java.util.HashMap<>();
    settings
        .departmentSuccessors()
        .forEach(
            (old, successor) -> {
              if (!departments.containsKey(old) && departments.containsKey(successor)) {
                mergedInto.computeIfAbsent(successor, k -> new LinkedHashSet<>()).add(old);
              }
            });
    departments.forEach((code, name) -> department(code, name, report));
    mergedInto.forEach(
        (successor, olds) ->
            olds.forEach(old -> merged(old, successor, departments.get(successor), report)));
    group(StaffGroups.STAFF, "職員（申請者）", ROLE_TYPE);
    Set<DirectoryRole> used = new HashSet<>();
    people.forEach(p -> p.roles().forEach(r -> used.add(r.role())));
    for (DirectoryRole role : used) {
      if (!role.perDepartment()) {
        group(role.groupId(null), wardRoleName(role), ROLE_TYPE);
      }
    }

    for (DirectoryReader.Person person : people) {
      Set<String> desired = desiredGroups(person, mergedInto);
      desired.removeIf(
          id -> !groupExists(id)); // a role in a department the directory does not have
      StaffDirectory.Entry entry = known.get(person.id());
      User user = identityService.createUserQuery().userId(person.id()).singleResult();
      if (user == null) {
        if (!userIds.matcher(person.id()).matches()) {
          // an id the engine would refuse (failing the whole transaction): reported, the others go
          // on
          report
              .skipped()
              .add(
                  person.id() + ": not a valid user id for the engine (" + userIds.pattern() + ")");
          continue;
        }
        user = identityService.newUser(person.id());
        copy(person, user);
        user.setPassword(unusablePassword());
        identityService.saveUser(user);
        report.created().add(person.id());
      } else if (!same(person, user)) {
        copy(person, user);
        identityService.saveUser(user);
        report.updated().add(person.id());
      }
      Set<String> current = new HashSet<>();
      identityService
          .createGroupQuery()
          .groupMember(person.id())
          .list()
          .forEach(g -> current.add(g.getId()));
      Set<String> removed = new TreeSet<>();
      for (String id : current) {
        if (managed(id) && !desired.contains(id)) {
          identityService.deleteMembership(person.id(), id);
          removed.add(id);
        }
      }
      Set<String> added = new TreeSet<>(desired);
      added.removeAll(current);
      added.forEach(id -> identityService.createMembership(person.id(), id));
      if (entry != null && entry.left()) {
        report.returned().add(person.id());
        changed.add(person.id());
      } else if (entry != null) {
        if (!Objects.equals(entry.departmentCode(), person.departmentCode())) {
          report
              .moved()
              .add(person.id() + ": " + entry.departmentCode() + " → " + person.departmentCode());
          changed.add(person.id());
        }
        if (roleGroupsChanged(added, removed)) {
          report
              .rolesChanged()
              .add(person.id() + ": +" + roleGroups(added) + " -" + roleGroups(removed));
          changed.add(person.id());
        }
      }
      table.save(person, now, entry != null);
      if (!removed.isEmpty()) {
        release(person.id(), person.lastName() + " " + person.firstName(), report);
      }
    }

    for (String id : leaving) {
      for (Group group : identityService.createGroupQuery().groupMember(id).list()) {
        identityService.deleteMembership(id, group.getId());
      }
      table.markLeft(id, now);
      report.left().add(id);
      changed.add(id);
      User user = identityService.createUserQuery().userId(id).singleResult();
      release(id, user == null ? id : user.getLastName() + " " + user.getFirstName(), report);
    }
    table.recordRun(now, node(), report.summary());
    return report;
  }

  /** staff, the department and the roles, with the groups of departments merged into them. */
  private Set<String> desiredGroups(
      DirectoryReader.Person person, Map<String, Set<String>> mergedInto) {
    Set<String> groups = new TreeSet<>();
    groups.add(StaffGroups.STAFF);
    if (person.departmentCode() != null) {
      groups.add(new Department(person.departmentCode(), null).groupId());
      mergedInto
          .getOrDefault(person.departmentCode(), Set.of())
          .forEach(old -> groups.add(new Department(old, null).groupId()));
    }
    for (DirectoryReader.RoleIn role : person.roles()) {
      if (role.role().perDepartment()) {
        groups.add(role.role().groupId(new Department(role.departmentCode(), null)));
        mergedInto
            .getOrDefault(role.departmentCode(), Set.of())
            .forEach(old -> groups.add(role.role().groupId(new Department(old, null))));
      } else {
        groups.add(role.role().groupId(null));
      }
    }
    return groups;
  }

  /**
   * Every open task assigned to {@code userId} that is addressed to groups (or people) of which she
   * is no longer one goes back to them; tasks addressed to her alone stay hers.
   */
  private void release(String userId, String name, SyncReport report) {
    for (Task task : taskService.createTaskQuery().taskAssignee(userId).list()) {
      Set<String> groups = new HashSet<>();
      Set<String> users = new HashSet<>();
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          } else if (link.getUserId() != null) {
            users.add(link.getUserId());
          }
        }
      }
      if (groups.isEmpty() && users.isEmpty() || users.contains(userId)) {
        continue;
      }
      // a deputy holds a task of her principal's groups for the range (代理): not a membership
      boolean member =
          groups.stream()
              .anyMatch(
                  group ->
                      identityService.createUserQuery().userId(userId).memberOfGroup(group).count()
                              > 0
                          || standIns.standingInFor(userId, group).isPresent());
      if (!member) {
        taskService.setAssignee(task.getId(), null);
        taskService.createComment(
            task.getId(), task.getProcessInstanceId(), RELEASED_COMMENT + "（" + name + "）");
        report.tasksReleased().add(task.getId() + " " + task.getName() + " (" + userId + ")");
      }
    }
  }

  private void department(String code, String name, SyncReport report) {
    Department department = new Department(code, name);
    Group group = identityService.createGroupQuery().groupId(department.groupId()).singleResult();
    if (group == null) {
      if (!groupIds.matcher(department.securityOfficerGroupId()).matches()) {
        // a code the engine would refuse: its people get no department group, the run goes on
        report
            .skipped()
            .add(code + ": not a valid group id for the engine (" + groupIds.pattern() + ")");
        return;
      }
      group(department.groupId(), name, Department.GROUP_TYPE);
      report.departmentsCreated().add(code + ": " + name);
    } else if (!name.equals(group.getName()) || !Department.GROUP_TYPE.equals(group.getType())) {
      if (!name.equals(group.getName())) {
        report.departmentsRenamed().add(code + ": " + group.getName() + " → " + name);
      }
      group.setName(name);
      group.setType(Department.GROUP_TYPE); // a department back in the directory is one again
      identityService.saveGroup(group);
    }
    group(department.unitHeadGroupId(), name + " 所属長（外部サービス管理者）", ROLE_TYPE);
    group(department.securityOfficerGroupId(), name + " 利用責任者", ROLE_TYPE);
  }

  private void merged(String old, String successor, String successorName, SyncReport report) {
    Department department = new Department(old, null);
    Group group = identityService.createGroupQuery().groupId(department.groupId()).singleResult();
    if (group == null) {
      group(department.groupId(), old + "（" + successorName + "に統合）", MERGED_TYPE);
      report.departmentsMerged().add(old + " → " + successor);
    } else if (!MERGED_TYPE.equals(group.getType())) {
      group.setType(MERGED_TYPE);
      identityService.saveGroup(group);
      report.departmentsMerged().add(old + " → " + successor);
    }
    group(department.unitHeadGroupId(), old + " 所属長（" + successorName + "）", ROLE_TYPE);
    group(department.securityOfficerGroupId(), old + " 利用責任者（" + successorName + "）", ROLE_TYPE);
  }

  private void group(String id, String name, String type) {
    if (!groupExists(id)) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  private boolean groupExists(String id) {
    return identityService.createGroupQuery().groupId(id).count() > 0;
  }

  /** The groups of the conventions, which the directory decides for its users. */
  static boolean managed(String groupId) {
    return groupId.equals(StaffGroups.STAFF)
        || groupId.startsWith(Department.GROUP_PREFIX)
        || groupId.startsWith("unit-head-")
        || groupId.startsWith("security-officer-")
        || groupId.equals(StaffGroups.POLICY_REVIEWER)
        || groupId.equals(StaffGroups.POLICY_HEAD)
        || groupId.equals(StaffGroups.IT_PLANNING)
        || groupId.equals(DirectoryRole.ADMIN_GROUP);
  }

  private static boolean roleGroupsChanged(Set<String> added, Set<String> removed) {
    return !roleGroups(added).isEmpty() || !roleGroups(removed).isEmpty();
  }

  private static List<String> roleGroups(Set<String> groups) {
    List<String> roles = new ArrayList<>();
    for (String id : groups) {
      if (!id.equals(StaffGroups.STAFF) && !id.startsWith(Department.GROUP_PREFIX)) {
        roles.add(id);
      }
    }
    return roles;
  }

  private static String wardRoleName(DirectoryRole role) {
    return switch (role) {
      case POLICY_REVIEWER -> "情報政策課 審査担当";
      case POLICY_HEAD -> "情報政策課長（許可権限者）";
      case IT_PLANNING -> "情報化企画 審査担当";
      case ADMIN -> "管理者";
      default -> role.name();
    };
  }

  private static void copy(DirectoryReader.Person person, User user) {
    // a directory entry without 姓 still gets a readable name in Tasklist and the records
    user.setLastName(person.lastName() == null ? person.id() : person.lastName());
    user.setFirstName(person.firstName());
    user.setEmail(person.mail());
  }

  private static boolean same(DirectoryReader.Person person, User user) {
    return Objects.equals(
            person.lastName() == null ? person.id() : person.lastName(), user.getLastName())
        && Objects.equals(person.firstName(), user.getFirstName())
        && Objects.equals(person.mail(), user.getEmail());
  }

  /**
   * Random, never told to anyone: the engine's password check is not the way in for these users.
   */
  private static String unusablePassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static Pattern idPattern(String specific, ProcessEngineConfiguration engine) {
    return Pattern.compile(
        specific != null && !specific.isEmpty()
            ? specific
            : engine.getGeneralResourceWhitelistPattern());
  }

  private static String node() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
