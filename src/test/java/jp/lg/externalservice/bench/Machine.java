package jp.lg.externalservice.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures come from: CPU model and count, memory, Java. */
final class Machine {

  private Machine() {}

  static String describe() {
    String model = "unknown CPU";
    long memoryKb = 0;
    try {
      model =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(model);
      memoryKb =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(line -> line.startsWith("MemTotal"))
              .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
              .findFirst()
              .orElse(0L);
    } catch (Exception e) {
      // not Linux: describe what Java knows
    }
    return Runtime.getRuntime().availableProcessors()
        + " CPUs ("
        + model
        + "), "
        + (memoryKb / 1024 / 1024)
        + " GiB RAM, Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vm.name")
        + "), max heap "
        + Runtime.getRuntime().maxMemory() / 1024 / 1024
        + " MiB";
  }
}
