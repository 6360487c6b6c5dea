package jp.lg.externalservice.operation;

import static jp.lg.externalservice.operation.OperationProcess.Variables.*;

import jp.lg.externalservice.checklist.Checklist;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Completion of an operation checklist of ○/×/／ items: every item answered; a × needs a note on
 * what is done.
 */
abstract class ChecklistCompletion extends TaskCompletion {

  private final Checklist checklist;

  ChecklistCompletion(Checklist checklist) {
    this.checklist = checklist;
  }

  @Override
  protected void check(DelegateExecution execution, InputReader reader) {
    boolean crossed = !checklist.readCrosses(reader, CHECKLIST).isEmpty();
    String note = reader.optionalText(CHECKLIST_NOTE, InputReader.MAX_TEXT);
    if (crossed && note == null && !reader.hasError(CHECKLIST_NOTE)) {
      reader.reject(
          CHECKLIST_NOTE, "× の項目への対応を記入してください", "say what is done about the items answered NO");
    }
  }
}
