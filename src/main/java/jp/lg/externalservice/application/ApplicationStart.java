package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Variables.*;
import static jp.lg.externalservice.caserecord.CaseVariables.*;

import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.security.ApplicantAccess;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_ApplicationSubmitted}: validates the application form on the
 * server, opens the case record with who applies from which department, and lets the applicant read
 * their own application. Bad input stops the start: nothing is stored. The applicant is the
 * signed-in user, whatever {@code applicant} the request carried (issue 12: a start form with
 * another user's id filed the case in their name).
 */
@Component("applicationStart")
public class ApplicationStart implements ExecutionListener {

  private final DepartmentDirectory directory;
  private final ApplicantAccess applicantAccess;
  private final RegistryService registry;
  private final CaseRecords caseRecords;

  public ApplicationStart(
      DepartmentDirectory directory,
      ApplicantAccess applicantAccess,
      RegistryService registry,
      CaseRecords caseRecords) {
    this.directory = directory;
    this.applicantAccess = applicantAccess;
    this.registry = registry;
    this.caseRecords = caseRecords;
  }

  @Override
  public void notify(DelegateExecution execution) {
    InputReader reader = new InputReader(JsonInput.fromVariables(execution.getVariables()));
    ApplicationFormReader.read(reader, directory);
    String applicant = applicant(execution);
    Department department = directory.departmentOf(applicant).orElse(null);
    if (department == null) {
      reader.reject(
          APPLICANT,
          "申請者（ログイン中の職員）の所属部署が登録されていません",
          "the applicant (the logged-in user) belongs to no department");
    }
    String renews = reader.optionalText(CaseVariables.RENEWS_REGISTRY_ENTRY_ID, 64);
    if (renews != null && department != null) {
      checkRenewal(reader, renews, department);
    }
    reader.throwIfInvalid();
    caseRecords.open(
        execution,
        applicant,
        department,
        CaseVariables.SERVICE_MANAGER.get(execution),
        renews,
        null);
    caseRecords.act(execution, CaseAct.APPLICANT, ActResult.SUBMITTED);
    // display only: the forms and the task assignment read the record, this keeps Tasklist's
    // filters informative
    APPLICANT.set(execution, applicant);
    APPLICANT_NAME.set(execution, directory.displayName(applicant));
    DEPARTMENT_CODE.set(execution, department.code());
    DEPARTMENT_NAME.set(execution, department.name());
    CaseVariables.SERVICE_MANAGER_NAME.set(
        execution, directory.displayName(CaseVariables.SERVICE_MANAGER.get(execution)));
    applicantAccess.grantReadOwnApplication(applicant, execution.getProcessInstanceId());
  }

  /**
   * The signed-in user; only when nobody is signed in (system code, engine tests without a user)
   * the initiator variable that the engine or the caller set.
   */
  private String applicant(DelegateExecution execution) {
    return caseRecords.signedInUser().orElseGet(() -> APPLICANT.get(execution));
  }

  /** A renewal (更改) references an entry in use by the applicant's own department (ruling R-17). */
  private void checkRenewal(InputReader reader, String entryId, Department department) {
    RegistryEntry entry = registry.find(entryId).orElse(null);
    if (entry == null) {
      reader.reject(
          CaseVariables.RENEWS_REGISTRY_ENTRY_ID,
          "台帳番号「" + entryId + "」は承認済み外部サービス台帳にありません",
          "no approved-service registry entry '" + entryId + "'");
    } else if (entry.status() != RegistryStatus.ACTIVE) {
      reader.reject(
          CaseVariables.RENEWS_REGISTRY_ENTRY_ID,
          "利用中の台帳だけを更改できます（この台帳は「" + entry.status().label() + "」）",
          "only an entry in use (ACTIVE) can be renewed; this one is " + entry.status());
    } else if (!entry.departmentCode().equals(department.code())) {
      reader.reject(
          CaseVariables.RENEWS_REGISTRY_ENTRY_ID,
          "他の部署の台帳は更改できません",
          "the entry belongs to another department");
    }
  }
}
