package jp.lg.externalservice.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Rows per table, to show what one case leaves in the database (history, registry, authorizations).
 */
final class RowCounter {

  private final DataSource dataSource;

  RowCounter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema == null || schema.equalsIgnoreCase("public")) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      try (Statement statement = connection.createStatement()) {
        for (String table : tables) {
          try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            rs.next();
            counts.put(table.toUpperCase(), rs.getLong(1));
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }

  /**
   * "application 95/118, review 81/88, …": the history variable instances and details each process
   * instance of a case left (task-local ones included), to show which instance the rows come from.
   */
  String variablesPerInstance(List<String> names, List<String> processInstanceIds) {
    StringBuilder text = new StringBuilder();
    try (Connection connection = dataSource.getConnection();
        java.sql.PreparedStatement instances =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ?");
        java.sql.PreparedStatement details =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ?")) {
      for (int i = 0; i < processInstanceIds.size(); i++) {
        text.append(i > 0 ? ", " : "")
            .append(names.get(i))
            .append(' ')
            .append(count(instances, processInstanceIds.get(i)))
            .append('/')
            .append(count(details, processInstanceIds.get(i)));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return text.toString();
  }

  private static long count(java.sql.PreparedStatement statement, String processInstanceId)
      throws java.sql.SQLException {
    statement.setString(1, processInstanceId);
    try (ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** "ACT_HI_VARINST +41, …" for the tables that grew, largest first, and the total. */
  static String growth(Map<String, Long> before, Map<String, Long> after) {
    List<Map.Entry<String, Long>> grown = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Long> entry : after.entrySet()) {
      long delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
      if (delta != 0) {
        grown.add(Map.entry(entry.getKey(), delta));
        total += delta;
      }
    }
    grown.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    StringBuilder text = new StringBuilder(total + " rows (");
    for (int i = 0; i < grown.size(); i++) {
      text.append(i > 0 ? ", " : "")
          .append(grown.get(i).getKey().toLowerCase())
          .append(' ')
          .append(grown.get(i).getValue() > 0 ? "+" : "")
          .append(grown.get(i).getValue());
    }
    return text.append(')').toString();
  }
}
