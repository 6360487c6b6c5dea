package jp.lg.externalservice.operation;

import jp.lg.externalservice.checklist.Checklist;
import org.springframework.stereotype.Component;

/**
 * {@code Task_InitialOperationChecklist} and {@code Task_YearlyChecklist}: 様式5 / 様式7 (004 §11, §13;
 * 002 §6).
 */
@Component("operationChecklistCompletion")
public class OperationChecklistCompletion extends ChecklistCompletion {

  public OperationChecklistCompletion() {
    super(Checklist.OPERATION);
  }
}
