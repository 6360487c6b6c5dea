package jp.lg.externalservice.bench;

import static jp.lg.externalservice.bench.Measure.f1;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 5: the packaged jar as a process of its own, on a fresh H2 file database: time from the
 * process start to the first answered request, resident memory (VmRSS) idle and after the REST and
 * pre-check load; default heap and a capped heap.
 */
final class Footprint {

  record Result(double startSeconds, long idleMb, long loadedMb, String summary) {}

  private Footprint() {}

  static Result run(Path jar, int port, String heap, Report report, double scale) throws Exception {
    Path data =
        Benchmark.DATA.resolve("footprint-" + (heap == null ? "default" : heap.replace("-", "")));
    Benchmark.deleteRecursively(data);
    Files.createDirectories(data);
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (heap != null) {
      command.add(heap);
    }
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--spring.datasource.url=" + Benchmark.h2Url(data)));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("app.log").toFile())
            .start();
    try {
      Http http = new Http("http://localhost:" + port);
      double started = Double.NaN;
      while (System.nanoTime() - start < 180e9) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the application stopped; see " + data.resolve("app.log"));
        }
        try {
          if (http.get("/engine-rest/engine", "demo").status() == 200) {
            started = (System.nanoTime() - start) / 1e9;
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
      RestLoad.Result rest = load.applications(16, Math.max(5, 20 * scale));
      RestLoad.Result precheck = load.precheck(16, Math.max(5, 10 * scale));
      long loaded = rssMb(process.pid());
      String label = heap == null ? "default heap" : heap;
      report.line(
          "| "
              + label
              + " | "
              + f1(started)
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
          idle,
          loaded,
          label + ": start " + f1(started) + " s, RSS " + idle + "→" + loaded + " MiB");
    } finally {
      process.destroy();
      process.waitFor();
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
}
