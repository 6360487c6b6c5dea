package jp.lg.externalservice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the benchmark prints, also written as Markdown to {@code target/bench/report.md}; and the
 * headline figures.
 */
final class Report {

  private final StringBuilder markdown = new StringBuilder();
  private final Map<String, String> headline = new LinkedHashMap<>();

  void section(String title) {
    line("");
    line("### " + title);
    line("");
  }

  void line(String text) {
    System.out.println(text);
    System.out.flush();
    markdown.append(text).append('\n');
  }

  void headline(String name, String value) {
    headline.put(name, value);
  }

  String summary() {
    StringBuilder line = new StringBuilder("BENCH SUMMARY:");
    headline.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
    return line.toString();
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, markdown + "\n```\n" + summary() + "\n```\n");
  }
}
