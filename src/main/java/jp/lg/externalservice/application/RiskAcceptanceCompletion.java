package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Variables.ACCEPTED_RISKS;
import static jp.lg.externalservice.application.ApplicationProcess.Variables.CONTRACT_TYPE;

import java.util.Arrays;
import java.util.List;
import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.checklist.UsageRisk;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AcceptRisks}: to file 様式2 the applicant confirms that every 004 §6 risk of the
 * contract type is acceptable (004 §7(2), §9(3) 選定); otherwise the application is withdrawn.
 */
@Component("riskAcceptanceCompletion")
public class RiskAcceptanceCompletion extends TaskCompletion {

  private final CaseRecords caseRecords;

  public RiskAcceptanceCompletion(CaseRecords caseRecords) {
    this.caseRecords = caseRecords;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    Preparation.check(execution, reader, caseRecords, this::checkAnswers);
  }

  private void checkAnswers(DelegateExecution execution, InputReader reader) {
    UsageRisk.ContractType contractType = reader.requiredEnum(CONTRACT_TYPE);
    List<UsageRisk> accepted = reader.enumList(ACCEPTED_RISKS, UsageRisk.class, false);
    if (contractType == null || reader.hasError(ACCEPTED_RISKS)) {
      return;
    }
    List<String> missing =
        Arrays.stream(UsageRisk.values())
            .filter(risk -> risk.appliesTo(contractType) && !accepted.contains(risk))
            .map(Enum::name)
            .toList();
    if (!missing.isEmpty()) {
      reader.reject(
          ACCEPTED_RISKS,
          "次のリスクを確認し、許容できることをチェックしてください: " + String.join(", ", missing),
          "confirm that these risks are acceptable: " + String.join(", ", missing));
    }
  }
}
