package jp.lg.externalservice.termination;

import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.notification.CaseNotices;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.Department;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_TerminationRequired} (a stop of use, started by the server):
 * opens the termination's case record for the entry's サービス管理担当者, who files the 終了確認書 in a task, and
 * the entry's department — both from the registry (the business key), not from the message's
 * variables.
 */
@Component("stopOfUseStart")
public class StopOfUseStart implements ExecutionListener {

  private final RegistryService registry;
  private final CaseRecords caseRecords;
  private final CaseNotices caseNotices;

  public StopOfUseStart(
      RegistryService registry, CaseRecords caseRecords, CaseNotices caseNotices) {
    this.registry = registry;
    this.caseRecords = caseRecords;
    this.caseNotices = caseNotices;
  }

  @Override
  public void notify(DelegateExecution execution) {
    RegistryEntry entry =
        registry
            .find(execution.getProcessBusinessKey())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no registry entry '" + execution.getProcessBusinessKey() + "'"));
    caseRecords.open(
        execution,
        entry.serviceManager(),
        new Department(entry.departmentCode(), entry.departmentName()),
        entry.serviceName(),
        entry.serviceManager(),
        null,
        entry.id());
    caseNotices.useStopped(execution); // the service manager and the 所属長 by mail
  }
}
