package jp.lg.externalservice.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that are the system's own business, not the current user's, without authorization checks:
 * e.g. evaluating the rule tables for any applicant, or granting an applicant access to their own application.
 * Inside a running command (a delegate or listener) the same command context is reused.
 */
@Component
public class Privileged {

  private final CommandExecutor commandExecutor;

  public Privileged(ProcessEngine processEngine) {
    this.commandExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  public <T> T call(Supplier<T> action) {
    return commandExecutor.execute(context -> {
      boolean enabled = context.isAuthorizationCheckEnabled();
      context.disableAuthorizationCheck();
      try {
        return action.get();
      } finally {
        if (enabled) {
          context.enableAuthorizationCheck();
        }
      }
    });
  }

  public void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }
}
