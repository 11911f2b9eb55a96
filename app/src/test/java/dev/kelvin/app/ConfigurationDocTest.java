package dev.kelvin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.app.agent.AgentConfig;
import dev.kelvin.app.run.RunConfig;
import dev.kelvin.core.config.ConfigKey;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.validation.RejectReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/configuration.md stays true: every option, every configuration key with its default,
 * every telemetry field and every reject reason is documented.
 */
class ConfigurationDocTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  private static String doc() throws IOException {
    return Files.readString(DOC, StandardCharsets.UTF_8);
  }

  @Test
  void documents_every_option_of_every_command_with_its_default() throws IOException {
    String doc = doc();
    assertOptionsDocumented(doc, Main.commandLine());
  }

  /** The options of every subcommand of {@code parent}, nested ones included. */
  private static void assertOptionsDocumented(String doc, CommandLine parent) {
    for (CommandLine command : parent.getSubcommands().values()) {
      for (OptionSpec option : command.getCommandSpec().options()) {
        assertDocumented(doc, option);
      }
      assertOptionsDocumented(doc, command);
    }
  }

  @Test
  void documents_every_command() throws IOException {
    String doc = doc();
    for (String name : Main.commandLine().getSubcommands().keySet()) {
      if (!name.equals("help")) {
        assertThat(doc).as("a section for kelvin %s", name).contains("## `kelvin " + name + "`");
      }
    }
  }

  private static void assertDocumented(String doc, OptionSpec option) {
    if (option.usageHelp() || option.versionHelp()) {
      return;
    }
    String name = option.longestName();
    assertThat(doc).as("docs/configuration.md documents %s", name).contains("`" + name + "`");
    if (option.defaultValue() != null) {
      assertThat(doc).as("the default of %s", name)
          .contains("| `" + name + "` | `" + option.defaultValue() + "` |");
    }
  }

  @Test
  void documents_every_key_of_kelvin_yaml_with_its_default() throws IOException {
    assertKeysDocumented(doc(), RunConfig.keys());
  }

  @Test
  void documents_every_key_of_agent_yaml_with_its_default() throws IOException {
    assertKeysDocumented(doc(), AgentConfig.keys());
  }

  private static void assertKeysDocumented(String doc, List<ConfigKey> keys) {
    assertThat(keys).isNotEmpty();
    for (ConfigKey key : keys) {
      assertThat(doc).as("docs/configuration.md documents %s with its default", key.path())
          .contains("| `" + key.path() + "` | `" + key.defaultText() + "` |");
    }
  }

  @Test
  void documents_every_telemetry_field_with_its_unit() throws IOException {
    String doc = doc();
    for (NodeMetric metric : NodeMetric.values()) {
      assertThat(doc).as("telemetry field %s", metric.wireName())
          .contains("| `" + metric.wireName() + "` | " + metric.unit() + " |");
    }
  }

  @Test
  void documents_every_reject_reason() throws IOException {
    String doc = doc();
    for (RejectReason reason : RejectReason.values()) {
      assertThat(doc).as("reject reason %s", reason.label()).contains("`" + reason.label() + "`");
    }
  }
}
