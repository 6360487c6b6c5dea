package jp.lg.externalservice.succession;

import java.time.Instant;
import jp.lg.externalservice.registry.RegistryRole;

/**
 * A role of a registry entry whose holder left (issue 16, 人事異動): found once by the successor watch,
 * open until 情報政策課 names a successor or closes it as 不要.
 */
public record Vacancy(
    long id,
    String registryEntryId,
    String serviceName,
    String departmentCode,
    String departmentName,
    RegistryRole role,
    String departedUser,
    String departedName,
    Instant detectedAt,
    String watchInstanceId,
    Resolution resolution,
    String successor,
    String resolvedBy,
    Instant resolvedAt) {

  /** How the task ended. */
  public enum Resolution {
    SUCCESSOR_NAMED,
    NOT_NEEDED
  }

  public boolean open() {
    return resolution == null;
  }
}
