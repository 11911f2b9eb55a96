package dev.kelvin.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command as an operator runs it, in its own JVM from target/kelvin.jar and
 * target/lib: it prints its start-up time and the dashboard address, serves, and on Ctrl-C
 * (SIGINT) stops in order with exit code 0 and no stack trace.
 */
class LauncherIT {
  private static final Pattern READY = Pattern.compile("demo ready in ([0-9.]+) s");
  private static final Pattern DASHBOARD = Pattern.compile("dashboard\\s+(http://\\S+)");

  @TempDir
  Path scratch;

  @Test
  @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void serves_then_stops_on_sigint_with_exit_code_zero_and_no_stack_trace() throws Exception {
    Path stderr = scratch.resolve("stderr.txt");
    Process kelvin = new ProcessBuilder(javaBin(), "-cp", classpath(), "dev.kelvin.app.Main",
        "demo", "--http-port", "0", "--mqtt-port", "0", "--training-minutes", "20",
        "--audit-file", scratch.resolve("audit.jsonl").toString())
        .redirectError(stderr.toFile()).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(kelvin.getInputStream(), StandardCharsets.UTF_8))) {
      URI dashboard = readUntilReady(out);
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(dashboard.resolve("/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).contains("\"status\"");

      new ProcessBuilder("kill", "-INT", String.valueOf(kelvin.pid())).start().waitFor();

      assertThat(kelvin.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      assertThat(kelvin.exitValue()).isZero();
      assertThat(out.lines()).contains("Kelvin demo stopped.");
    } finally {
      kelvin.destroyForcibly();
    }
    String errors = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(errors).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static URI readUntilReady(BufferedReader out) throws IOException {
    String line;
    boolean ready = false;
    while ((line = out.readLine()) != null) {
      ready |= READY.matcher(line).find();
      Matcher dashboard = DASHBOARD.matcher(line);
      if (ready && dashboard.find()) {
        return URI.create(dashboard.group(1));
      }
    }
    throw new AssertionError("kelvin demo exited before printing that it was ready");
  }

  private static String javaBin() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static String classpath() {
    Path target = Path.of("target");
    assertThat(target.resolve("kelvin.jar")).as("packaged jar (run after mvn package)").exists();
    return target.resolve("kelvin.jar") + java.io.File.pathSeparator + target.resolve("lib")
        + java.io.File.separator + "*";
  }
}
