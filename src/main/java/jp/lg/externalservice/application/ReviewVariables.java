package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Variables.*;

import java.util.List;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.certification.CertificationReview;
import jp.lg.externalservice.classification.ClassificationInputReader;
import jp.lg.externalservice.system.ChangedVariablesOut;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The variables of {@code Activity_ReviewApplication} ({@code
 * camunda:variableMappingDelegateExpression="${reviewVariables}"}). The review gets the
 * application's variables as with {@code <camunda:in variables="all"/>}, but without those that
 * nothing in the review reads — no form of it, no listener, no delegate, no expression of its
 * diagram — nor null values: each copy was a runtime row, a history row and, for JSON, two byte
 * arrays (issue 17). What the application keeps stays in its history for the case list, the
 * printable record and the audit; the facts the review goes by are in the case record. What the
 * review changes goes back as with {@link ChangedVariablesOut}.
 */
@Component("reviewVariables")
public class ReviewVariables implements DelegateVariableMapping {

  /** What stays with the application. */
  static final List<String> NOT_CARRIED =
      List.of(
          // display copies of the case record: the review's diagram asks caseFacts
          CaseVariables.APPLICANT.name(),
          CaseVariables.DEPARTMENT_CODE.name(),
          CaseVariables.SERVICE_MANAGER.name(),
          CaseVariables.ROUTE.name(),
          OUTCOME.name(),
          IMPORTANT_INFORMATION.name(),
          IT_PLANNING_REQUIRED.name(),
          CONDITIONS.name(),
          ZONE_VERDICTS.name(),
          CHECKLISTS.name(),
          // the classification's inputs: the review shows their labels (…Label, …Labels); the
          // registry entry takes the kind and category (RegistryEntries)
          ClassificationInputReader.INFORMATION_TYPES,
          ClassificationInputReader.CONNECTION_ZONES,
          ClassificationInputReader.EXEMPTION,
          ClassificationInputReader.STREAMING_WITH_CONSENT,
          ClassificationInputReader.PROVIDED_BY_INFORMATION_POLICY_DIVISION,
          // the applicant's and the department's steps before the review: the review reads the rows
          // made of them (checkRows, selectionCriteriaRows), the double check's crosses and the
          // 別表 answers (ApprovalRules)
          MEASURES_SELF_CHECK.name(),
          PREPARATION_DECISION.name(),
          DOUBLE_CHECK_DECISION.name(),
          DOUBLE_CHECKED_BY.name(),
          // the reviewer's check against the certification lists is made anew (PrepareReview)
          CertificationReview.ROWS);

  private final ChangedVariablesOut out;

  public ReviewVariables(ChangedVariablesOut out) {
    this.out = out;
  }

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    VariableMap application = superExecution.getVariablesTyped(false);
    for (String name : application.keySet()) {
      TypedValue value = application.getValueTyped(name);
      if (!NOT_CARRIED.contains(name) && !isNull(value)) {
        subVariables.putValueTyped(name, value);
      }
    }
  }

  /** A variable set to null (the review shows nothing for it either way). */
  private static boolean isNull(TypedValue value) {
    return value.getType() == ValueType.NULL
        || (value instanceof PrimitiveValue<?> primitive && primitive.getValue() == null);
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    out.mapOutputVariables(superExecution, subInstance);
  }
}
