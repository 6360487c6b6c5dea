package jp.lg.externalservice.classification;

import java.util.List;
import java.util.Set;

/**
 * The answers the classification needs: the request of {@code POST /api/precheck} and the subset of
 * the application form that branches the application process (rulings.md §3).
 */
public record ClassificationInput(
    String serviceName,
    String providerName,
    ServiceKind serviceKind,
    ServiceCategory serviceCategory,
    boolean paid,
    Set<InformationType> informationTypes,
    List<ConnectionZone> connectionZones,
    Exemption exemption,
    boolean streamingWithConsent,
    boolean providedByInformationPolicyDivision) {

  public ClassificationInput {
    informationTypes = Set.copyOf(informationTypes);
    connectionZones = List.copyOf(connectionZones);
  }

  /** Ruling R-11. */
  public boolean importantInformation() {
    return informationTypes.stream().anyMatch(InformationType::isImportant);
  }

  public boolean sensitivePersonalInformation() {
    return informationTypes.contains(InformationType.SENSITIVE_PERSONAL);
  }

  /**
   * "Paid" = the organisation pays or signs a contract, including the ward-wide services 情報政策課
   * contracts for all departments, whatever the applicant answered (ruling R-6).
   */
  public boolean effectivelyPaid() {
    return paid
        || providedByInformationPolicyDivision
        || exemption.isContractedByInformationPolicyDivision();
  }

  /**
   * The exception of 004 §3 bullet 1: streaming (e.g. YouTube) with the consent of the persons
   * concerned.
   */
  public boolean streamingConsentException() {
    return serviceCategory == ServiceCategory.STREAMING && streamingWithConsent;
  }
}
