package jp.lg.externalservice.termination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import jp.lg.externalservice.checklist.CheckAnswer;
import jp.lg.externalservice.system.InputReader;

/** Reads ○/×/／ answers of the termination checklists and lists the items answered ×. */
final class TerminationAnswers {

  private TerminationAnswers() {}

  /** Items answered × (every item must be answered; problems are recorded in {@code reader}). */
  static List<String> crosses(InputReader reader, String group, List<String> keys) {
    List<String> crosses = new ArrayList<>();
    InputReader answers = reader.object(group);
    if (answers == null) {
      return crosses;
    }
    for (String key : keys) {
      if (answers.requiredEnum(key, CheckAnswer.class) == CheckAnswer.NO) {
        crosses.add(key);
      }
    }
    return crosses;
  }

  static List<String> terminationKeys() {
    return Arrays.stream(TerminationProcess.TerminationItem.values()).map(TerminationProcess.TerminationItem::key).toList();
  }

  static List<String> disposalKeys() {
    return IntStream.rangeClosed(1, TerminationProcess.DISPOSAL_ITEMS).mapToObj(i -> "d" + i).toList();
  }
}
