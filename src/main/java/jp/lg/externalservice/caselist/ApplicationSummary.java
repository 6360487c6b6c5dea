package jp.lg.externalservice.caselist;

import java.time.Instant;

/**
 * One row of 申請一覧 ({@code GET /api/applications}): what the case is, where it stands, who holds it
 * until when, and how it ended. Codes ({@code status}) come with their Japanese label; every value
 * the page shows is ready to show. {@code withdrawnBy} names who withdrew a withdrawn case (its
 * reason is {@code outcomeReason}); {@code canWithdraw} and {@code canCopy} say whether the caller
 * may withdraw it now or copy it into a new draft (issue 16; the endpoints decide again).
 */
public record ApplicationSummary(
    String caseNumber,
    String serviceName,
    CaseStatus status,
    String statusLabel,
    String currentStep,
    String holder,
    Instant dueDate,
    String outcome,
    String outcomeReason,
    String registryEntryId,
    String applicantName,
    String departmentName,
    String routeLabel,
    Instant filedAt,
    boolean mine,
    String withdrawnBy,
    boolean canWithdraw,
    boolean canCopy) {}
