package jp.lg.externalservice.certification;

import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.system.JapanClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code Task_ConfirmCertificationLapse} (one per lapse): writes what the task shows — the
 * service, its registry entry and department, the certification and what happened — as variables
 * local to the task's execution, from the recorded lapse.
 */
@Component("showCertificationLapse")
public class ShowCertificationLapse implements ExecutionListener {

  private final CertificationWatch watch;

  public ShowCertificationLapse(CertificationWatch watch) {
    this.watch = watch;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long id = Long.parseLong((String) execution.getVariable(CertificationWatch.LAPSE_ID));
    Lapse lapse = watch.lapse(id).orElseThrow();
    execution.setVariableLocal("lapseServiceName", lapse.serviceName());
    // the task's title and Tasklist's columns read these, as for every task of a case
    CaseVariables.SERVICE_NAME.setLocal(execution, lapse.serviceName());
    CaseVariables.DEPARTMENT_NAME.setLocal(execution, lapse.departmentName());
    execution.setVariableLocal("lapseRegistryEntryId", lapse.registryEntryId());
    execution.setVariableLocal("lapseDepartmentName", lapse.departmentName());
    execution.setVariableLocal("lapseCertification", lapse.certification().label());
    execution.setVariableLocal("lapseRegistrationNumber", lapse.registrationNumber());
    execution.setVariableLocal(
        "lapseWhat",
        lapse.reason().label()
            + (lapse.reason() == LapseReason.EXPIRED && lapse.validUntil() != null
                ? "（有効期限 " + CertificationReview.japanese(lapse.validUntil()) + "）"
                : "")
            + "。"
            + CertificationReview.japanese(JapanClock.dayOf(lapse.detectedAt()))
            + " に検知");
  }
}
