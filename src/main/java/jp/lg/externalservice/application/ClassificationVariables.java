package jp.lg.externalservice.application;

import static jp.lg.externalservice.application.ApplicationProcess.Variables.*;
import static jp.lg.externalservice.system.JsonVariables.json;

import java.util.Collection;
import java.util.stream.Collectors;
import jp.lg.externalservice.caserecord.CaseVariables;
import jp.lg.externalservice.classification.Classification;
import jp.lg.externalservice.classification.ClassificationInput;
import jp.lg.externalservice.classification.Labelled;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Writes a classification into process variables: plain values for gateways, JSON for lists, and
 * the Japanese labels of the answers for the forms people read.
 */
final class ClassificationVariables {

  private ClassificationVariables() {}

  static void write(VariableScope scope, ClassificationInput input, Classification classification) {
    SERVICE_KIND_LABEL.set(scope, input.serviceKind().label());
    SERVICE_CATEGORY_LABEL.set(scope, input.serviceCategory().label());
    INFORMATION_TYPE_LABELS.set(scope, labels(input.informationTypes().stream().sorted().toList()));
    CONNECTION_ZONE_LABELS.set(scope, labels(input.connectionZones()));
    EXEMPTION_LABEL.set(scope, input.exemption().label());
    OUTCOME.set(scope, classification.outcome().name());
    OUTCOME_LABEL.set(scope, classification.outcome().label());
    CaseVariables.ROUTE.set(
        scope, classification.route() == null ? null : classification.route().name());
    ROUTE_LABEL.set(scope, classification.route() == null ? null : classification.route().label());
    IMPORTANT_INFORMATION.set(scope, classification.importantInformation());
    APPLICATION_FORM.set(scope, classification.applicationForm());
    IT_PLANNING_REQUIRED.set(scope, classification.itPlanningRequired());
    CONDITIONS.set(scope, json(classification.conditions()));
    ZONE_VERDICTS.set(scope, json(classification.zoneVerdicts()));
    CHECKLISTS.set(scope, json(classification.checklists()));
    CaseVariables.REASONS.set(scope, json(classification.reasons()));
    CaseVariables.CLASSIFICATION_SUMMARY.set(scope, classification.summary());
  }

  private static String labels(Collection<? extends Labelled> values) {
    return values.stream().map(Labelled::label).collect(Collectors.joining("、"));
  }
}
