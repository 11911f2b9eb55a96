package dev.kelvin.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.app.Main;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.wire.MqttEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kelvin run} and {@code kelvin agent} started in-process as an operator starts them,
 * against the real Mosquitto of the test services: a broker that is not there and a wrong
 * password stop the start with exit code 1 and one line on stderr that says what to fix.
 */
@Timeout(60)
class RunCommandIT {
  private static final String UNREACHABLE = "tcp://127.0.0.1:1";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void an_unreachable_broker_stops_the_start_with_one_line_naming_it() throws IOException {
    Path config = runConfig(UNREACHABLE, "kelvin-it", "any-password");

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);

    assertThat(oneLine(err)).startsWith("kelvin run: ").contains(UNREACHABLE)
        .contains("is the broker running");
  }

  @Test
  void a_wrong_password_stops_the_start_naming_the_user_but_never_the_password()
      throws IOException {
    MqttEndpoint broker = TestServices.mqtt();
    String wrong = TestServices.unique("wrong-password");
    Path config = runConfig(broker.broker().toString(), broker.username().orElseThrow(), wrong);

    assertThat(run("run", "--config", config.toString())).isEqualTo(1);

    assertThat(oneLine(err)).startsWith("kelvin run: ").contains(broker.broker().toString())
        .contains("user '" + broker.username().orElseThrow() + "'").contains("password")
        .doesNotContain(wrong).doesNotContain(broker.password().orElseThrow());
    assertThat(out.toString()).doesNotContain(wrong);
  }

  @Test
  void check_accepts_a_valid_file_without_connecting() throws IOException {
    MqttEndpoint broker = TestServices.mqtt();
    Path config = runConfig(broker.broker().toString(), broker.username().orElseThrow(),
        broker.password().orElseThrow());

    assertThat(run("run", "--check", "--config", config.toString())).isZero();

    assertThat(out.toString()).startsWith(config + ": configuration is valid")
        .doesNotContain(broker.password().orElseThrow());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void an_agent_that_must_reach_its_broker_at_start_stops_with_one_line_naming_it()
      throws IOException {
    Path password = Files.writeString(dir.resolve("mqtt.password"), "any-password");
    Path config = Files.writeString(dir.resolve("agent.yaml"), """
        site: site-a
        node: n01
        require_broker_at_start: true
        mqtt:
          broker: %s
          username: kelvin-it
          password_file: %s
        """.formatted(UNREACHABLE, password));

    assertThat(run("agent", "--simulated", "--config", config.toString())).isEqualTo(1);

    assertThat(oneLine(err)).startsWith("kelvin agent: ").contains(UNREACHABLE)
        .contains("is the broker running");
  }

  /** kelvin.yaml for {@code broker}: the dashboard on any free port, the audit log in dir. */
  private Path runConfig(String broker, String username, String password) throws IOException {
    Path passwordFile = Files.writeString(dir.resolve("mqtt.password"), password);
    return Files.writeString(dir.resolve("kelvin.yaml"), """
        mqtt:
          broker: %s
          username: %s
          password_file: %s
          topic_prefix: %s
        audit:
          file: %s
        dashboard:
          port: 0
        """.formatted(broker, username, passwordFile, TestServices.uniqueTopics().prefix(),
        dir.resolve("audit.jsonl")));
  }

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private static String oneLine(StringWriter text) {
    String line = text.toString().strip();
    assertThat(line).as("stderr").isNotEmpty().hasLineCount(1).doesNotContain("Exception");
    return line;
  }
}
