package jp.lg.externalservice.classification;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import jp.lg.externalservice.system.Privileged;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The rule tables, evaluated from the latest deployed version of the DMN decisions in {@code
 * processes/}.
 *
 * <p>{@link #recorded()} evaluates through the engine's decision service, so every evaluation of an
 * application appears in Cockpit's decision history. {@link #unrecorded()} evaluates the very same
 * deployed decision with a standalone DMN engine and writes nothing: the pre-check starts and
 * stores nothing.
 *
 * <p>A rule table is a pure function of its inputs, which are few enums and flags; an unrecorded
 * evaluation is therefore remembered per deployed decision version (its definition id) and inputs.
 * A new version has a new id, so it is evaluated afresh; the latest versions are still looked up
 * once per classification, in one query (issue 8: the FEEL engine re-creates its built-in functions
 * on every evaluation, which made the pre-check cost milliseconds per rule). Recorded evaluations
 * always go through the engine, so each of them stays in the decision history.
 */
@Component
public class DmnRuleTables {

  public static final String EXEMPTION_DECISION = "external-service-exemption";
  public static final String ZONE_MATRIX_DECISION = "network-zone-matrix";

  private final ProcessEngine processEngine;
  private final Privileged privileged;
  private final DmnEngine standaloneDmnEngine =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsedByDefinitionId = new ConcurrentHashMap<>();

  /**
   * Results of unrecorded evaluations by definition id and inputs: bounded by the rule tables'
   * input domains.
   */
  private final Map<String, Map<String, Object>> unrecordedResults = new ConcurrentHashMap<>();

  public DmnRuleTables(ProcessEngine processEngine, Privileged privileged) {
    this.processEngine = processEngine;
    this.privileged = privileged;
  }

  /** Evaluations are stored in the decision history (used by the application process). */
  public RuleTables recorded() {
    return new Tables(true);
  }

  /** Evaluations store nothing (used by the pre-check). */
  public RuleTables unrecorded() {
    return new Tables(false);
  }

  /**
   * Evaluations store nothing and use the versions of the rule tables that were the latest when
   * this application was classified (in the transaction that started it). A rule table revised
   * since then does not change what the instance was told: checks that classify again compare like
   * with like.
   */
  public RuleTables unrecordedAsClassified(String processInstanceId) {
    Map<String, String> definitionIds =
        privileged.call(
            () -> {
              java.util.Date classifiedAt =
                  processEngine
                      .getHistoryService()
                      .createHistoricProcessInstanceQuery()
                      .processInstanceId(processInstanceId)
                      .singleResult()
                      .getStartTime();
              Map<String, String> ids = new java.util.HashMap<>();
              for (String key : new String[] {EXEMPTION_DECISION, ZONE_MATRIX_DECISION}) {
                for (DecisionDefinition definition :
                    processEngine
                        .getRepositoryService()
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey(key)
                        .orderByDecisionDefinitionVersion()
                        .desc()
                        .list()) {
                  java.util.Date deployed =
                      processEngine
                          .getRepositoryService()
                          .createDeploymentQuery()
                          .deploymentId(definition.getDeploymentId())
                          .singleResult()
                          .getDeploymentTime();
                  if (!deployed.after(classifiedAt)) {
                    ids.put(key, definition.getId());
                    break;
                  }
                }
              }
              return ids;
            });
    return new Tables(false, definitionIds);
  }

  private final class Tables implements RuleTables {
    private final boolean recorded;

    /** The latest version of each decision, looked up once for this classification. */
    private final Map<String, Latest> latest = new HashMap<>();

    /**
     * Pinned versions by decision key (a check that classifies again as at the time of the
     * application).
     */
    private final Map<String, String> definitionIds;

    private Tables(boolean recorded) {
      this(recorded, Map.of());
    }

    private Tables(boolean recorded, Map<String, String> definitionIds) {
      this.recorded = recorded;
      this.definitionIds = definitionIds;
    }

    @Override
    public ExemptionVerdict exemption(Exemption exemption, boolean importantInformation) {
      Map<String, Object> row =
          evaluate(
              EXEMPTION_DECISION,
              Map.of("exemption", exemption.name(), "importantInformation", importantInformation));
      return new ExemptionVerdict(
          ExemptionVerdict.Verdict.valueOf((String) row.get("verdict")), (String) row.get("rule"));
    }

    @Override
    public ZoneVerdict zone(
        ServiceKind serviceKind, ConnectionZone zone, boolean sensitivePersonalInformation) {
      Map<String, Object> row =
          evaluate(
              ZONE_MATRIX_DECISION,
              Map.of(
                  "serviceKind",
                  serviceKind.name(),
                  "connectionZone",
                  zone.name(),
                  "sensitivePersonalInformation",
                  sensitivePersonalInformation));
      return ZoneVerdict.valueOf((String) row.get("verdict"));
    }

    private Map<String, Object> evaluate(String key, Map<String, Object> variables) {
      // The rules apply to everyone: who may classify is decided by who may start an application or
      // call
      // the pre-check, not by authorizations on the decision definitions.
      Map<String, Object> row =
          recorded
              ? privileged.call(
                  () ->
                      processEngine
                          .getDecisionService()
                          .evaluateDecisionTableByKey(key)
                          .variables(variables)
                          .evaluate()
                          .getSingleResult())
              : evaluateUnrecorded(key, variables);
      if (row == null) {
        throw new IllegalStateException(
            "ルール表 "
                + key
                + " に該当する行がありません（rule table "
                + key
                + " has no row for "
                + variables
                + "）");
      }
      return row;
    }

    private Map<String, Object> evaluateUnrecorded(String key, Map<String, Object> variables) {
      String pinned = definitionIds.get(key);
      if (pinned == null && latest.isEmpty()) {
        latest.putAll(privileged.call(DmnRuleTables.this::latestDecisions));
      }
      Latest decision =
          pinned != null
              ? new Latest(
                  pinned,
                  privileged.call(
                      () ->
                          parsedByDefinitionId.computeIfAbsent(
                              pinned,
                              id ->
                                  standaloneDmnEngine.parseDecision(
                                      key,
                                      processEngine.getRepositoryService().getDecisionModel(id)))))
              : latest.get(key);
      if (decision == null) {
        throw new IllegalStateException("ルール表 " + key + " がデプロイされていません（decision not deployed）");
      }
      String memo = decision.definitionId() + new TreeMap<>(variables);
      Map<String, Object> known = unrecordedResults.get(memo);
      if (known != null) {
        return known;
      }
      Map<String, Object> result =
          standaloneDmnEngine
              .evaluateDecisionTable(decision.decision(), variables)
              .getSingleResult();
      if (result != null) {
        result = Collections.unmodifiableMap(new LinkedHashMap<>(result));
        unrecordedResults.put(memo, result);
      }
      return result;
    }
  }

  private record Latest(String definitionId, DmnDecision decision) {}

  /** The latest version of every decision, in one query. */
  private Map<String, Latest> latestDecisions() {
    Map<String, Latest> latest = new HashMap<>();
    for (DecisionDefinition definition :
        processEngine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .latestVersion()
            .list()) {
      latest.put(
          definition.getKey(),
          new Latest(
              definition.getId(),
              parsedByDefinitionId.computeIfAbsent(
                  definition.getId(),
                  id ->
                      standaloneDmnEngine.parseDecision(
                          definition.getKey(),
                          processEngine.getRepositoryService().getDecisionModel(id)))));
    }
    return latest;
  }
}
