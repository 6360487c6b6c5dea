package jp.lg.externalservice.review;

import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseProcesses;
import jp.lg.externalservice.caserecord.CaseRecord;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.caserecord.RegistryEntries;
import jp.lg.externalservice.registry.EntryType;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.registry.RegistryStatus;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterApprovedService}: the approved service enters the registry (001 8.2(4)③, 003 第10 2(4)②); a
 * renewal closes the entry it renews (ruling R-17).
 */
@Component("registerApprovedService")
public class RegisterApprovedService implements JavaDelegate {

  private final RegistryEntries entries;
  private final RegistryService registry;
  private final CaseMessages messages;
  private final CaseRecords caseRecords;

  public RegisterApprovedService(RegistryEntries entries, RegistryService registry, CaseMessages messages,
      CaseRecords caseRecords) {
    this.entries = entries;
    this.registry = registry;
    this.messages = messages;
    this.caseRecords = caseRecords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = caseRecords.of(execution); // validated at submission; variables are display only
    String id = entries.register(execution, EntryType.SERVICE, record.serviceManager());
    String renewed = record.renewsEntryId();
    if (renewed != null && !renewed.isBlank()) {
      // ruling R-17: the renewal replaces the entry it renews, whose operation ends
      registry.changeStatus(renewed, RegistryStatus.RENEWED, JapanClock.today(),
          entries.approver(execution, EntryType.SERVICE),
          execution.getProcessInstanceId(), "更改: " + id + " に引き継ぎ");
      messages.closeOperation(renewed);
    }
  }
}
