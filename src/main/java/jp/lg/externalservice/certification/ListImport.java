package jp.lg.externalservice.certification;

import java.time.Instant;

/** One import of a published service list; the latest of a kind is the current list. */
public record ListImport(
    long id, Certification list, Instant importedAt, String importedBy, int rowCount) {}
