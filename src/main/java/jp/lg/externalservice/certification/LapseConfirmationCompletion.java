package jp.lg.externalservice.certification;

import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ConfirmCertificationLapse}: 情報政策課 records what it did about the lapse (asked the
 * provider, told the department, started a review of continued use…); the note and who wrote it go
 * to the lapse's record.
 */
@Component("lapseConfirmationCompletion")
public class LapseConfirmationCompletion extends TaskCompletion {

  public static final String HANDLING = "lapseHandling";

  private final CertificationWatch watch;
  private final IdentityService identityService;

  public LapseConfirmationCompletion(CertificationWatch watch, IdentityService identityService) {
    this.watch = watch;
    this.identityService = identityService;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    String note = reader.requiredText(HANDLING, InputReader.MAX_TEXT);
    if (note == null) {
      return;
    }
    var caller = identityService.getCurrentAuthentication();
    long id = Long.parseLong((String) execution.getVariable(CertificationWatch.LAPSE_ID));
    watch.handled(id, caller == null ? "(system)" : caller.getUserId(), note);
    // the next lapse's task starts empty
    execution.removeVariable(HANDLING);
  }
}
