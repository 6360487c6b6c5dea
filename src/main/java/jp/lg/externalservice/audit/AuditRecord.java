package jp.lg.externalservice.audit;

import java.util.List;

/**
 * The audit record of one case ({@code GET /api/applications/{caseNumber}/audit}): which case, and
 * every step of it in time order (see {@link AuditTrail}).
 */
public record AuditRecord(
    String caseNumber,
    String serviceName,
    String applicantName,
    String departmentName,
    List<AuditStep> steps) {}
