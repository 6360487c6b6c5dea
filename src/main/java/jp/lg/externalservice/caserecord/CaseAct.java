package jp.lg.externalservice.caserecord;

import java.time.Instant;

/**
 * One act on a case: who (with the group in whose role they acted), at which step (the BPMN element
 * id), with what result, when (engine clock). {@code deputyFor}: the member of the role for whom
 * the actor acted as deputy (代理, issue 16), null when she acted in her own right.
 */
public record CaseAct(
    String caseId,
    String processInstanceId,
    String step,
    Actor actor,
    String role,
    ActResult result,
    Instant actedAt,
    Actor deputyFor) {

  /** An act in the actor's own right. */
  public CaseAct(
      String caseId,
      String processInstanceId,
      String step,
      Actor actor,
      String role,
      ActResult result,
      Instant actedAt) {
    this(caseId, processInstanceId, step, actor, role, result, actedAt, null);
  }

  /** 「伊藤 美咲」, or 「伊藤 美咲（高橋 健 の代理）」 for an act as deputy. */
  public String actorShown() {
    return deputyFor == null ? actor.name() : actor.name() + "（" + deputyFor.name() + " の代理）";
  }

  /**
   * The role of acts on the applicant's own tasks (the group roles are the tasks' candidate
   * groups).
   */
  public static final String APPLICANT = "applicant";

  /** The role of the サービス管理担当者's tasks after approval. */
  public static final String SERVICE_MANAGER = "service-manager";
}
