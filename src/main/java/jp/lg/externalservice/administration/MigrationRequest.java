package jp.lg.externalservice.administration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.InputValidationException;

/**
 * What an administrator asks of {@code POST /api/admin/migrations}: move the instances of one
 * version of a process to another (default: the latest). A dry run (the default) changes nothing
 * and reports, instance by instance, what could not be migrated; {@code processInstanceIds} selects
 * instances (default: all of the source version). {@code updateEventTriggers} recomputes timers and
 * message subscriptions from the new version (off by default: a waiting timer keeps its due date).
 */
public record MigrationRequest(
    String processDefinitionKey,
    int sourceVersion,
    Integer targetVersion,
    List<String> processInstanceIds,
    boolean updateEventTriggers,
    boolean dryRun) {

  /**
   * More instances than a migration selects by hand; all of a version are selected by leaving the
   * list out.
   */
  static final int MAX_INSTANCES = 10_000;

  static MigrationRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InputValidationException(
          List.of(
              new FieldError("(body)", "JSON オブジェクトを送信してください", "the body must be a JSON object")));
    }
    InputReader reader = new InputReader(body);
    String key = reader.requiredText("processDefinitionKey", 255);
    Integer source = reader.requiredInteger("sourceVersion", 1, Integer.MAX_VALUE);
    Integer target =
        body.hasNonNull("targetVersion")
            ? reader.requiredInteger("targetVersion", 1, Integer.MAX_VALUE)
            : null;
    List<String> ids = null;
    JsonNode idsNode = body.get("processInstanceIds");
    if (idsNode != null && !idsNode.isNull()) {
      if (!idsNode.isArray()) {
        reader.reject(
            "processInstanceIds",
            "プロセスインスタンス ID の配列で指定してください",
            "must be an array of process instance ids");
      } else if (reader.withinLength("processInstanceIds", idsNode, MAX_INSTANCES)) {
        ids = new ArrayList<>();
        for (int i = 0; i < idsNode.size(); i++) {
          if (!idsNode.get(i).isTextual() || idsNode.get(i).asText().isBlank()) {
            reader.reject("processInstanceIds[" + i + "]", "文字列で指定してください", "must be a string");
          } else {
            ids.add(idsNode.get(i).asText());
          }
        }
      }
    }
    boolean updateEventTriggers = reader.optionalBoolean("updateEventTriggers", false);
    boolean dryRun = reader.optionalBoolean("dryRun", true);
    reader.throwIfInvalid();
    return new MigrationRequest(key, source, target, ids, updateEventTriggers, dryRun);
  }
}
