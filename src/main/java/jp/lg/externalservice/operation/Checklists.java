package jp.lg.externalservice.operation;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The operation checklists (ruling R-13: built from the sources; each item's text and citation is in its form under
 * {@code forms/}). Items are keyed {@code <prefix><n>} inside the form's {@code checklist} group.
 */
enum Checklists {
  /** 様式4: introduction and build, route IMPORTANT (004 §10; 003 第10 2(5); 004 §5, §8). */
  INTRODUCTION("i", 6),
  /** The government-cloud special rules ①–⑲ (004 §15, ruling R-9). */
  GOVERNMENT_CLOUD("g", 19),
  /** 様式5 (IMPORTANT) and 様式7 (PAID, FREE): operation and maintenance (004 §11, §13; 003 第10 2(6); 002 §6). */
  OPERATION("o", 10);

  private final String prefix;
  private final int count;

  Checklists(String prefix, int count) {
    this.prefix = prefix;
    this.count = count;
  }

  List<String> keys() {
    return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
  }
}
