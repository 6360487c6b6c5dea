package jp.lg.externalservice.caserecord;

import java.time.Instant;
import jp.lg.externalservice.security.Department;

/**
 * The authoritative facts of one case: who applied from which department (from the directory at
 * submission), the validated answers with consequences (service manager, the entry a renewal
 * replaces), the registry entry once approved (or, for a termination, the entry it ends) and the
 * classification (null before it is classified). Written only by server code ({@link CaseRecords}).
 * {@code caseNumber} is the 受付番号 staff quote ({@link CaseNumbers}); {@code serviceName} the name of
 * the service as last validated (the start form, then the filed application).
 */
public record CaseRecord(
    String caseId,
    String caseNumber,
    String serviceName,
    Actor applicant,
    Department department,
    String serviceManager,
    String renewsEntryId,
    String registryEntryId,
    Instant createdAt,
    CaseClassification classification) {

  /** The classification; a case read before it was classified is a programming error. */
  public CaseClassification classified() {
    if (classification == null) {
      throw new IllegalStateException("case " + caseId + " has not been classified yet");
    }
    return classification;
  }
}
