package jp.lg.externalservice.review;

import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.RegistryEntries;
import jp.lg.externalservice.registry.EntryType;
import jp.lg.externalservice.registry.RegistryLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterApprovedService}: the approved service enters the registry (001 8.2(4)③, 003
 * 第10 2(4)②); a renewal closes the entry it renews (ruling R-17).
 */
@Component("registerApprovedService")
public class RegisterApprovedService implements JavaDelegate {

  private final RegistryEntries entries;
  private final RegistryLifecycle lifecycle;
  private final CaseMessages messages;
  private final CaseRecords caseRecords;

  public RegisterApprovedService(
      RegistryEntries entries,
      RegistryLifecycle lifecycle,
      CaseMessages messages,
      CaseRecords caseRecords) {
    this.entries = entries;
    this.lifecycle = lifecycle;
    this.messages = messages;
    this.caseRecords = caseRecords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record =
        caseRecords.of(execution); // validated at submission; variables are display only
    String id = entries.register(execution, EntryType.SERVICE, record.serviceManager());
    lifecycle
        .renew(
            record.renewsEntryId(),
            id,
            entries.approver(execution, EntryType.SERVICE),
            execution.getProcessInstanceId())
        .ifPresent(messages::closeOperation); // the renewed entry's operation ends
  }
}
