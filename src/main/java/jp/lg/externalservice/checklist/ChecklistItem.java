package jp.lg.externalservice.checklist;

/**
 * An item of a ○/×/／ checklist: its key inside the form's group, the question as the form shows it,
 * and the source it is taken from (ruling R-13: every item cites its source).
 */
public interface ChecklistItem {

  String key();

  String text();

  /** The citation, resolvable in docs/rules.md (e.g. {@code 002 §5(2)}). */
  String source();
}
