package jp.lg.externalservice.administration;

import java.util.List;

/**
 * The answer of {@code POST /api/admin/migrations}: the plan (equal activity ids mapped), the
 * source activities the new version lacks, and every selected instance with where it waits and, if
 * it cannot be migrated, why.
 */
public record MigrationReport(
    String processDefinitionKey,
    Version source,
    Version target,
    boolean dryRun,
    List<Instruction> instructions,
    List<String> unmappedActivityIds,
    List<Instance> instances,
    int migrated) {

  public record Version(String id, int version) {}

  public record Instruction(String sourceActivityId, String targetActivityId) {}

  /**
   * {@code problems}: each "activity id: reason" in the engine's words; empty when it can be
   * migrated.
   */
  public record Instance(
      String id,
      String businessKey,
      List<String> activityIds,
      boolean migratable,
      List<String> problems) {}
}
