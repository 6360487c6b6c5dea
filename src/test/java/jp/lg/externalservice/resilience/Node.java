package jp.lg.externalservice.resilience;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of the application: the packaged jar ({@code target/*.jar}, built by {@code package}
 * before the integration tests) started as its own operating-system process, as in production. Its
 * log goes to {@code target/it/<name>.log}.
 */
final class Node implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final String name;
  private final Path workingDirectory;
  private final List<String> arguments;
  private final int port;
  private Process process;

  /**
   * @param name the engine host name in the job log ({@code node-a}…)
   * @param workingDirectory where the node runs: the H2 default {@code ./data} lies under it
   * @param arguments extra {@code --key=value} settings (datasource, job executor)
   */
  Node(String name, Path workingDirectory, List<String> arguments) {
    this.name = name;
    this.workingDirectory = workingDirectory;
    this.arguments = List.copyOf(arguments);
    this.port = freePort();
  }

  String name() {
    return name;
  }

  Rest rest() {
    return new Rest("http://localhost:" + port, name);
  }

  /** Starts the node and waits until it answers an authenticated request. */
  Node start() throws IOException, InterruptedException {
    Files.createDirectories(workingDirectory);
    Files.createDirectories(log().getParent());
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--logging.level.org.camunda.bpm.engine.jobexecutor=info"));
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    // the node takes its database from the arguments only, never from the test run's environment
    builder
        .environment()
        .keySet()
        .removeIf(key -> key.startsWith("SPRING_") || key.startsWith("POSTGRES_"));
    process = builder.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " stopped during start-up (exit " + process.exitValue() + "), see " + log());
      }
      try {
        if (rest().get("/engine-rest/user/demo/profile", "demo").status() == 200) {
          return this;
        }
      } catch (IllegalStateException notYet) {
        // connection refused while starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        name + " did not start within " + START_TIMEOUT + ", see " + log());
  }

  /** SIGKILL: the process dies at once, whatever it was doing. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: a graceful shutdown. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  Path log() {
    return Path.of("target", "it", name + ".log").toAbsolutePath();
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      kill();
    }
  }

  static Path jar() {
    String jar = System.getProperty("it.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException(
          "the packaged jar is missing (it.jar=" + jar + "): run ./mvnw verify");
    }
    return Path.of(jar).toAbsolutePath();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
