package jp.lg.externalservice.review;

import static jp.lg.externalservice.application.ApplicationProcess.Variables.*;
import static jp.lg.externalservice.review.ReviewProcess.Variables.*;

import java.util.ArrayList;
import java.util.List;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.ClassificationInputReader;
import jp.lg.externalservice.system.ChangedVariablesOut;
import jp.lg.externalservice.system.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The variables of {@code Activity_ReviewApplication} ({@code
 * camunda:variableMappingDelegateExpression="${reviewVariables}"}): the review gets the application
 * variables that its forms, its listeners and its delegates read — not every variable of the
 * application, as {@code <camunda:in variables="all"/>} did: each copy was a runtime row, a history
 * row and, for JSON, two byte arrays (issue 17). A variable the application does not have is not
 * created. What the review changes goes back as with {@link ChangedVariablesOut}.
 */
@Component("reviewVariables")
public class ReviewVariables implements DelegateVariableMapping {

  /** What the review reads of the application, in the order of the review's summary. */
  static final List<String> CARRIED = carried();

  private final ChangedVariablesOut out;

  public ReviewVariables(ChangedVariablesOut out) {
    this.out = out;
  }

  private static List<String> carried() {
    List<String> names = new ArrayList<>();
    // who and what (the summary of the review, it-planning and decision forms; the task list
    // columns, notifications and deputy mails read the case number, service, department, route)
    for (Var<?> variable :
        List.of(
            CaseVariables.CASE_NUMBER,
            CaseVariables.APPLICANT_NAME,
            CaseVariables.DEPARTMENT_NAME,
            CaseVariables.SERVICE_NAME,
            CaseVariables.PROVIDER_NAME,
            CaseVariables.SERVICE_MANAGER_NAME,
            CaseVariables.PERIOD_START,
            CaseVariables.PERIOD_END,
            SERVICE_DESCRIPTION,
            SERVICE_KIND_LABEL,
            SERVICE_CATEGORY_LABEL,
            PURPOSE,
            BUSINESS_SCOPE,
            USERS,
            USER_COUNT,
            INFORMATION_TYPE_LABELS,
            CONNECTION_ZONE_LABELS,
            EXEMPTION_LABEL,
            // the classification as the forms show it, with its reasons and citations
            OUTCOME_LABEL,
            ROUTE_LABEL,
            APPLICATION_FORM,
            CaseVariables.REASONS,
            CHECK_ROWS,
            SELECTION_CRITERIA_ROWS,
            DOUBLE_CHECK_COMMENT,
            CaseVariables.DOUBLE_CHECK,
            CaseVariables.SELECTION_CRITERIA,
            // what the registry entry is made of at approval (RegistryEntries)
            CaseVariables.CLASSIFICATION_SUMMARY,
            CaseVariables.RENEWS_REGISTRY_ENTRY_ID,
            // the review's own answers of an earlier round, as the application keeps them after a
            // return (the forms show them again; PrepareReview clears those that must be given
            // anew)
            SPECIFIC_COMMUNICATION_CONFIRMED,
            SPECIFIC_COMMUNICATION_NOTE,
            PRIOR_CONSULTATION_RESULT,
            PRIOR_CONSULTATION_DATE,
            REVIEW_COMMENT,
            CAREFUL_JUDGMENT,
            DISCOURAGED_JUSTIFICATION,
            NISC_ADVICE,
            IT_PLANNING_COMMENT,
            CaseVariables.DECISION_REASON)) {
      names.add(variable.name());
    }
    names.add(ClassificationInputReader.SERVICE_KIND);
    names.add(ClassificationInputReader.SERVICE_CATEGORY);
    names.add(ClassificationInputReader.PAID);
    return List.copyOf(names);
  }

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    for (String name : CARRIED) {
      TypedValue value = superExecution.getVariableTyped(name, false);
      if (value != null) {
        subVariables.putValueTyped(name, value);
      }
    }
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    out.mapOutputVariables(superExecution, subInstance);
  }
}
