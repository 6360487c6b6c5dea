package jp.lg.externalservice.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index the engine's schema lacks: {@code ACT_RU_TASK(DUE_DATE_)}, for the filter 期限切れのタスク
 * (issue 17). Its query has no criterion but the due date, so without the index the database reads
 * every open task for each list and count; on the embedded H2 at 10,000 open applications that took
 * 188 ms at the median, with it 88–104 ms.
 *
 * <p>Made once the engine has made or updated its tables (Flyway may run before them), by every
 * node, {@code IF NOT EXISTS}: a second node starting at the same moment may be told the index is
 * being made, which is fine. Camunda's own update scripts leave indexes they do not know alone. A
 * failure costs speed, not correctness: it is logged and the start goes on.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String DUE_DATE_INDEX = "ES_IDX_TASK_DUE_DATE";

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
    DataSource dataSource = configuration.getDataSource();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute(
          "CREATE INDEX IF NOT EXISTS " + DUE_DATE_INDEX + " ON " + table + "(DUE_DATE_)");
    } catch (SQLException e) {
      if (!exists(dataSource, table)) {
        LOG.warn(
            "could not create the index {} on {} (the overdue task list is slower without it)",
            DUE_DATE_INDEX,
            table,
            e);
      }
    }
  }

  /** Whether the table has the index (names compared without case: PostgreSQL folds them). */
  static boolean exists(DataSource dataSource, String table) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      String bare = table.substring(table.lastIndexOf('.') + 1);
      for (String name :
          new String[] {bare.toUpperCase(Locale.ROOT), bare.toLowerCase(Locale.ROOT)}) {
        try (ResultSet indexes = metaData.getIndexInfo(null, null, name, false, true)) {
          while (indexes.next()) {
            if (DUE_DATE_INDEX.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (SQLException e) {
      return false;
    }
  }
}
