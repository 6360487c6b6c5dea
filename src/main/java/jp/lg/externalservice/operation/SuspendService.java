package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Variables.*;

import java.util.HashMap;
import java.util.Map;
import jp.lg.externalservice.caserecord.CaseMessages;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.registry.RegistryEntry;
import jp.lg.externalservice.registry.RegistryLifecycle;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SuspendService}: use stops at once (002 §6(2), ruling R-16): the registry entry
 * becomes SUSPENDED and the termination starts, with a task for the サービス管理担当者 to file the 終了確認書.
 */
@Component("suspendService")
public class SuspendService implements JavaDelegate {

  private final RegistryLifecycle lifecycle;
  private final CaseMessages messages;
  private final IdentityService identityService;

  public SuspendService(
      RegistryLifecycle lifecycle, CaseMessages messages, IdentityService identityService) {
    this.lifecycle = lifecycle;
    this.messages = messages;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = stopReason(execution);
    RegistryEntry entry =
        lifecycle.suspend(
            execution.getProcessBusinessKey(),
            signedInUser(),
            execution.getProcessInstanceId(),
            reason);
    messages.startTermination(entry.id(), terminationVariables(entry, reason));
  }

  /**
   * Who stopped the use: the signed-in user whose act (an event report, a STOP decision) got here
   * in the same request (issue #12: the registry records the real caller); null when no one is
   * signed in.
   */
  private String signedInUser() {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller == null ? null : caller.getUserId();
  }

  private static String stopReason(DelegateExecution execution) {
    Object reason = STOP_REASON.get(execution);
    return reason == null ? "利用の停止が決定されたため" : reason.toString();
  }

  /** The termination's start variables: its サービス管理担当者 files the 終了確認書. */
  private static Map<String, Object> terminationVariables(RegistryEntry entry, String reason) {
    Map<String, Object> variables = new HashMap<>();
    CaseVariables.REGISTRY_ENTRY_ID.put(variables, entry.id());
    CaseVariables.APPLICANT.put(variables, entry.serviceManager());
    CaseVariables.SERVICE_NAME.put(variables, entry.serviceName());
    CaseVariables.DEPARTMENT_CODE.put(variables, entry.departmentCode());
    CaseVariables.TERMINATION_REASON.put(variables, reason);
    return variables;
  }
}
