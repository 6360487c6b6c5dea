package jp.lg.externalservice.application;

import static jp.lg.externalservice.caserecord.CaseVariables.*;

import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.security.ApplicantAccess;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_ApplicationStarted}: the start form asks only for the name of
 * the service. It opens the case record (a draft) with its case number, who applies from which
 * department, and lets the applicant read their own application; the application itself is written
 * and filed in {@code Task_FillInApplication} ({@link SubmissionCompletion}), where it can be saved
 * as a draft on the way. The applicant is the signed-in user, whatever {@code applicant} the
 * request carried (issue 12: a start form with another user's id filed the case in their name). The
 * case number becomes the business key: Tasklist and Cockpit show it with every task.
 */
@Component("applicationStart")
public class ApplicationStart implements ExecutionListener {

  static final int MAX_SERVICE_NAME = 200;

  private final DepartmentDirectory directory;
  private final ApplicantAccess applicantAccess;
  private final CaseRecords caseRecords;

  public ApplicationStart(
      DepartmentDirectory directory, ApplicantAccess applicantAccess, CaseRecords caseRecords) {
    this.directory = directory;
    this.applicantAccess = applicantAccess;
    this.caseRecords = caseRecords;
  }

  @Override
  public void notify(DelegateExecution execution) {
    InputReader reader = new InputReader(JsonInput.fromVariables(execution.getVariables()));
    String serviceName = reader.requiredText(SERVICE_NAME, MAX_SERVICE_NAME);
    String applicant = applicant(execution);
    Department department = directory.departmentOf(applicant).orElse(null);
    if (department == null) {
      reader.reject(
          APPLICANT,
          "申請者（ログイン中の職員）の所属部署が登録されていません",
          "the applicant (the logged-in user) belongs to no department");
    }
    reader.throwIfInvalid();
    CaseRecord record =
        caseRecords.open(execution, applicant, department, serviceName, null, null, null);
    execution.setProcessBusinessKey(record.caseNumber());
    // display only: the forms and the task assignment read the record, this keeps Tasklist's
    // filters informative
    APPLICANT.set(execution, applicant);
    APPLICANT_NAME.set(execution, directory.displayName(applicant));
    DEPARTMENT_CODE.set(execution, department.code());
    DEPARTMENT_NAME.set(execution, department.name());
    applicantAccess.grantReadOwnApplication(applicant, execution.getProcessInstanceId());
  }

  /**
   * The signed-in user; only when nobody is signed in (system code, engine tests without a user)
   * the initiator variable that the engine or the caller set.
   */
  private String applicant(DelegateExecution execution) {
    return caseRecords.signedInUser().orElseGet(() -> APPLICANT.get(execution));
  }
}
