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
import javax.sql.DataSource;
import jp.lg.externalservice.ExternalServiceApprovalApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The benchmark of issue 8: prints figures, asserts no timing, is not a test (run by the Maven
 * profile {@code bench}, see docs/benchmarks.md). System properties:
 *
 * <ul>
 *   <li>{@code bench.scale} (default 1): multiplies every measuring time and the size of the query
 *       data set;
 *   <li>{@code bench.sections} (default all): any of {@code
 *       lifecycle,precheck,rest,queries,postgres,footprint}; {@code precheck} measures its anchors
 *       in the same run, the authenticated no-op request and the unauthenticated floor (issue 17);
 *   <li>{@code bench.port} (default 8281): first port used; {@code bench.jar}: the packaged
 *       application.
 * </ul>
 *
 * PostgreSQL is read from POSTGRES_URL / POSTGRES_USER / POSTGRES_PASSWORD (default: the local
 * database {@code external_service_bench}); its schema {@code public} is dropped and created
 * afresh.
 */
public final class Benchmark {

  static final Path DATA = Path.of("target", "bench-data");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    double scale = Double.parseDouble(System.getProperty("bench.scale", "1"));
    Set<String> sections =
        Set.of(
            System.getProperty(
                    "bench.sections", "lifecycle,precheck,rest,queries,postgres,footprint")
                .split(","));
    int port = Integer.getInteger("bench.port", 8281);
    int rounds = Integer.getInteger("bench.rounds", 5);
    int applications = Integer.getInteger("bench.applications", 0);
    if (applications <= 0) {
      applications = (int) Math.round(10_000 * Math.min(1, scale));
    }
    Report report = new Report();
    report.line(
        "## Benchmark run "
            + java.time.OffsetDateTime.now().withNano(0)
            + " (scale "
            + scale
            + ")");
    report.line("");
    report.line("Machine: " + Machine.describe());

