package jp.lg.externalservice.caserecord;

import java.time.Instant;

/**
 * One act on a case: who (with the group in whose role they acted), at which step (the BPMN element id), with what
 * result, when (engine clock).
 */
public record CaseAct(String caseId, String processInstanceId, String step, Actor actor, String role,
    ActResult result, Instant actedAt) {}
