package jp.lg.externalservice.caserecord;

import java.time.Instant;

/**
 * One act on a case: who (with the group in whose role they acted), at which step (the BPMN element
 * id), with what result, when (engine clock).
 */
public record CaseAct(
    String caseId,
    String processInstanceId,
    String step,
    Actor actor,
    String role,
    ActResult result,
    Instant actedAt) {

  /**
   * The role of acts on the applicant's own tasks (the group roles are the tasks' candidate
   * groups).
   */
  public static final String APPLICANT = "applicant";

  /** The role of the サービス管理担当者's tasks after approval. */
  public static final String SERVICE_MANAGER = "service-manager";
}
