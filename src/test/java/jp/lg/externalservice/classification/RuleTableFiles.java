package jp.lg.externalservice.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The rule tables as administrators edit them in {@code processes/}, evaluated by a standalone DMN
 * engine configured as {@link DmnRuleTables} configures its own: no Spring context, no process
 * engine. One engine for all test classes.
 */
final class RuleTableFiles {

  private static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private RuleTableFiles() {}

  /** The decision {@code key} from {@code processes/<key>.dmn}. */
  static DmnDecision decision(String key) {
    try (InputStream file = Files.newInputStream(Path.of("processes", key + ".dmn"))) {
      return ENGINE.parseDecision(key, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DmnDecisionTableResult evaluate(DmnDecision decision, Map<String, Object> variables) {
    return ENGINE.evaluateDecisionTable(decision, variables);
  }
}
