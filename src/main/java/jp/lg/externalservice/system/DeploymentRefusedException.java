package jp.lg.externalservice.system;

import java.util.List;

/**
 * A revision of the diagrams, rule tables or forms that was refused as a whole: each error names
 * the file and the problem. Nothing of the revision was stored; the versions deployed before stay
 * active.
 */
public class DeploymentRefusedException extends InputValidationException {

  public DeploymentRefusedException(List<FieldError> errors) {
    super(errors);
  }
}
