package jp.lg.externalservice.system;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input, naming every offending field. Extends the engine's form-validation exception so that the engine
 * REST API answers 400 for task and start-form submissions; {@code RestValidationErrorMapper} makes every other
 * path answer 400 too.
 */
public class InputValidationException extends FormFieldValidationException {

  private final List<FieldError> errors;

  public InputValidationException(List<FieldError> errors) {
    super(errors.isEmpty() ? null : errors.get(0).field(), describe(errors));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> getErrors() {
    return errors;
  }

  private static String describe(List<FieldError> errors) {
    return "入力内容に誤りがあります（Invalid input）: " + errors.stream()
        .map(e -> e.field() + ": " + e.message() + "（" + e.messageEn() + "）")
        .collect(Collectors.joining(" / "));
  }
}
