package jp.lg.externalservice.certification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A registration on an imported ISMAP or ISMAP-LIU service list: as the latest list that had it
 * published it, {@code listed} while the latest list still has it, and since when it has been on
 * the imported lists without a gap.
 */
public record ListedService(
    Certification list,
    String registrationNumber,
    String serviceName,
    String providerName,
    LocalDate registeredOn,
    LocalDate validUntil,
    boolean listed,
    Instant firstListedAt) {}
