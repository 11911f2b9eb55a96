package dev.kelvin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.kelvin.policy.audit.JsonlAuditLog;
import picocli.CommandLine;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void help_lists_the_commands_and_exits_zero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: kelvin").contains("demo").contains("help");
  }

  @Test
  void version_prints_the_version_stamped_by_the_build() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("kelvin ").doesNotContain("${").doesNotContain("unknown");
  }

  @Test
  void an_unknown_command_exits_2_with_usage_on_stderr() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("frobnicate").contains("Usage: kelvin");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void no_command_at_all_is_a_usage_error() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing command");
  }

  @Test
  void an_unknown_demo_option_exits_2() {
    assertThat(run("demo", "--warp-speed")).isEqualTo(2);
    assertThat(err.toString()).contains("--warp-speed");
  }

  @Test
  void demo_help_documents_every_option() {
    assertThat(run("demo", "--help")).isZero();
    assertThat(out.toString()).contains("--http-port", "--mqtt-port", "--seed", "--dry-run",
        "--audit-file", "--tick-seconds", "--racks", "--nodes-per-rack", "--training-minutes");
  }

  @Test
  void a_busy_http_port_is_one_line_naming_the_port_and_the_option() throws IOException {
    try (ServerSocket busy = occupiedPort()) {
      int port = busy.getLocalPort();
      assertThat(run("demo", "--http-port", String.valueOf(port), "--mqtt-port", "0")).isEqualTo(1);
      assertThat(err.toString().strip()).doesNotContain("\n")
          .contains("HTTP port " + port).contains("--http-port").doesNotContain("Exception");
    }
  }

  @Test
  void a_busy_mqtt_port_is_one_line_naming_the_port_and_the_option() throws IOException {
    try (ServerSocket busy = occupiedPort()) {
      int port = busy.getLocalPort();
      assertThat(run("demo", "--http-port", "0", "--mqtt-port", String.valueOf(port))).isEqualTo(1);
      assertThat(err.toString().strip()).doesNotContain("\n")
          .contains("MQTT port " + port).contains("--mqtt-port");
    }
  }

  @Test
  void a_second_kelvin_on_the_same_audit_file_is_one_line_naming_the_file(@TempDir Path dir) {
    Path audit = dir.resolve("audit.jsonl");
    try (JsonlAuditLog first = JsonlAuditLog.open(audit, 10)) {
      assertThat(run("demo", "--http-port", "0", "--mqtt-port", "0", "--audit-file",
          audit.toString())).isEqualTo(1);
      assertThat(err.toString().strip()).doesNotContain("\n").contains("audit.jsonl")
          .contains("in use").contains("--audit-file");
    }
  }

  private static ServerSocket occupiedPort() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return socket;
  }
}
