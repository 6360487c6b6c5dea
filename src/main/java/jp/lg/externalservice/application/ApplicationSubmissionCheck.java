package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Var.*;

import jp.lg.externalservice.security.ApplicantAccess;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_ApplicationSubmitted}: validates the application form on the server and
 * records who applies from which department, and lets the applicant read their own application. Bad input stops
 * the start: nothing is stored.
 */
@Component("applicationSubmissionCheck")
public class ApplicationSubmissionCheck implements ExecutionListener {

  private final DepartmentDirectory directory;
  private final ApplicantAccess applicantAccess;

  public ApplicationSubmissionCheck(DepartmentDirectory directory, ApplicantAccess applicantAccess) {
    this.directory = directory;
    this.applicantAccess = applicantAccess;
  }

  @Override
  public void notify(DelegateExecution execution) {
    InputReader reader = new InputReader(JsonInput.fromVariables(execution.getVariables()));
    ApplicationFormReader.read(reader, directory);
    String applicant = (String) execution.getVariable(APPLICANT);
    Department department = directory.departmentOf(applicant).orElse(null);
    if (department == null) {
      reader.reject(APPLICANT, "申請者（ログイン中の職員）の所属部署が登録されていません",
          "the applicant (the logged-in user) belongs to no department");
    }
    reader.throwIfInvalid();
    execution.setVariable(APPLICANT_NAME, directory.displayName(applicant));
    execution.setVariable(DEPARTMENT_CODE, department.code());
    execution.setVariable(DEPARTMENT_NAME, department.name());
    execution.setVariable(SERVICE_MANAGER_NAME, directory.displayName((String) execution.getVariable(SERVICE_MANAGER)));
    applicantAccess.grantReadOwnApplication(applicant, execution.getProcessInstanceId());
  }
}
