package jp.lg.externalservice.system;

import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Ruling R-18: the records of an application are kept at least 3 years after the end of use
 * (default 5). The application process ends at approval, long before the use ends, so its history
 * would otherwise be removed too early: the yearly check and the termination move its removal time
 * to the retention period after the (expected) end of use. History cleanup then removes it, in the
 * cleanup window of {@code application.yaml}.
 */
@Component
public class Retention {

  private final HistoryService historyService;
  private final Privileged privileged;
  private final Period afterEndOfUse;

  public Retention(
      HistoryService historyService,
      Privileged privileged,
      @Value("${external-service.retention.after-end-of-use:P5Y}") Period afterEndOfUse) {
    this.historyService = historyService;
    this.privileged = privileged;
    this.afterEndOfUse = afterEndOfUse;
  }

  /**
   * Keeps the whole case of {@code processInstanceId} (its root and every called process) until
   * endOfUse + retention.
   */
  public void keepCaseUntil(String processInstanceId, LocalDate endOfUse) {
    if (processInstanceId == null) {
      return;
    }
    Date removal = Date.from(JapanClock.startOf(endOfUse.plus(afterEndOfUse)));
    privileged.run(
        () -> {
          HistoricProcessInstance instance =
              historyService
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(processInstanceId)
                  .singleResult();
          if (instance != null) {
            historyService
                .setRemovalTimeToHistoricProcessInstances()
                .absoluteRemovalTime(removal)
                .byIds(instance.getRootProcessInstanceId())
                .hierarchical()
                .executeAsync();
          }
        });
  }
}
