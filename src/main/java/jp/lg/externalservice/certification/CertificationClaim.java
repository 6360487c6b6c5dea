package jp.lg.externalservice.certification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certification the applicant claimed for the service in a filed application, with its number,
 * its validity and the attachment that is its evidence (001 8.2【解説】(2)⑤).
 */
public record CertificationClaim(
    String caseId,
    Certification certification,
    String registrationNumber,
    LocalDate validUntil,
    String evidenceAttachmentId,
    String evidenceName,
    Instant claimedAt) {}
