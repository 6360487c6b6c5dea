package jp.lg.externalservice.operation;

import jp.lg.externalservice.checklist.Checklist;
import org.springframework.stereotype.Component;

/**
 * {@code Task_GovernmentCloudChecklist}: the government-cloud special rules ①–⑲ (004 §15, ruling
 *
 */
@Component("governmentCloudChecklistCompletion")
public class GovernmentCloudChecklistCompletion extends ChecklistCompletion {

  public GovernmentCloudChecklistCompletion() {
    super(Checklist.GOVERNMENT_CLOUD);
  }
}
