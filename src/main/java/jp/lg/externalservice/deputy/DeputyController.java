package jp.lg.externalservice.deputy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.lg.externalservice.security.Administrators;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.security.StaffGroups;
import jp.lg.externalservice.system.AccessDeniedException;
import jp.lg.externalservice.system.ErrorResponse;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputValidationException;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 代理設定 (issue 16): a 所属長, 利用責任者, 情報政策課 member or 情報化企画 member names her own deputies ({@code
 * /api/me/deputies}); administrators name them for anyone ({@code /api/admin/deputies}). The
 * Tasklist plugin {@code custom/deputies.js} shows both.
 */
@RestController
public class DeputyController {

  /** The most people the picker lists for one search. */
  static final int MAX_CANDIDATES = 20;

  /** The most members of staff one search looks through. */
  private static final int MAX_STAFF = 5000;

  private final DeputyAssignments assignments;
  private final DeputyRouting routing;
  private final Administrators administrators;
  private final IdentityService identityService;
  private final DepartmentDirectory directory;
  private final Privileged privileged;

  DeputyController(
      DeputyAssignments assignments,
      DeputyRouting routing,
      Administrators administrators,
      IdentityService identityService,
      DepartmentDirectory directory,
      Privileged privileged) {
    this.assignments = assignments;
    this.routing = routing;
    this.administrators = administrators;
    this.identityService = identityService;
    this.directory = directory;
    this.privileged = privileged;
  }

  /** One assignment as the page shows it. */
  public record View(
      long id,
      String principal,
      String principalName,
      String deputy,
      String deputyName,
      String deputyDepartment,
      LocalDate startsOn,
      LocalDate endsOn,
      String reason,
      DeputyAssignment.Status status,
      String statusLabel,
      String createdBy,
      Instant createdAt,
      Instant revokedAt,
      String revokedBy,
      String revokedByName) {}

  /** A member of staff in the picker. */
  public record Candidate(String id, String name, String department) {}

