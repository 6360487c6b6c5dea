package jp.lg.externalservice.bench;

import static jp.lg.externalservice.bench.Measure.f1;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Section 5: the packaged jar as a process of its own, on a fresh H2 file database: time from the
 * process start to the first answered request, resident memory (VmRSS) idle and after the REST and
 * pre-check load; default heap and a capped heap. The application is started the way operators
 * start it (docs/operations.md "起動 / メモリ"): through bin/start.sh, so with the JVM options of
 * config/jvm.options, either from the directory bin/prepare.sh made (with its class data sharing
 * archive) or from the jar as it is.
 */
final class Footprint {

  record Result(
      double startSeconds, double cpuSeconds, long idleMb, long loadedMb, String summary) {}

  private static final Path START = Path.of("bin", "start.sh");
  private static final Path PREPARE = Path.of("bin", "prepare.sh");

  private Footprint() {}

  /** Runs bin/prepare.sh on the jar into {@code app}; returns the seconds it took. */
  static double prepare(Path jar, Path app) throws Exception {
    Path log = Benchmark.DATA.resolve("prepare.log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder("sh", PREPARE.toString(), jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    environment(builder.environment(), null);
    builder.environment().put("APP_DIR", app.toAbsolutePath().toString());
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("bin/prepare.sh failed (" + exit + "); see " + log);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Starts the application through bin/start.sh: from {@code app} (prepared, with its archive) or,
   * when {@code app} is null, from the jar as it is; {@code heap} goes to JAVA_OPTS.
   */
  static Result run(Path jar, Path app, int port, String heap, Report report, double scale)
      throws Exception {
    String launch = app == null ? "jar, no archive" : "prepared, class data sharing";
    Path data =
        Benchmark.DATA.resolve(
            "footprint-"
                + (heap == null ? "default" : heap.replace("-", ""))
                + (app == null ? "-jar" : "-cds"));
    Benchmark.deleteRecursively(data);
    Files.createDirectories(data);
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "sh",
                    START.toString(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + Benchmark.h2Url(data)))
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("app.log").toFile());
    environment(builder.environment(), heap);
    if (app == null) {
      builder.environment().put("APP_JAR", jar.toAbsolutePath().toString());
    } else {
      builder.environment().put("APP_DIR", app.toAbsolutePath().toString());
    }
    long start = System.nanoTime();
    // start.sh ends in exec: the process is the JVM itself, its pid the one whose RSS is read
    Process process = builder.start();
    try {
      Http http = new Http("http://localhost:" + port);
      double started = Double.NaN;
      double cpu = Double.NaN;
      while (System.nanoTime() - start < 180e9) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the application stopped; see " + data.resolve("app.log"));
        }
        try {
          if (http.get("/engine-rest/engine", "demo").status() == 200) {
            started = (System.nanoTime() - start) / 1e9;
            cpu = cpuSeconds(process.pid());
            break;
          }
        } catch (IllegalStateException notYet) {
          // connection refused while starting
        }
        Thread.sleep(100);
      }
      Thread.sleep(5000);
      long idle = rssMb(process.pid());
      RestLoad load = new RestLoad("http://localhost:" + port);
      // one application alone first: the first filing of a fiscal year creates its case number
      // counter in a transaction of its own (CaseNumbers), so 16 first filings at once on this
      // fresh
      // database hold 10 connections and wait for the 11th, until Hikari's 30 s timeout
      load.applications(1, 1);
      RestLoad.Result rest = load.applications(16, Math.max(5, 20 * scale));
      RestLoad.Result precheck = load.precheck(16, Math.max(5, 10 * scale));
      long loaded = rssMb(process.pid());
      String label = heap == null ? "default heap" : heap;
      report.line(
          "| "
              + label
              + " | "
              + launch
              + " | "
              + f1(started)
              + " | "
              + f1(cpu)
              + " | "
              + idle
              + " | "
              + loaded
              + " | "
              + f1(rest.casesPerSecond() * 60)
              + " | "
              + f1(precheck.requestsPerSecond())
              + " |");
      return new Result(
          started,
          cpu,
          idle,
          loaded,
          label
              + ", "
              + launch
              + ": start "
              + f1(started)
              + " s, RSS "
              + idle
              + "→"
              + loaded
              + " MiB");
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  /** The benchmark's own Java for the application; JAVA_OPTS only the capped heap, if any. */
  private static void environment(Map<String, String> environment, String heap) {
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.remove("APP_DIR");
    environment.remove("APP_JAR");
    environment.remove("MALLOC_ARENA_MAX");
    if (heap == null) {
      environment.remove("JAVA_OPTS");
    } else {
      environment.put("JAVA_OPTS", heap);
    }
  }

  static long rssMb(long pid) throws Exception {
    for (String line : Files.readAllLines(new File("/proc/" + pid + "/status").toPath())) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  /**
   * Processor time the process has used (user and system, all threads): unlike the wall clock,
   * hardly changed by other work on a shared machine.
   */
  static double cpuSeconds(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // fields after the command name, which is in parentheses and may hold spaces: state is the
    // 3rd field, utime the 14th and stime the 15th, in clock ticks (100 a second on Linux)
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }
}
