package jp.lg.externalservice.deputy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ranges begin and end with the calendar, not with a request: every node scans now and then (by
 * default every 15 minutes), starts the assignments active today ({@link DeputyRouting#start}) and
 * ends the links no active assignment justifies ({@link DeputyRouting#end}). Each step reads the
 * tasks' current links first, so a second run or a second node adds nothing; each assignment and
 * each deputy runs in its own transaction, so a collision with another node (an optimistic lock on
 * a task) rolls back that one only, and the next scan finishes it.
 */
@Component
public class DeputyScan {

  private static final Logger LOG = LoggerFactory.getLogger(DeputyScan.class);

  private final DeputyAssignments assignments;
  private final DeputyRouting routing;
  private final TransactionTemplate transaction;

  DeputyScan(
      DeputyAssignments assignments,
      DeputyRouting routing,
      PlatformTransactionManager transactionManager) {
    this.assignments = assignments;
    this.routing = routing;
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Scheduled(
      fixedDelayString = "${external-service.deputies.scan-interval:PT15M}",
      initialDelayString = "${external-service.deputies.scan-initial-delay:PT1M}")
  public void scheduled() {
    scan();
  }

  /** Starts and ends what today starts and ends; returns the tasks that changed. */
  public int scan() {
    int changed = 0;
    for (DeputyAssignment assignment : assignments.activeToday()) {
      changed += inOwnTransaction(() -> routing.start(assignment), "start " + assignment.id());
    }
    for (String deputy : assignments.everyDeputy()) {
      changed += inOwnTransaction(() -> routing.end(deputy), "end for " + deputy);
    }
    return changed;
  }

  private int inOwnTransaction(java.util.function.IntSupplier step, String what) {
    try {
      Integer done = transaction.execute(status -> step.getAsInt());
      return done == null ? 0 : done;
    } catch (RuntimeException e) {
      LOG.warn("deputy scan: {} failed; the next scan tries again", what, e);
      return 0;
    }
  }
}
