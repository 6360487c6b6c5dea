package jp.lg.externalservice.classification;

import java.util.HashSet;
import java.util.List;
import jp.lg.externalservice.system.InputReader;

/** Reads the classification answers with the field names and enum values of rulings.md §3. */
public final class ClassificationInputReader {

  public static final int MAX_NAME_LENGTH = 200;

  // The answers' field names, shared by the pre-check API and the application form (rulings.md §3).
  public static final String SERVICE_NAME = "serviceName";
  public static final String PROVIDER_NAME = "providerName";
  public static final String SERVICE_KIND = "serviceKind";
  public static final String SERVICE_CATEGORY = "serviceCategory";
  public static final String PAID = "paid";
  public static final String INFORMATION_TYPES = "informationTypes";
  public static final String CONNECTION_ZONES = "connectionZones";
  public static final String EXEMPTION = "exemption";
  public static final String STREAMING_WITH_CONSENT = "streamingWithConsent";
  public static final String PROVIDED_BY_INFORMATION_POLICY_DIVISION =
      "providedByInformationPolicyDivision";

  private ClassificationInputReader() {}

  /**
   * Reads the answers; every problem is recorded in {@code reader}. Returns null when any field is
   * invalid.
   *
   * @param application true for an application, whose form requires the provider (提供会社名) and at
   *     least one type of information (取り扱う情報の種類); the pre-check requires neither
   */
  public static ClassificationInput read(InputReader reader, boolean application) {
    String serviceName = reader.requiredText(SERVICE_NAME, MAX_NAME_LENGTH);
    String providerName =
        application
            ? reader.requiredText(PROVIDER_NAME, MAX_NAME_LENGTH)
            : reader.optionalText(PROVIDER_NAME, MAX_NAME_LENGTH);
    ServiceKind kind = reader.requiredEnum(SERVICE_KIND, ServiceKind.class);
    ServiceCategory category = reader.requiredEnum(SERVICE_CATEGORY, ServiceCategory.class);
    Boolean paid = reader.requiredBoolean("paid");
    List<InformationType> informationTypes =
        reader.enumList(INFORMATION_TYPES, InformationType.class, application);
    List<ConnectionZone> zones = reader.enumList(CONNECTION_ZONES, ConnectionZone.class, true);
    Exemption exemption = reader.requiredEnum(EXEMPTION, Exemption.class);
    boolean streamingWithConsent = reader.optionalBoolean(STREAMING_WITH_CONSENT, false);
    boolean providedByDivision =
        reader.optionalBoolean(PROVIDED_BY_INFORMATION_POLICY_DIVISION, false);
    if (!reader.errors().isEmpty()) {
      return null;
    }
    return new ClassificationInput(
        serviceName,
        providerName,
        kind,
        category,
        paid,
        new HashSet<>(informationTypes),
        zones,
        exemption,
        streamingWithConsent,
        providedByDivision);
  }
}
