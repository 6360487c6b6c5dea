package jp.lg.externalservice.succession;

import jp.lg.externalservice.security.DirectoryChanged;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the successor watch ({@code StartEvent_DirectoryChanged}) when the directory
 * synchronisation has changed people, after its transaction committed (so the watch sees the new
 * memberships), in a transaction of its own: work done after a commit would otherwise join the
 * finished transaction and never be committed. A failure is logged and leaves the synchronisation
 * alone; the daily run of the watch finds the same vacancies.
 */
@Component
class DirectoryChangeWatch {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryChangeWatch.class);

  private final RuntimeService runtimeService;
  private final Privileged privileged;
  private final TransactionTemplate ownTransaction;

  DirectoryChangeWatch(
      RuntimeService runtimeService,
      Privileged privileged,
      PlatformTransactionManager transactionManager) {
    this.runtimeService = runtimeService;
    this.privileged = privileged;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void directoryChanged(DirectoryChanged change) {
    if (change.userIds().isEmpty()) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(
          status ->
              privileged.run(
                  () ->
                      runtimeService.startProcessInstanceByMessage(
                          SuccessorWatch.MESSAGE_DIRECTORY_CHANGED)));
    } catch (RuntimeException e) {
      LOG.warn(
          "the successor watch did not start after the directory change of {} people; the daily"
              + " run will look again",
          change.userIds().size(),
          e);
    }
  }
}
