package jp.lg.externalservice.operation;

import jp.lg.externalservice.checklist.Checklist;
import org.springframework.stereotype.Component;

/**
 * {@code Task_IntroductionChecklist}: 様式4 at the introduction of an IMPORTANT service (004 §10).
 */
@Component("introductionChecklistCompletion")
public class IntroductionChecklistCompletion extends ChecklistCompletion {

  public IntroductionChecklistCompletion() {
    super(Checklist.INTRODUCTION);
  }
}
