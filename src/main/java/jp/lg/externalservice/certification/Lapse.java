package jp.lg.externalservice.certification;

import java.time.Instant;
import java.time.LocalDate;

/** A lapse the watch found, once per registry entry, certification, number and reason. */
public record Lapse(
    long id,
    String registryEntryId,
    String serviceName,
    String departmentName,
    String caseId,
    Certification certification,
    String registrationNumber,
    LapseReason reason,
    LocalDate validUntil,
    Instant detectedAt,
    String handledBy) {}
