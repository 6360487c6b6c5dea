package jp.lg.externalservice.deputy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.security.StandIns;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Deputy assignments (代理, issue 16): who may name one, what a valid one is, and who stands in for
 * whom today ({@link StandIns}, which four-eyes, the assignment rules and the case record ask).
 */
@Service
public class DeputyAssignments implements StandIns {

  static final String PRINCIPAL = "principal";
  static final String DEPUTY = "deputy";
  static final String STARTS_ON = "startsOn";
  static final String ENDS_ON = "endsOn";
  static final String REASON = "reason";

  /** The longest range: a year (a longer absence is a personnel change, not a deputy). */
  static final int MAX_YEARS = 1;

  private final DeputyRepository repository;
  private final IdentityService identityService;
  private final Privileged privileged;

  DeputyAssignments(
      DeputyRepository repository, @Lazy IdentityService identityService, Privileged privileged) {
    this.repository = repository;
    this.identityService = identityService;
    this.privileged = privileged;
  }

  /**
   * The groups whose tasks a deputy takes over: 所属長, 利用責任者, 情報政策課 (reviewers and head) and 情報化企画 —
   * the roles tasks are addressed to, not a department or {@code staff}.
   */
  static boolean isRole(String groupId) {
    return groupId != null
        && (groupId.startsWith(new Department("", null).unitHeadGroupId())
            || groupId.startsWith(new Department("", null).securityOfficerGroupId())
            || groupId.equals(StaffGroups.POLICY_REVIEWER)
            || groupId.equals(StaffGroups.POLICY_HEAD)
            || groupId.equals(StaffGroups.IT_PLANNING));
  }

  /** The role groups {@code userId} is a member of (empty: she cannot name a deputy). */
  Set<String> rolesOf(String userId) {
    List<Group> groups =
        privileged.call(() -> identityService.createGroupQuery().groupMember(userId).list());
    return groups.stream()
        .map(Group::getId)
        .filter(DeputyAssignments::isRole)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  boolean isMember(String userId, String groupId) {
    return privileged.call(
            () -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count())
        > 0;
  }

  /**
   * Reads and checks a new assignment for {@code principal} (named by {@code createdBy}); throws
   * the field-named problems, ja and en. {@code principal} null: read from the body
   * (administrators).
   */
  DeputyAssignment create(JsonNode body, String principal, String createdBy) {
    InputReader reader = new InputReader(body);
    if (principal == null) {
      principal = reader.requiredText(PRINCIPAL, 64);
      if (principal != null && !exists(principal)) {
        reader.reject(PRINCIPAL, "この職員は登録されていません", "no such user");
        principal = null;
      }
    }
    if (principal != null && rolesOf(principal).isEmpty()) {
      reader.reject(
          PRINCIPAL,
          "所属長・利用責任者・情報政策課・情報化企画の職員だけが代理者を指名できます",
          "only a unit head, security officer, 情報政策課 or 情報化企画 member names a deputy");
    }
    String deputy = reader.requiredText(DEPUTY, 64);
    LocalDate startsOn = reader.requiredDate(STARTS_ON);
    LocalDate endsOn = reader.requiredDate(ENDS_ON);
    String reason = reader.optionalText(REASON, InputReader.MAX_TEXT);
    LocalDate today = JapanClock.today();
    repository.lockAssignments();
    if (startsOn != null && endsOn != null) {
      if (endsOn.isBefore(startsOn)) {
        reader.reject(ENDS_ON, "終了日は開始日以降にしてください", "must not be before startsOn");
      } else if (!endsOn.isBefore(startsOn.plusYears(MAX_YEARS))) {
        reader.reject(ENDS_ON, "代理の期間は 1 年以内にしてください", "the range must be shorter than a year");
      } else if (endsOn.isBefore(today)) {
        reader.reject(ENDS_ON, "終了日が過ぎています", "must not be in the past");
      } else if (principal != null && repository.principalOverlaps(principal, startsOn, endsOn)) {
        reader.reject(
            STARTS_ON, "この期間には既に代理者が指名されています", "another deputy is named for part of this range");
      } else if (principal != null && repository.deputyOverlaps(principal, startsOn, endsOn)) {
        // the other direction of "the deputy is not absent herself": someone's deputy who is
        // absent in her range would leave the principal's tasks with nobody present, and her own
        // deputy would not take them (no chain)
        reader.reject(
            STARTS_ON,
            "この期間、本人はほかの職員の代理者です（先にその代理設定を取り消してください）",
            "she is another person's deputy during part of this range (revoke that first)");
      }
    }
    if (deputy != null) {
      if (!exists(deputy) || !isMember(deputy, StaffGroups.STAFF)) {
        reader.reject(DEPUTY, "代理者は登録されている職員から選んでください", "the deputy must be a member of staff");
      } else if (deputy.equals(principal)) {
        reader.reject(DEPUTY, "自分自身を代理者にはできません", "the deputy must be someone else");
      } else if (startsOn != null
          && endsOn != null
          && !endsOn.isBefore(startsOn)
          && repository.principalOverlaps(deputy, startsOn, endsOn)) {
        reader.reject(
            DEPUTY, "この職員は期間中に自分も不在（代理者を指名済み）です", "the deputy is herself absent during the range");
      }
    }
    reader.throwIfInvalid();
    long id =
        repository.insert(principal, deputy, startsOn, endsOn, reason, createdBy, JapanClock.now());
    return repository.find(id).orElseThrow();
  }

  Optional<DeputyAssignment> find(long id) {
    return repository.find(id);
  }

  /** Revokes it; false when it was revoked already. */
  boolean revoke(DeputyAssignment assignment, String revokedBy) {
    return repository.revoke(assignment.id(), revokedBy, JapanClock.now());
  }

  List<DeputyAssignment> ofPrincipal(String principal) {
    return repository.ofPrincipal(principal);
  }

  List<DeputyAssignment> ofDeputy(String deputy) {
    return repository.ofDeputy(deputy);
  }

  List<DeputyAssignment> all() {
    return repository.all();
  }

  List<DeputyAssignment> activeToday() {
    return repository.activeOn(JapanClock.today());
  }

  List<String> everyDeputy() {
    return repository.deputies();
  }

  @Override
  public Set<String> principalsOf(String deputy) {
    if (deputy == null) {
      return Set.of();
    }
    return activeToday().stream()
        .filter(assignment -> assignment.deputy().equals(deputy))
        .map(DeputyAssignment::principal)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  @Override
  public Optional<String> standingInFor(String userId, String groupId) {
    if (userId == null || !isRole(groupId) || isMember(userId, groupId)) {
      return Optional.empty();
    }
    return principalsOf(userId).stream()
        .filter(principal -> isMember(principal, groupId))
        .findFirst();
  }

  private boolean exists(String userId) {
    return privileged.call(() -> identityService.createUserQuery().userId(userId).count()) > 0;
  }
}
