package jp.lg.externalservice.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The database the nodes of an integration test share: PostgreSQL when {@code IT_POSTGRES_URL}
 * (with {@code IT_POSTGRES_USER} and {@code IT_POSTGRES_PASSWORD}) is set, as in CI; otherwise the
 * embedded H2 default, a file under the node's working directory.
 */
record ItDatabase(String name, String url, String user, String password) {

  static ItDatabase fromEnvironment() {
    String url = System.getenv("IT_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      return new ItDatabase("h2", null, null, null);
    }
    return new ItDatabase(
        "postgres",
        url,
        System.getenv().getOrDefault("IT_POSTGRES_USER", "external_service"),
        System.getenv().getOrDefault("IT_POSTGRES_PASSWORD", "external_service"));
  }

  boolean postgres() {
    return url != null;
  }

  /**
   * The node settings for this database; H2 uses the default {@code ./data} in the node's
   * directory.
   */
  List<String> nodeArguments() {
    return postgres()
        ? List.of(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password)
        : List.of();
  }

  /** A connection to the shared database (PostgreSQL only: H2 files belong to their node). */
  Connection connect() throws SQLException {
    if (!postgres()) {
      throw new IllegalStateException("only the PostgreSQL database is shared by the nodes");
    }
    return DriverManager.getConnection(url, user, password);
  }

  /** Empties the database: the first node creates the schema again. */
  void reset(Path nodeDirectory) throws IOException, SQLException {
    if (postgres()) {
      try (Connection connection = DriverManager.getConnection(url, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA public CASCADE");
        statement.execute("CREATE SCHEMA public");
      }
    }
    if (Files.exists(nodeDirectory)) {
      try (Stream<Path> files = Files.walk(nodeDirectory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(nodeDirectory);
  }
}
