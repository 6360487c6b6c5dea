package jp.lg.externalservice.caserecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.externalservice.classification.Classification;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.security.StandIns;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of the case record: submission opens it, the classification fills it in, every
 * check that completes a task adds its act. Server code only — nothing here takes a value from a
 * request or a process variable. The case of an execution is its root process instance, so the
 * review and the SNS registration, called from the application, share the application's record.
 */
@Service
public class CaseRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The actor of an act done by no signed-in user (system code). */
  public static final String SYSTEM = "(system)";

  private final CaseRecordRepository repository;
  private final CaseNumbers caseNumbers;
  private final DepartmentDirectory directory;
  private final IdentityService identityService;
  private final StepAnswers stepAnswers;
  private final StandIns standIns;

  CaseRecords(
      CaseRecordRepository repository,
      CaseNumbers caseNumbers,
      DepartmentDirectory directory,
      IdentityService identityService,
      StepAnswers stepAnswers,
      @Lazy StandIns standIns) {
    this.standIns = standIns;
    this.repository = repository;
    this.caseNumbers = caseNumbers;
    this.directory = directory;
    this.identityService = identityService;
    this.stepAnswers = stepAnswers;
  }

  /** The case an execution belongs to: the root process instance, never a variable. */
  public static String caseIdOf(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getRootProcessInstanceId();
  }

  /**
   * Opens the record of a new case with the next case number; names come from the directory now.
   * {@code registryEntryId} is null for an application (set at approval, {@link #registered}) and
   * the entry ended by a termination.
   */
  public CaseRecord open(
      DelegateExecution execution,
      String applicant,
      Department department,
      String serviceName,
      String serviceManager,
      String renewsEntryId,
      String registryEntryId) {
    CaseRecord record =
        new CaseRecord(
            caseIdOf(execution),
            caseNumbers.next(),
            serviceName,
            new Actor(applicant, directory.displayName(applicant)),
            department,
            serviceManager,
            renewsEntryId,
            registryEntryId,
            JapanClock.now(),
            null);
    repository.insert(record);
    // display only (task cards, forms): the record is the fact
    CaseVariables.CASE_NUMBER.set(execution, record.caseNumber());
    return record;
  }

  /**
   * The application was filed (or filed again after a correction) with these validated answers that
   * have consequences.
   */
  public void filed(
      DelegateExecution execution,
      String serviceName,
      String serviceManager,
      String renewsEntryId) {
    repository.updateFiled(caseIdOf(execution), serviceName, serviceManager, renewsEntryId);
  }

  /** Gives every record written before case numbers existed (V4) its number, oldest first. */
  @Transactional
  public int numberOlderRecords() {
    List<String> unnumbered = repository.unnumbered();
    unnumbered.forEach(caseId -> repository.updateCaseNumber(caseId, caseNumbers.next()));
    return unnumbered.size();
  }

  /** The approved service or SNS account entered the registry as {@code registryEntryId}. */
  public void registered(DelegateExecution execution, String registryEntryId) {
    repository.updateRegistryEntry(caseIdOf(execution), registryEntryId);
  }

  /**
   * Records (or, after a new classification of the same case, replaces) the classification, and
   * adds it with its reasons to the case's classification history (the audit record, V6).
   */
  public CaseClassification classify(DelegateExecution execution, Classification classification) {
    CaseClassification recorded = CaseClassification.of(classification, JapanClock.now());
    repository.updateClassification(caseIdOf(execution), recorded);
    repository.insertClassification(
        caseIdOf(execution), execution.getProcessInstanceId(), recorded, classification.reasons());
    return recorded;
  }

  /**
   * Records an act of the signed-in user at the current step of {@code execution}: the completing
   * end listener runs at the user task, so its element id is the step. {@code role} is the group
   * the task was offered to. The answers given at the step — the values of the step's own form
   * fields, validated by the caller before it records the act — are stored with it ({@link
   * StepAnswers}, for the audit record). When the actor is not a member of {@code role} herself but
   * stands in today for a member of it, the act records for whom she acted (代理, issue 16).
   */
  public CaseAct act(DelegateExecution execution, String role, ActResult result) {
    String userId = signedInUser().orElse(SYSTEM);
    Actor actor = new Actor(userId, userId.equals(SYSTEM) ? "システム" : directory.displayName(userId));
    Actor deputyFor =
        userId.equals(SYSTEM)
            ? null
            : standIns
                .standingInFor(userId, role)
                .map(principal -> new Actor(principal, directory.displayName(principal)))
                .orElse(null);
    CaseAct act =
        new CaseAct(
            caseIdOf(execution),
            execution.getProcessInstanceId(),
            execution.getCurrentActivityId(),
            actor,
            role,
            result,
            JapanClock.now(),
            deputyFor);
    repository.insertAct(act, false, stepAnswers.of(execution));
    return act;
  }

  /**
   * Records an act of the signed-in user that no task completion carries: a request to the case
   * sent to the server's own API (issue 16: a withdrawal), at {@code step} of the case's root
   * instance (the diagram element the request triggers). {@code answers} are the request's fields,
   * validated by the caller, stored as {@link StepAnswers} stores a form's (for the audit record).
   */
  public CaseAct actOnRequest(
      String caseId, String step, String role, ActResult result, Map<String, String> answers) {
    String userId =
        signedInUser().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    CaseAct act =
        new CaseAct(
            caseId,
            caseId,
            step,
            new Actor(userId, directory.displayName(userId)),
            role,
            result,
            JapanClock.now());
    ObjectNode json = JSON.createObjectNode();
    answers.forEach(json::put);
    String text = json.toString();
    repository.insertAct(act, false, text.length() <= StepAnswers.MAX_CHARS ? text : null);
    return act;
  }

  /**
   * The signed-in user (set by the REST filters and the webapps for the whole request), if any: the
   * only source of who acts. System code (jobs, messages from the server) runs without one.
   */
  public Optional<String> signedInUser() {
    var authentication = identityService.getCurrentAuthentication();
    return Optional.ofNullable(authentication == null ? null : authentication.getUserId());
  }

  public Optional<CaseRecord> find(String caseId) {
    return repository.find(caseId);
  }

  /**
   * The record of the case of {@code execution}; a case without one did not start through its
   * submission.
   */
  public CaseRecord of(DelegateExecution execution) {
    String caseId = caseIdOf(execution);
    return repository
        .find(caseId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "案件記録がありません（no case record for case "
                        + caseId
                        + "; was it started through its submission?）"));
  }

  /** Every act on the case with the answers given at it, oldest first (the audit record). */
  public List<RecordedAct> recordedActs(String caseId) {
    return repository.recordedActs(caseId);
  }

  /** Every classification of the case with its reasons, oldest first (the audit record). */
  public List<RecordedClassification> classifications(String caseId) {
    return repository.classifications(caseId);
  }

  /** Every act on the case, oldest first. */
  public List<CaseAct> acts(String caseId) {
    return repository.acts(caseId);
  }

  /**
   * The latest act at {@code step} in the process instance of {@code execution} (a review returned
   * for correction runs again as a new instance: the acts of the earlier round do not count).
   */
  public Optional<CaseAct> lastActInThisInstance(DelegateExecution execution, String step) {
    List<CaseAct> acts = repository.acts(caseIdOf(execution));
    for (int i = acts.size() - 1; i >= 0; i--) {
      CaseAct act = acts.get(i);
      if (act.step().equals(step)
          && act.processInstanceId().equals(execution.getProcessInstanceId())) {
        return Optional.of(act);
      }
    }
    return Optional.empty();
  }
}
