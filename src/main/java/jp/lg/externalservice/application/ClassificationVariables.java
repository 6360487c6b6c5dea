package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Var.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.lg.externalservice.classification.Classification;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/** Writes a classification into process variables: plain values for gateways, JSON for lists. */
final class ClassificationVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ClassificationVariables() {}

  static void write(VariableScope scope, Classification classification) {
    scope.setVariable(OUTCOME, classification.outcome().name());
    scope.setVariable(OUTCOME_LABEL, classification.outcome().label());
    scope.setVariable(ROUTE, classification.route() == null ? null : classification.route().name());
    scope.setVariable(ROUTE_LABEL, classification.route() == null ? null : classification.route().label());
    scope.setVariable(IMPORTANT_INFORMATION, classification.importantInformation());
    scope.setVariable(APPLICATION_FORM, classification.applicationForm());
    scope.setVariable(IT_PLANNING_REQUIRED, classification.itPlanningRequired());
    scope.setVariable(CONDITIONS, json(classification.conditions()));
    scope.setVariable(ZONE_VERDICTS, json(classification.zoneVerdicts()));
    scope.setVariable(CHECKLISTS, json(classification.checklists()));
    scope.setVariable(REASONS, json(classification.reasons()));
    scope.setVariable(CLASSIFICATION_SUMMARY, classification.summary());
  }

  private static Object json(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
