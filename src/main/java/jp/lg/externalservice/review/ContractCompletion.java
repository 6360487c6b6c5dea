package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Variables.*;

import java.time.LocalDate;
import java.util.Date;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.JapanClock;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordContract}: routes IMPORTANT and PAID conclude the contract after the decision
 * (004 参考フローチャート 「可否決定後、契約締結」); the date is recorded in the registry.
 */
@Component("contractCompletion")
public class ContractCompletion extends TaskCompletion {

  private final RegistryService registry;
  private final IdentityService identityService;
  private final CaseRecords caseRecords;

  public ContractCompletion(
      RegistryService registry, IdentityService identityService, CaseRecords caseRecords) {
    this.registry = registry;
    this.identityService = identityService;
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    LocalDate contractDate = reader.requiredDate(CONTRACT_DATE);
    // when the head of 情報政策課 decided, and which entry was registered: the case record, not
    // variables
    Date decidedAt =
        caseRecords
            .lastActInThisInstance(execution, ReviewProcess.Element.DECIDE)
            .map(act -> Date.from(act.actedAt()))
            .orElse(null);
    if (contractDate != null
        && decidedAt != null
        && contractDate.isBefore(JapanClock.dayOf(decidedAt))) {
      reader.reject(
          CONTRACT_DATE,
          "契約は可否決定の後に締結します。決定日以降の日付を入力してください（004 参考フローチャート）",
          "the contract is concluded after the decision: enter a date on or after the decision date");
    }
    if (!reader.errors().isEmpty()) {
      return;
    }
    String user =
        identityService.getCurrentAuthentication() == null
            ? null
            : identityService.getCurrentAuthentication().getUserId();
    caseRecords.act(execution, CaseAct.SERVICE_MANAGER, ActResult.RECORDED);
    registry.recordContract(
        caseRecords.of(execution).registryEntryId(),
        contractDate,
        user,
        execution.getProcessInstanceId());
  }
}
