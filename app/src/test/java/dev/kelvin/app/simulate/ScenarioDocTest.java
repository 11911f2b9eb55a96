package dev.kelvin.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scenario reference lists every key a scenario file may give, with its default. */
class ScenarioDocTest {
  private static final Path DOC = Path.of("..", "docs", "simulator.md");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z_.\\[\\]]+)` \\| `");

  /** The scenario file's section of the simulator's page: other sections have tables too. */
  private static String doc() throws IOException {
    String page = Files.readString(DOC, StandardCharsets.UTF_8);
    int start = page.indexOf("\n## The scenario file");
    assertThat(start).as("docs/simulator.md has a section on the scenario file").isPositive();
    int end = page.indexOf("\n## ", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  @Test
  void documents_every_key_of_a_scenario_with_its_default() throws IOException {
    String doc = doc();
    List<ConfigKey> keys = ScenarioFiles.keys();

    assertThat(keys).isNotEmpty();
    for (ConfigKey key : keys) {
      assertThat(doc).as("the scenario reference documents %s with its default", key.path())
          .contains("| `" + key.path() + "` | `" + key.defaultText() + "` |");
    }
  }

  @Test
  void documents_no_key_a_scenario_does_not_read() throws IOException {
    List<String> known = ScenarioFiles.keys().stream().map(ConfigKey::path).toList();
    Matcher row = ROW.matcher(doc());
    while (row.find()) {
      assertThat(known).as("a key the scenario reference lists").contains(row.group(1));
    }
  }
}
