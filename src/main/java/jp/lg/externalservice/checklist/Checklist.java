package jp.lg.externalservice.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.Var;

/**
 * One checklist of ○/×/／ items (ruling R-14): the item keys inside a form's group, and which items
 * are answered ×. Every checklist of the flows is one of these: the eight measures (002 §5(2)), the
 * 別表 criteria (004 §7(1)), the operation checklists (様式4/5/7, 004 §15 ①–⑲) and the termination
 * checklists (002 §7(2), 様式6). Each item's text and source are in its enum ({@link
 * SecurityMeasure}, {@link SelectionCriterion}, {@link TerminationItem}) or, for the checklists
 * built from the sources by ruling R-13, its text in the form under {@code forms/} and its source
 * below (the forms show staff no citations, issue 14).
 *
 * @param keys the items' keys inside the form's group, in order
 */
public record Checklist(List<String> keys) {

  /**
   * 様式4: introduction and build, route IMPORTANT (004 §10; 003 第10 2(5); 004 §5, §8). Sources of
   * the items: i1–i4 003 第10 2(5)①ア–エ; i5 004 §8(2), §8(3); i6 004 §5.
   */
  public static final Checklist INTRODUCTION = numbered("i", 6);

  /** The government-cloud special rules ①–⑲ (004 §15, ruling R-9). */
  public static final Checklist GOVERNMENT_CLOUD = numbered("g", 19);

  /**
   * 様式5 (IMPORTANT) and 様式7 (PAID, FREE): operation and maintenance (004 §11, §13; 003 第10 2(6);
   * 002 §6). Sources of the items: o1–o7 003 第10 2(6)①ア–キ (o2 also 002 §6(4)); o8 003 第10 2(6)②; o9
   * 002 §6(3); o10 002 §6(1), 003 第10 2(2)②サ.
   */
  public static final Checklist OPERATION = numbered("o", 10);

  /** The eight measures the applicant self-checks and the 利用責任者 double-checks (002 §5(2)①–⑧). */
  public static final Checklist MEASURES = of(SecurityMeasure.values());

  /** The four items of the 終了確認書 (002 §7(2)). */
  public static final Checklist TERMINATION = of(TerminationItem.values());

  /** The 別表 selection criteria (004 §7(1), ruling R-12). */
  public static final Checklist SELECTION_CRITERIA = of(SelectionCriterion.values());

  /** 様式6 for route IMPORTANT (001 8.2【解説】(6)①–③, 003 第10 2(7), ruling R-13). */
  public static final Checklist DISPOSAL = numbered("d", 6);

  public Checklist {
    keys = List.copyOf(keys);
  }

  /** The checklist of these items, in order. */
  public static Checklist of(ChecklistItem... items) {
    return new Checklist(Arrays.stream(items).map(ChecklistItem::key).toList());
  }

  /** Items keyed {@code <prefix>1} … {@code <prefix><count>}. */
  public static Checklist numbered(String prefix, int count) {
    return new Checklist(IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList());
  }

  /**
   * The keys answered × in stored answers (a JSON object by key); none when there are no answers.
   */
  public List<String> crosses(JsonNode answers) {
    List<String> crosses = new ArrayList<>();
    if (answers != null) {
      for (String key : keys) {
        if (CheckAnswer.NO.name().equals(answers.path(key).asText())) {
          crosses.add(key);
        }
      }
    }
    return crosses;
  }

  /**
   * Reads the answers in {@code group} of a submission, every item required, and returns the keys
   * answered ×. Problems are recorded in {@code reader}.
   */
  public List<String> readCrosses(InputReader reader, Var<?> group) {
    return readCrosses(reader, group.name());
  }

  /** The same by the group's name. */
  public List<String> readCrosses(InputReader reader, String group) {
    List<String> crosses = new ArrayList<>();
    InputReader answers = reader.object(group);
    if (answers != null) {
      for (String key : keys) {
        if (answers.requiredEnum(key, CheckAnswer.class) == CheckAnswer.NO) {
          crosses.add(key);
        }
      }
    }
    return crosses;
  }
}
