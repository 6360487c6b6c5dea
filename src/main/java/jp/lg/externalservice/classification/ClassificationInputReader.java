package jp.lg.externalservice.classification;

import java.util.HashSet;
import java.util.List;
import jp.lg.externalservice.system.InputReader;

/** Reads the classification answers with the field names and enum values of rulings.md §3. */
public final class ClassificationInputReader {

  public static final int MAX_NAME_LENGTH = 200;

  private ClassificationInputReader() {}

  /**
   * Reads the answers; every problem is recorded in {@code reader}. Returns null when any field is invalid.
   *
   * @param application true for an application, whose form requires the provider (提供会社名) and at least one
   *     type of information (取り扱う情報の種類); the pre-check requires neither
   */
  public static ClassificationInput read(InputReader reader, boolean application) {
    String serviceName = reader.requiredText("serviceName", MAX_NAME_LENGTH);
    String providerName = application
        ? reader.requiredText("providerName", MAX_NAME_LENGTH)
        : reader.optionalText("providerName", MAX_NAME_LENGTH);
    ServiceKind kind = reader.requiredEnum("serviceKind", ServiceKind.class);
    ServiceCategory category = reader.requiredEnum("serviceCategory", ServiceCategory.class);
    Boolean paid = reader.requiredBoolean("paid");
    List<InformationType> informationTypes =
        reader.enumList("informationTypes", InformationType.class, application);
    List<ConnectionZone> zones = reader.enumList("connectionZones", ConnectionZone.class, true);
    Exemption exemption = reader.requiredEnum("exemption", Exemption.class);
    boolean streamingWithConsent = reader.optionalBoolean("streamingWithConsent", false);
    boolean providedByDivision = reader.optionalBoolean("providedByInformationPolicyDivision", false);
    if (!reader.errors().isEmpty()) {
      return null;
    }
    return new ClassificationInput(serviceName, providerName, kind, category, paid, new HashSet<>(informationTypes),
        zones, exemption, streamingWithConsent, providedByDivision);
  }
}
