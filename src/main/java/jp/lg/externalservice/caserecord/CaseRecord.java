package jp.lg.externalservice.caserecord;

import java.time.Instant;
import jp.lg.externalservice.security.Department;

/**
 * The authoritative facts of one case: who applied from which department (from the directory at
 * submission), the validated answers with consequences (service manager, the entry a renewal
 * replaces), the registry entry once approved (or, for a termination, the entry it ends) and the
 * classification (null before it is classified). Written only by server code ({@link CaseRecords}).
 */
public record CaseRecord(
    String caseId,
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
