package jp.lg.externalservice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.lg.externalservice.ExternalServiceApprovalApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark of issue 8: prints figures, asserts no timing, is not a test (run by the Maven profile {@code bench},
 * see docs/benchmarks.md). System properties:
 * <ul>
 *   <li>{@code bench.scale} (default 1): multiplies every measuring time and the size of the query data set;</li>
 *   <li>{@code bench.sections} (default all): any of {@code lifecycle,precheck,rest,queries,postgres,footprint};</li>
 *   <li>{@code bench.port} (default 8281): first port used; {@code bench.jar}: the packaged application.</li>
 * </ul>
 * PostgreSQL is read from POSTGRES_URL / POSTGRES_USER / POSTGRES_PASSWORD (default: the local database
 * {@code external_service_bench}); its schema {@code public} is dropped and created afresh.
 */
public final class Benchmark {

  static final Path DATA = Path.of("target", "bench-data");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    double scale = Double.parseDouble(System.getProperty("bench.scale", "1"));
    Set<String> sections = Set.of(System.getProperty("bench.sections",
        "lifecycle,precheck,rest,queries,postgres,footprint").split(","));
    int port = Integer.getInteger("bench.port", 8281);
    int rounds = Integer.getInteger("bench.rounds", 5);
    Report report = new Report();
    report.line("## Benchmark run " + java.time.OffsetDateTime.now().withNano(0) + " (scale " + scale + ")");
    report.line("");
    report.line("Machine: " + Machine.describe());

    deleteRecursively(DATA.resolve("h2"));
    Map<String, Object> h2 = new LinkedHashMap<>();
    h2.put("spring.datasource.url", "jdbc:h2:file:./" + DATA.resolve("h2/external-service") + ";DB_CLOSE_ON_EXIT=FALSE");
    try (ConfigurableApplicationContext context = start(h2, port, "demo")) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      if (sections.contains("lifecycle")) {
        report.section("1. Lifecycle throughput, H2 file, Java API");
        EngineThroughput.Result result = EngineThroughput.run(engine, report, "H2 file", scale, rounds);
        report.headline("h2.ratio1", Measure.f2(result.ratio1()));
        report.headline("h2.ratio4", Measure.f2(result.ratio4()));
        report.headline("h2.cases1/s", Measure.f2(result.ours1()));
        report.headline("h2.cases4/s", Measure.f2(result.ours4()));
      }
    }

    if (sections.contains("postgres")) {
      String url = env("POSTGRES_URL", "jdbc:postgresql://localhost:5432/external_service_bench");
      String user = env("POSTGRES_USER", "external_service");
      String password = env("POSTGRES_PASSWORD", "external_service");
      if (resetPostgres(url, user, password, report)) {
        Map<String, Object> pg = new LinkedHashMap<>();
        pg.put("POSTGRES_URL", url);
        pg.put("POSTGRES_USER", user);
        pg.put("POSTGRES_PASSWORD", password);
        try (ConfigurableApplicationContext context = start(pg, port + 1, "demo", "postgres")) {
          ProcessEngine engine = context.getBean(ProcessEngine.class);
          if (sections.contains("lifecycle")) {
            report.section("6a. Lifecycle throughput, PostgreSQL, Java API");
            EngineThroughput.Result result = EngineThroughput.run(engine, report, "PostgreSQL", scale, rounds);
            report.headline("pg.ratio1", Measure.f2(result.ratio1()));
            report.headline("pg.ratio4", Measure.f2(result.ratio4()));
          }
        }
      }
    }

    report.line("");
    report.line(report.summary());
    report.write(Path.of("target", "bench", "report.md"));
    System.exit(0);
  }

  static ConfigurableApplicationContext start(Map<String, Object> properties, int port, String... profiles) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("server.port", port);
    all.put("spring.main.banner-mode", "off");
    all.put("logging.level.root", "WARN");
    all.put("logging.level.org.camunda.bpm.engine.context", "OFF");
    all.putAll(properties);
    return new SpringApplicationBuilder(ExternalServiceApprovalApplication.class).profiles(profiles)
        .properties(all).run();
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static boolean resetPostgres(String url, String user, String password, Report report) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
      statement.execute("CREATE SCHEMA public");
      return true;
    } catch (Exception e) {
      report.line("");
      report.line("PostgreSQL at " + url + " is not available (" + e.getMessage() + "): its variant is skipped.");
      return false;
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (Files.exists(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }
}
