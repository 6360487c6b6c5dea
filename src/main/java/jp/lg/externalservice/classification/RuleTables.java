package jp.lg.externalservice.classification;

/**
 * The rule tables administrators revise in Camunda Modeler: the exemption table and the
 * network-zone matrix. Implemented over the deployed DMN decisions.
 */
public interface RuleTables {

  ExemptionVerdict exemption(Exemption exemption, boolean importantInformation);

  ZoneVerdict zone(
      ServiceKind serviceKind, ConnectionZone zone, boolean sensitivePersonalInformation);
}
