package jp.lg.externalservice.application;

import jp.lg.externalservice.caserecord.CaseVariables;
import static jp.lg.externalservice.application.ApplicationProcess.Var.*;

import static jp.lg.externalservice.system.JsonVariables.json;

import java.util.Collection;
import java.util.stream.Collectors;
import jp.lg.externalservice.classification.Classification;
import jp.lg.externalservice.classification.ClassificationInput;
import jp.lg.externalservice.classification.Labelled;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Writes a classification into process variables: plain values for gateways, JSON for lists, and the Japanese
 * labels of the answers for the forms people read.
 */
final class ClassificationVariables {

  private ClassificationVariables() {}

  static void write(VariableScope scope, ClassificationInput input, Classification classification) {
    scope.setVariable(SERVICE_KIND_LABEL, input.serviceKind().label());
    scope.setVariable(SERVICE_CATEGORY_LABEL, input.serviceCategory().label());
    scope.setVariable(INFORMATION_TYPE_LABELS, labels(input.informationTypes().stream()
        .sorted().toList()));
    scope.setVariable(CONNECTION_ZONE_LABELS, labels(input.connectionZones()));
    scope.setVariable(EXEMPTION_LABEL, input.exemption().label());
    scope.setVariable(OUTCOME, classification.outcome().name());
    scope.setVariable(OUTCOME_LABEL, classification.outcome().label());
    CaseVariables.ROUTE.set(scope, classification.route() == null ? null : classification.route().name());
    scope.setVariable(ROUTE_LABEL, classification.route() == null ? null : classification.route().label());
    scope.setVariable(IMPORTANT_INFORMATION, classification.importantInformation());
    scope.setVariable(APPLICATION_FORM, classification.applicationForm());
    scope.setVariable(IT_PLANNING_REQUIRED, classification.itPlanningRequired());
    scope.setVariable(CONDITIONS, json(classification.conditions()));
    scope.setVariable(ZONE_VERDICTS, json(classification.zoneVerdicts()));
    scope.setVariable(CHECKLISTS, json(classification.checklists()));
    CaseVariables.REASONS.set(scope, json(classification.reasons()));
    CaseVariables.CLASSIFICATION_SUMMARY.set(scope, classification.summary());
  }

  private static String labels(Collection<? extends Labelled> values) {
    return values.stream().map(Labelled::label).collect(Collectors.joining("、"));
  }
}