  @GetMapping(path = "/api/me/deputies", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<View> mine() {
    return views(assignments.ofPrincipal(principal()));
  }

  @PostMapping(
      path = "/api/me/deputies",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public ResponseEntity<View> nameMine(@RequestBody JsonNode body) {
    String principal = principal();
    JsonNode named = body == null ? null : body.get(DeputyAssignments.PRINCIPAL);
    if (named != null && !named.isNull() && !principal.equals(named.asText())) {
      // whoever names a deputy through /api/me names her own: another person's is the
      // administrators'
      throw new InputValidationException(
          List.of(
              new FieldError(
                  DeputyAssignments.PRINCIPAL,
                  "代理者は自分の分だけ指名できます（ほかの職員の分は管理者が設定します）",
                  "you name deputies for yourself only (administrators name them for others)")));
    }
    return created(assignments.create(body, principal, principal));
  }

  @DeleteMapping(path = "/api/me/deputies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public ResponseEntity<?> revokeMine(@PathVariable("id") long id) {
    String principal = principal();
    Optional<DeputyAssignment> found =
        assignments.find(id).filter(assignment -> assignment.principal().equals(principal));
    return found
        .<ResponseEntity<?>>map(assignment -> revoke(assignment, principal))
        .orElseGet(DeputyController::notFound);
  }

  @GetMapping(path = "/api/admin/deputies", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<View> everyone() {
    administrators.require();
    return views(assignments.all());
  }

  @PostMapping(
      path = "/api/admin/deputies",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public ResponseEntity<View> nameForAnyone(@RequestBody JsonNode body) {
    administrators.require();
    return created(assignments.create(body, null, caller()));
  }

  @DeleteMapping(path = "/api/admin/deputies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public ResponseEntity<?> revokeAny(@PathVariable("id") long id) {
    administrators.require();
    String caller = caller();
    return assignments
        .find(id)
        .<ResponseEntity<?>>map(assignment -> revoke(assignment, caller))
        .orElseGet(DeputyController::notFound);
  }

  /** Members of staff whose id or name contains {@code q}, for the picker (at most 20). */
  @GetMapping(path = "/api/me/deputy-candidates", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<Candidate> candidates(@RequestParam(name = "q", defaultValue = "") String q) {
    // an administrator picks principals too; anyone else picks someone other than herself
    String self =
        administrators.isAdministrator(identityService.getCurrentAuthentication())
            ? null
            : principal();
    String wanted = q.strip().toLowerCase(Locale.ROOT);
    if (wanted.length() > 64) {
      throw new InputValidationException(List.of(FieldError.tooLong("q", 64)));
    }
    List<User> staff =
        privileged.call(
            () ->
                identityService
                    .createUserQuery()
                    .memberOfGroup(StaffGroups.STAFF)
                    .orderByUserId()
                    .asc()
                    .listPage(0, MAX_STAFF));
    return staff.stream()
        .filter(user -> !user.getId().equals(self))
        .filter(user -> wanted.isEmpty() || matches(user, wanted))
        .limit(MAX_CANDIDATES)
        .map(
            user ->
                new Candidate(
                    user.getId(),
                    directory.displayName(user.getId()),
                    directory.departmentOf(user.getId()).map(Department::name).orElse("")))
        .toList();
  }

  private static boolean matches(User user, String wanted) {
    String name = (user.getLastName() + " " + user.getFirstName()).toLowerCase(Locale.ROOT);
    return user.getId().toLowerCase(Locale.ROOT).contains(wanted)
        || name.contains(wanted)
        || name.replace(" ", "").contains(wanted.replace(" ", ""));
  }

  private ResponseEntity<View> created(DeputyAssignment assignment) {
    if (assignment.activeOn(JapanClock.today())) {
      routing.start(assignment); // its open tasks now; later ranges start with the scan
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(view(assignment));
  }

  private ResponseEntity<?> revoke(DeputyAssignment assignment, String by) {
    if (!assignments.revoke(assignment, by)) {
      throw new InputValidationException(
          List.of(new FieldError("id", "この代理設定は既に取り消されています", "already revoked")));
    }
    routing.end(assignment.deputy());
    return ResponseEntity.ok(view(assignments.find(assignment.id()).orElseThrow()));
  }

  private static ResponseEntity<?> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(new ErrorResponse("この代理設定は見つかりません", "no such deputy assignment of yours", List.of()));
  }

  private List<View> views(List<DeputyAssignment> list) {
    return list.stream()
        .sorted(Comparator.comparing(DeputyAssignment::startsOn).reversed())
        .map(this::view)
        .toList();
  }

  private View view(DeputyAssignment assignment) {
    DeputyAssignment.Status status = assignment.statusOn(JapanClock.today());
    return new View(
        assignment.id(),
        assignment.principal(),
        directory.displayName(assignment.principal()),
        assignment.deputy(),
        directory.displayName(assignment.deputy()),
        directory.departmentOf(assignment.deputy()).map(Department::name).orElse(""),
        assignment.startsOn(),
        assignment.endsOn(),
        assignment.reason(),
        status,
        status.label(),
        assignment.createdBy(),
        assignment.createdAt(),
        assignment.revokedAt(),
        assignment.revokedBy(),
        assignment.revokedBy() == null ? null : directory.displayName(assignment.revokedBy()));
  }

  /** The caller, who must hold a role whose tasks a deputy can take over. */
  private String principal() {
    String caller = caller();
    if (assignments.rolesOf(caller).isEmpty()) {
      throw new AccessDeniedException(
          "代理者を指名できるのは所属長・利用責任者・情報政策課・情報化企画の職員です",
          "only a unit head, security officer, 情報政策課 or 情報化企画 member names a deputy");
    }
    return caller;
  }

  private String caller() {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new AccessDeniedException("ログインしてください", "sign in first");
    }
    return caller.getUserId();
  }
}
