package dev.kelvin.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kelvin run} with a broken operator rule file stops before it connects to anything. */
class RunRulesStartTest {
  @TempDir
  Path dir;

  @Test
  void a_broken_operator_rule_file_stops_the_start_with_exit_1_naming_file_and_line()
      throws IOException {
    Files.createDirectories(dir.resolve("rules"));
    Path broken = dir.resolve("rules/broken.drl");
    Files.writeString(broken, "package dev.kelvin.policy.rules;\n\nrule \"broken\"\nwhen\n"
        + "    NodeThermalFact( cpuTemperature > 90 )\nthen\nend\n");
    Path config = Files.writeString(dir.resolve("kelvin.yaml"), """
        mqtt:
          broker: tcp://127.0.0.1:1
          allow_anonymous_for_tests: true
        dashboard:
          enabled: false
        policy:
          rules_dir: rules
        """);
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));

    int exit = commandLine.execute("run", "--config", config.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("kelvin run: 1 error compiling the policy rules:")
        .contains(broken + " line 5");
  }
}
