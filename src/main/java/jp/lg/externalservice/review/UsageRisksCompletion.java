package jp.lg.externalservice.review;

import static jp.lg.externalservice.review.ReviewProcess.Variables.ACKNOWLEDGED_RISKS;
import static jp.lg.externalservice.review.ReviewProcess.Variables.RISKS_ACKNOWLEDGED_BY;

import java.util.Arrays;
import java.util.List;
import jp.lg.externalservice.caserecord.ActResult;
import jp.lg.externalservice.caserecord.CaseAct;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.review.ReviewProcess.UsageRiskNotice;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AcknowledgeUsageRisks}: on approval the サービス管理担当者 is made to understand the risks
 * specific to 約款 services (002 §5(3)): all four of the 002 様式 must be acknowledged.
 */
@Component("usageRisksCompletion")
public class UsageRisksCompletion extends TaskCompletion {

  private final IdentityService identityService;
  private final CaseRecords caseRecords;

  public UsageRisksCompletion(IdentityService identityService, CaseRecords caseRecords) {
    this.identityService = identityService;
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    List<UsageRiskNotice> acknowledged =
        reader.enumList(ACKNOWLEDGED_RISKS, UsageRiskNotice.class, false);
    List<String> missing =
        Arrays.stream(UsageRiskNotice.values())
            .filter(risk -> !acknowledged.contains(risk))
            .map(Enum::name)
            .toList();
    if (!missing.isEmpty() && !reader.hasError(ACKNOWLEDGED_RISKS)) {
      reader.reject(
          ACKNOWLEDGED_RISKS,
          "すべてのリスクを理解したことを確認してください: " + String.join(", ", missing),
          "acknowledge every risk: " + String.join(", ", missing));
    }
    if (reader.errors().isEmpty()) {
      caseRecords.act(execution, CaseAct.SERVICE_MANAGER, ActResult.ACKNOWLEDGED);
    }
    if (reader.errors().isEmpty() && identityService.getCurrentAuthentication() != null) {
      RISKS_ACKNOWLEDGED_BY.set(execution, identityService.getCurrentAuthentication().getUserId());
    }
  }
}
