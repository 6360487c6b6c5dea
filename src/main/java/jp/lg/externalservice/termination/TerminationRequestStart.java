package jp.lg.externalservice.termination;

import static jp.lg.externalservice.caserecord.CaseVariables.*;
import static jp.lg.externalservice.termination.TerminationProcess.Variables.*;

import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.checklist.Checklist;
import jp.lg.externalservice.classification.Route;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.security.ApplicantAccess;
import jp.lg.externalservice.security.Department;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JsonInput;
import jp.lg.externalservice.system.Privileged;
import jp.lg.externalservice.termination.TerminationProcess.ReportChannel;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of the termination: the 終了確認書 (002 §7(1)①–⑤) for one registry entry in use, filed
 * by its サービス管理担当者 or 外部サービス管理者; 様式6 for route IMPORTANT (004 §12); the 台帳調査 may replace 様式3 only
 * for IMPORTANT and PAID (ruling R-5). One termination per entry at a time; the entry id is the
 * business key. Opens the termination's case record: the requester is the signed-in user, the
 * department the entry's (issue 12).
 */
@Component("terminationRequestStart")
public class TerminationRequestStart implements ExecutionListener {

  private final RegistryService registry;
  private final DepartmentDirectory directory;
  private final ApplicantAccess applicantAccess;
  private final RuntimeService runtimeService;
  private final Privileged privileged;
  private final CaseRecords caseRecords;

  public TerminationRequestStart(
      RegistryService registry,
      DepartmentDirectory directory,
      ApplicantAccess applicantAccess,
      RuntimeService runtimeService,
      Privileged privileged,
      CaseRecords caseRecords) {
    this.registry = registry;
    this.directory = directory;
    this.applicantAccess = applicantAccess;
    this.runtimeService = runtimeService;
    this.privileged = privileged;
    this.caseRecords = caseRecords;
  }

  @Override
  public void notify(DelegateExecution execution) {
    validateAndRecord(execution, false);
  }

  /**
   * Validates the 終了確認書 and records what the flow needs; {@code filedInTask} when the termination
   * was started by a stop of use and the service manager files the form in {@code
   * Task_FillTerminationRequest}.
   */
  void validateAndRecord(DelegateExecution execution, boolean filedInTask) {
    InputReader reader = new InputReader(JsonInput.fromVariables(execution.getVariables()));
    // filed in a task after a stop of use: the record opened then (StopOfUseStart) names the
    // requester
    String requester =
        filedInTask ? caseRecords.of(execution).applicant().userId() : signedInOr(execution);
    String entryId = reader.requiredText(REGISTRY_ENTRY_ID, 64);
    // only the requester's own entries exist for this form: an entry of someone else is answered
    // like a missing
    // one, and nothing about it (its route) is checked, so the form cannot be used to explore the
    // registry
    RegistryEntry entry =
        entryId == null
            ? null
            : registry
                .find(entryId)
                .filter(
                    found ->
                        found.serviceManager().equals(requester)
                            || found.serviceAdministrator().equals(requester))
                .orElse(null);
    if (entryId != null && entry == null) {
      reader.reject(
          REGISTRY_ENTRY_ID,
          "台帳番号「" + entryId + "」は、あなたがサービス管理担当者又は外部サービス管理者である" + "承認済み外部サービス台帳にありません（002 §7(1)）",
          "no approved-service registry entry '"
              + entryId
              + "' of which you are the service manager or "
              + "service administrator (002 §7(1))");
    } else if (entry != null) {
      checkEntry(reader, entry, requester, filedInTask ? execution.getProcessInstanceId() : null);
    }
    reader.requiredText(TERMINATION_REASON, InputReader.MAX_TEXT);
    reader.requiredText(INFORMATION_HANDLED, InputReader.MAX_TEXT);
    reader.requiredDate(END_DATE);
    reader.requiredText(AGREED_AT_TERMINATION, InputReader.MAX_TEXT);
    reader.requiredText(DISPOSAL_PROOF, InputReader.MAX_TEXT);
    ReportChannel channel = reader.requiredEnum(REPORT_CHANNEL);
    if (channel == ReportChannel.LEDGER_SURVEY
        && entry != null
        && entry.route() != Route.IMPORTANT
        && entry.route() != Route.PAID) {
      reader.reject(
          REPORT_CHANNEL,
          "情報システム台帳調査で様式3 に代えられるのは重要情報あり・有料のサービスだけです（ruling R-5）",
          "the yearly register survey replaces 様式3 only for routes IMPORTANT and PAID (ruling R-5)");
    }
    Checklist.TERMINATION.readCrosses(reader, TERMINATION_CHECK);
    if (entry != null && entry.route() == Route.IMPORTANT) {
      Checklist.DISPOSAL.readCrosses(reader, DISPOSAL_CHECKLIST);
    }
    reader.throwIfInvalid();

    if (!filedInTask) {
      execution.setProcessBusinessKey(entryId);
      caseRecords.open(
          execution,
          requester,
          new Department(entry.departmentCode(), entry.departmentName()),
          entry.serviceName(),
          entry.serviceManager(),
          null,
          entry.id());
    }
    CaseVariables.APPLICANT.set(execution, requester); // display; the record is the fact
    caseRecords.act(execution, CaseAct.APPLICANT, ActResult.SUBMITTED);
    CaseVariables.APPLICANT_NAME.set(execution, directory.displayName(requester));
    CaseVariables.SERVICE_NAME.set(execution, entry.serviceName());
    CaseVariables.PROVIDER_NAME.set(execution, entry.providerName());
    CaseVariables.DEPARTMENT_CODE.set(execution, entry.departmentCode());
    CaseVariables.DEPARTMENT_NAME.set(execution, entry.departmentName());
    CaseVariables.ROUTE.set(execution, entry.route() == null ? null : entry.route().name());
    CaseVariables.SERVICE_MANAGER_NAME.set(execution, entry.serviceManagerName());
    CaseVariables.SERVICE_ADMINISTRATOR_NAME.set(execution, entry.serviceAdministratorName());
    if (!filedInTask) {
      applicantAccess.grantReadOwnApplication(requester, execution.getProcessInstanceId());
    }
  }

  /**
   * The signed-in user; the initiator variable only when nobody is signed in (system code, engine
   * tests).
   */
  private String signedInOr(DelegateExecution execution) {
    return caseRecords.signedInUser().orElseGet(() -> CaseVariables.APPLICANT.get(execution));
  }

  private void checkEntry(
      InputReader reader, RegistryEntry entry, String requester, String ownInstanceId) {
    if (entry.status() != RegistryStatus.ACTIVE && entry.status() != RegistryStatus.SUSPENDED) {
      reader.reject(
          REGISTRY_ENTRY_ID,
          "この台帳は「" + entry.status().label() + "」のため終了手続はできません",
          "the entry is " + entry.status() + ": it cannot be terminated");
    } else if (privileged
        .call(
            () ->
                runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey(TerminationProcess.KEY)
                    .processInstanceBusinessKey(entry.id())
                    .list())
        .stream()
        .anyMatch(running -> !running.getId().equals(ownInstanceId))) {
      reader.reject(
          REGISTRY_ENTRY_ID,
          "この台帳の終了手続はすでに進行中です",
          "a termination of this entry is already running");
    }
  }
}