    deleteRecursively(DATA.resolve("h2"));
    Map<String, Object> h2 = new LinkedHashMap<>();
    h2.put("spring.datasource.url", h2Url(DATA.resolve("h2")));
    try (ConfigurableApplicationContext context = start(h2, port, "demo")) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      if (sections.contains("lifecycle")) {
        report.section("1. Lifecycle throughput, H2 file, Java API");
        EngineThroughput.Result result =
            EngineThroughput.run(
                engine, context.getBean(DataSource.class), report, "H2 file", scale, rounds);
        report.headline("h2.ratio1", Measure.f2(result.ratio1()));
        report.headline("h2.ratio4", Measure.f2(result.ratio4()));
        report.headline("h2.cases1/s", Measure.f2(result.ours1()));
        report.headline("h2.cases4/s", Measure.f2(result.ours4()));
      }
      String base = "http://localhost:" + port;
      if (sections.contains("precheck")) {
        report.section(
            "4. Pre-check /api/precheck against the login's anchors, 16 concurrent clients, H2 file");
        RestLoad load = new RestLoad(base);
        double anchor = Math.max(5, 10 * scale);
        // every kind warmed up before any is measured: the first measured right after the start
        // would otherwise pay for the compiler
        load.noop(16, Math.max(2, 3 * scale), true);
        load.noop(16, Math.max(2, 3 * scale), false);
        load.precheck(16, Math.max(3, 5 * scale));
        RestLoad.Result noop = load.noop(16, anchor, true);
        RestLoad.Result unauth = load.noop(16, anchor, false);
        RestLoad.Result result = load.precheck(16, Math.max(5, 20 * scale));
        report.line(
            "Measured one after the other in this run, after a warm-up of all three: the authenticated no-op "
                + "(`GET /engine-rest/engine`, HTTP Basic as the pre-check's 4 users: the login and "
                + "nothing else), the unauthenticated floor (the same request without credentials, "
                + "answered 401) and the pre-check (HTTP Basic, the same users), each client on a "
                + "kept-alive connection of its own written by hand (`KeepAliveHttp`: the clients "
                + "share the cores with the application).");
        report.line("");
        report.line("| request | requests/s | p50 ms | p95 ms | p99 ms | CPU ms per request |");
        report.line("|---|---|---|---|---|---|");
        report.line(RestLoad.row("no-op, HTTP Basic", noop));
        report.line(RestLoad.row("no-op, no credentials (401)", unauth));
        report.line(RestLoad.row("pre-check, HTTP Basic", result));
        report.line("");
        double ratio = result.requestsPerSecond() / Math.max(0.001, noop.requestsPerSecond());
        report.line(
            "Pre-check ÷ authenticated no-op: "
                + Measure.f2(ratio)
                + "; authenticated no-op ÷ unauthenticated floor: "
                + Measure.f2(noop.requestsPerSecond() / Math.max(0.001, unauth.requestsPerSecond()))
                + ".");
        report.line("");
        report.line(RestLoad.describe(result, "") + ".");
        report.headline("noop.rps", Measure.f1(noop.requestsPerSecond()));
        report.headline("noop.p99ms", Measure.f1(noop.p99()));
        report.headline("unauth.rps", Measure.f1(unauth.requestsPerSecond()));
        report.headline("precheck.rps", Measure.f1(result.requestsPerSecond()));
        report.headline("precheck.p99ms", Measure.f1(result.p99()));
        report.headline("precheck.vs.noop", Measure.f2(ratio));
      }
      if (sections.contains("rest")) {
        report.section(
            "2. REST under concurrency: 16 clients through /engine-rest, HTTP Basic, H2 file");
        RestLoad load = new RestLoad(base);
        load.applications(16, Math.max(3, 5 * scale));
        RestLoad.Result result = load.applications(16, Math.max(10, 30 * scale));
        report.line(
            "Each client files applications and walks them to the recorded contract (start form, 9 tasks: "
                + "task query, claim for group tasks, submit-form; as the person of each role).");
        report.line("");
        report.line(RestLoad.describe(result, "applications") + ".");
        report.headline("rest.rps", Measure.f1(result.requestsPerSecond()));
        report.headline("rest.p95ms", Measure.f1(result.p95()));
        report.headline("rest.p99ms", Measure.f1(result.p99()));
      }
      if (sections.contains("queries")) {
        report.section("3. Tasklist-sized queries, H2 file");
        TasklistQueries.Result result =
            TasklistQueries.run(
                engine,
                context.getBean(PlatformTransactionManager.class),
                base,
                report,
                "H2 file",
                applications,
                scale);
        report.headline("h2.filter.p95ms.max", Measure.f1(result.p95Max()));
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
            EngineThroughput.Result result =
                EngineThroughput.run(
                    engine, context.getBean(DataSource.class), report, "PostgreSQL", scale, rounds);
            report.headline("pg.ratio1", Measure.f2(result.ratio1()));
            report.headline("pg.ratio4", Measure.f2(result.ratio4()));
          }
          if (sections.contains("queries")) {
            report.section("6b. Tasklist-sized queries, PostgreSQL");
            TasklistQueries.Result result =
                TasklistQueries.run(
                    engine,
                    context.getBean(PlatformTransactionManager.class),
                    "http://localhost:" + (port + 1),
                    report,
                    "PostgreSQL",
                    applications,
                    scale);
            report.headline("pg.filter.p95ms.max", Measure.f1(result.p95Max()));
          }
        }
      }
    }

    if (sections.contains("footprint")) {
      Path jar =
          Path.of(
              System.getProperty(
                  "bench.jar", "target/external-service-approval-0.1.0-SNAPSHOT.jar"));
      report.section("5. Footprint: the packaged jar as its own process, fresh H2 file database");
      if (!Files.exists(jar)) {
        report.line("No jar at " + jar + " (run through ./mvnw -Pbench package): skipped.");
      } else {
        // as operators run it (docs/operations.md "起動 / メモリ"): bin/prepare.sh, then bin/start.sh
        Path app = DATA.resolve("app");
        double prepared = Footprint.prepare(jar, app);
        report.line(
            "Started by bin/start.sh with config/jvm.options; \"prepared\": from the directory"
                + " bin/prepare.sh made of the jar (took "
                + Measure.f1(prepared)
                + " s, a training start included), with its class data sharing archive.");
        report.line("");
        report.line(
            "| heap | launch | start to first answered request (s) | processor time to it (s) "
                + "| RSS idle (MiB) | RSS after load (MiB) "
                + "| REST applications/min under load | pre-check requests/s under load |");
        report.line("|---|---|---|---|---|---|---|---|");
        Footprint.Result plain = Footprint.run(jar, null, port + 2, null, report, scale);
        Footprint.Result standard = Footprint.run(jar, app, port + 2, null, report, scale);
        Footprint.Result capped = Footprint.run(jar, app, port + 2, "-Xmx256m", report, scale);
        report.line("");
        report.line(
            "Load: 16 REST clients walking applications for "
                + Measure.f1(Math.max(5, 20 * scale))
                + " s, then 16 pre-check clients for "
                + Measure.f1(Math.max(5, 10 * scale))
                + " s.");
        report.headline("start.s", Measure.f1(standard.startSeconds()));
        report.headline("start.jar.s", Measure.f1(plain.startSeconds()));
        report.headline("start.cpu.s", Measure.f1(standard.cpuSeconds()));
        report.headline("rss.idle.MiB", String.valueOf(standard.idleMb()));
        report.headline("rss.load.MiB", String.valueOf(standard.loadedMb()));
        report.headline("rss256.load.MiB", String.valueOf(capped.loadedMb()));
      }
    }

    report.line("");
    report.line(report.summary());
    report.write(Path.of("target", "bench", "report.md"));
    System.exit(0);
  }

  static ConfigurableApplicationContext start(
      Map<String, Object> properties, int port, String... profiles) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("server.port", port);
    all.put("spring.main.banner-mode", "off");
    all.put("logging.level.root", "WARN");
    all.put("logging.level.org.camunda.bpm.engine.context", "OFF");
    all.putAll(properties);
    // as command-line arguments, which take precedence over application.yaml (default properties
    // would not)
    String[] args =
        all.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(ExternalServiceApprovalApplication.class)
        .profiles(profiles)
        .run(args);
  }

  /**
   * The application's own H2 URL (application.yaml, with its options) with the database under
   * {@code directory}.
   */
  static String h2Url(Path directory) {
    var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
    yaml.setResources(new org.springframework.core.io.ClassPathResource("application.yaml"));
    String url = yaml.getObject().getProperty("spring.datasource.url");
    return url.replace("./data/", directory.toAbsolutePath() + "/");
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
      report.line(
          "PostgreSQL at "
              + url
              + " is not available ("
              + e.getMessage()
              + "): its variant is skipped.");
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
