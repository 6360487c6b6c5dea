package jp.lg.externalservice.application;

import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.certification.CertificationClaims;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import jp.lg.externalservice.system.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_FillInApplication}: the applicant files the application (様式1/様式2 basics). The whole
 * form is validated on the server (a completion through the engine REST API bypasses the Camunda
 * Form); bad input keeps the task open and stores nothing. The answers with consequences — the
 * service name, the service manager, the entry a renewal replaces — go into the case record; the
 * classification follows.
 */
@Component("submissionCompletion")
public class SubmissionCompletion extends TaskCompletion {

  private final DepartmentDirectory directory;
  private final RegistryService registry;
  private final CaseRecords caseRecords;
  private final CertificationClaims certifications;

  public SubmissionCompletion(
      DepartmentDirectory directory,
      RegistryService registry,
      CaseRecords caseRecords,
      CertificationClaims certifications) {
    this.directory = directory;
    this.registry = registry;
    this.caseRecords = caseRecords;
    this.certifications = certifications;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    ApplicationFormReader.read(reader, directory);
    Department department = caseRecords.of(execution).department();
    String renews = reader.optionalText(CaseVariables.RENEWS_REGISTRY_ENTRY_ID, 64);
    if (renews != null) {
      checkRenewal(reader, renews, department);
    }
    checkMore(reader);
    certifications.file(execution, reader); // 第三者認証: checked, and stored when all is valid
    if (!reader.errors().isEmpty()) {
      return;
    }
    String manager = CaseVariables.SERVICE_MANAGER.get(execution);
    caseRecords.filed(execution, CaseVariables.SERVICE_NAME.get(execution), manager, renews);
    caseRecords.act(execution, CaseAct.APPLICANT, ActResult.SUBMITTED);
    CaseVariables.SERVICE_MANAGER_NAME.set(execution, directory.displayName(manager));
    // display only, written again from the record where they differ from it: a completion through
    // the engine API may carry anything under these names. Where they are the record's already
    // (the start wrote them), they are not written again: every write is a history detail (issue
    // 17).
    CaseRecord record = caseRecords.of(execution);
    displayRecorded(execution, CaseVariables.CASE_NUMBER, record.caseNumber());
    displayRecorded(execution, CaseVariables.APPLICANT, record.applicant().userId());
    displayRecorded(execution, CaseVariables.APPLICANT_NAME, record.applicant().name());
    displayRecorded(execution, CaseVariables.DEPARTMENT_CODE, record.department().code());
    displayRecorded(execution, CaseVariables.DEPARTMENT_NAME, record.department().name());
  }

  /** Sets {@code variable} to the recorded value unless it holds exactly that string already. */
  private static void displayRecorded(
      DelegateExecution execution, Var<String> variable, String recorded) {
    Object current = execution.getVariable(variable.name());
    if (!(current instanceof String text && text.equals(recorded))) {
      variable.set(execution, recorded);
    }
  }

  /** What a subclass asks besides the application form. */
  protected void checkMore(InputReader reader) {}

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
