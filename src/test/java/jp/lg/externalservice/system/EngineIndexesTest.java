package jp.lg.externalservice.system;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import jp.lg.externalservice.EngineTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's task table has the due-date index that 期限切れのタスク needs ({@link EngineIndexes}), on H2
 * and on PostgreSQL, and making it again on a database that has it changes nothing.
 */
class EngineIndexesTest extends EngineTest {

  @Autowired DataSource dataSource;

  @Test
  @DisplayName("タスク表に期限の索引があり、再起動で作り直しても失敗しない")
  void theTaskTableHasTheDueDateIndex() {
    assertThat(EngineIndexes.exists(dataSource, "ACT_RU_TASK")).isTrue();

    new EngineIndexes().postProcessEngineBuild(processEngine); // as a second node or a restart

    assertThat(EngineIndexes.exists(dataSource, "ACT_RU_TASK")).isTrue();
  }
}
