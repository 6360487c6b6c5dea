package jp.lg.externalservice.system;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input, naming every offending field. Extends the engine's form-validation exception so that
 * the engine REST API answers 400 for task and start-form submissions; {@code
 * RestValidationErrorMapper} makes every other path answer 400 too.
 */
public class InputValidationException extends FormFieldValidationException {

  /**
   * The most errors an answer names; the rest are counted in one more entry (issue #12, "Size").
   */
  public static final int MAX_REPORTED_ERRORS = 50;

  /** The field name of the entry that counts the errors not named. */
  public static final String OMITTED_FIELD = "(more)";

  private final List<FieldError> errors;

  public InputValidationException(List<FieldError> errors) {
    super(errors.isEmpty() ? null : errors.get(0).field(), describe(capped(errors)));
    this.errors = capped(errors);
  }

  /**
   * The first {@link #MAX_REPORTED_ERRORS} errors and, when there are more, one entry that counts
   * the rest.
   */
  public static List<FieldError> capped(List<FieldError> errors) {
    if (errors.size() <= MAX_REPORTED_ERRORS + 1) {
      return List.copyOf(errors);
    }
    List<FieldError> reported = new ArrayList<>(errors.subList(0, MAX_REPORTED_ERRORS));
    reported.add(omitted(errors.size() - MAX_REPORTED_ERRORS));
    return List.copyOf(reported);
  }

  static FieldError omitted(int count) {
    return new FieldError(
        OMITTED_FIELD, "ほかに " + count + " 件の誤りがあります", count + " more errors not shown");
  }

  public List<FieldError> getErrors() {
    return errors;
  }

  private static String describe(List<FieldError> errors) {
    return "入力内容に誤りがあります（Invalid input）: "
        + errors.stream()
            .map(e -> e.field() + ": " + e.message() + "（" + e.messageEn() + "）")
            .collect(Collectors.joining(" / "));
  }
}
