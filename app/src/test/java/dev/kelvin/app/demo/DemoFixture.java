package dev.kelvin.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A running demo on free ports with its own scratch folder, and a small JSON client for its
 * API. Integration tests start one per test class: starting takes seconds, and the tests only
 * read from it.
 */
final class DemoFixture implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path scratch;
  private final Demo demo;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private DemoFixture(Path scratch, Demo demo) {
    this.scratch = scratch;
    this.demo = demo;
  }

  static DemoFixture start() throws IOException {
    Path scratch = Files.createTempDirectory("kelvin-demo-it-");
    DemoOptions options = new DemoOptions("127.0.0.1", 0, 0, 2, 16, 42, Duration.ofSeconds(1),
        false, scratch.resolve("audit.jsonl"), Duration.ofMinutes(30), scratch.resolve("work"));
    return new DemoFixture(scratch, Demo.start(options));
  }

  Demo demo() {
    return demo;
  }

  Path auditFile() {
    return scratch.resolve("audit.jsonl");
  }

  URI uri(String path) {
    return demo.dashboardUri().resolve(path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return JSON.readTree(response.body());
  }

  @Override
  public void close() throws IOException {
    demo.close();
    try (var paths = Files.walk(scratch)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
