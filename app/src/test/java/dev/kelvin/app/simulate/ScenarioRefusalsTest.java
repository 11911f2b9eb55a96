package dev.kelvin.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kelvin.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad scenario is refused before a run with one line naming the file, the key, the value
 * as written and what was expected.
 */
class ScenarioRefusalsTest {
  private static final String GOOD = """
      name: kth-year
      seed: 7
      trace:
        file: trace.swf.gz
        start_day: 0
        days: 365
      sites:
        - name: a
          nodes: 100
          power_budget_kw: 40
      control:
        interval: 5m
        policy: default
      """;

  @TempDir Path folder;
  Path file;

  @BeforeEach
  void write_the_trace_beside_the_scenario() throws IOException {
    Files.createFile(folder.resolve("trace.swf.gz"));
    Files.createFile(folder.resolve("jobs.txt"));
    file = folder.resolve("bad.yaml");
  }

  private ConfigException refusal(String yaml) throws IOException {
    Files.writeString(file, yaml);
    return assertThrows(ConfigException.class, () -> ScenarioFiles.read(file, folder));
  }

  @Test
  void the_good_scenario_the_refusals_start_from_is_accepted() throws IOException {
    Files.writeString(file, GOOD);

    assertThat(ScenarioFiles.read(file, folder).name()).isEqualTo("kth-year");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      name: kth-year | name: kth year | name | "kth year" | must be 1 to 64 letters, digits
      name: kth-year | scheduler: easy | name | null | missing; give the scenario a name
      seed: 7 | seed: seven | seed | "seven" | must be a whole number
      file: trace.swf.gz | file: jobs.txt | trace.file | "jobs.txt" | cannot tell the trace's format
      start_day: 0 | format: xml | trace.format | "xml" | must be one of swf, lumos, alibaba
      start_day: 0 | start_day: -1 | trace.start_day | -1 | must be a number within 0..36500
      days: 365 | days: 0 | trace.days | 0 | must be a number > 0 and <= 36500 days
      start_day: 0 | load_scale: 0 | trace.load_scale | 0 | must be a number > 0 and <= 100
      start_day: 0 | load_scale: 101 | trace.load_scale | 101 | must be a number > 0 and <= 100
      start_day: 0 | deferrable_share: 1.2 | trace.deferrable_share | 1.2 | must be a number within 0..1
      - name: a | - name: a/b | sites[0].name | "a/b" | not a site name
      nodes: 100 | nodes: 0 | sites[0].nodes | 0 | must be a number within 1..100000
      nodes: 100 | nodes: 2.5 | sites[0].nodes | 2.5 | must be a whole number within 1..100000
      nodes: 100 | carbon_g_per_kwh: 300 | sites[0].nodes | null | missing; give how many nodes
      power_budget_kw: 40 | power_budget_kw: -1 | sites[0].power_budget_kw | -1 | 1000000 kW (a value in W?
      power_budget_kw: 40 | power_budget_kw: 4e5 kW | sites[0].power_budget_kw | "4e5 kW" | a number
      interval: 5m | interval: 0s | control.interval | "0s" | must be within 1s..1d
      interval: 5m | interval: 300 | control.interval | 300 | a bare number is not a duration
      file: trace.swf.gz | file: ~/trace.swf.gz | trace.file | "~/trace.swf.gz" | (~ is not expanded
      policy: default | policy: rules-missing | control.policy | "rules-missing" | no such folder: tried
      seed: 7 | scheduler: sjf | scheduler | "sjf" | must be one of fcfs, easy
      """)
  void refuses_a_bad_value_naming_its_key_and_value(String good, String bad, String key,
      String value, String expected) throws IOException {
    ConfigException refused = refusal(GOOD.replace(good, bad));

    assertThat(refused.key()).isEqualTo(key);
    assertThat(refused.value()).isEqualTo(value);
    assertThat(refused.getMessage()).startsWith(file + ": " + key)
        .contains(expected).doesNotContain("\n");
  }

  @Test
  void refuses_an_unknown_key_suggesting_the_nearest_known_one() throws IOException {
    ConfigException refused = refusal(GOOD.replace("interval: 5m", "intervall: 5m"));

    assertThat(refused.key()).isEqualTo("control.intervall");
    assertThat(refused.getMessage()).isEqualTo(file + ": control.intervall: unknown key;"
        + " did you mean control.interval? known keys under control: interval, models, policy");
  }

  @Test
  void refuses_a_key_in_the_wrong_section_naming_where_it_belongs() throws IOException {
    ConfigException refused = refusal(GOOD.replace("seed: 7", "seed: 7\ncop: 3"));

    assertThat(refused.getMessage()).contains("cop: unknown key; did you mean cooling.cop?");
  }

  @Test
  void refuses_a_scenario_without_sites() throws IOException {
    ConfigException refused = refusal(GOOD.substring(0, GOOD.indexOf("sites:"))
        + "sites: []\ncontrol: { interval: 5m }\n");

    assertThat(refused.key()).isEqualTo("sites");
    assertThat(refused.getMessage()).contains("at least one site is needed");
  }

  @Test
  void refuses_a_second_site_of_the_same_name_naming_the_first() throws IOException {
    ConfigException refused = refusal(GOOD.replace("control:",
        "  - { name: b, nodes: 1 }\n  - { name: a, nodes: 2 }\ncontrol:"));

    assertThat(refused.key()).isEqualTo("sites[2].name");
    assertThat(refused.value()).isEqualTo("\"a\"");
    assertThat(refused.getMessage()).contains("site names must be unique; sites[0] has this"
        + " name too");
  }

  @Test
  void refuses_a_minimum_cop_above_the_reference_cop() throws IOException {
    ConfigException refused = refusal(GOOD + "cooling: { cop: 2, min_cop: 3 }\n");

    assertThat(refused.key()).isEqualTo("cooling.min_cop");
    assertThat(refused.value()).isEqualTo("3");
    assertThat(refused.getMessage()).contains("must not exceed cooling.cop (2)");
  }

  @Test
  void reports_a_misspelt_key_before_the_missing_value_it_was_meant_to_give()
      throws IOException {
    ConfigException refused = refusal(GOOD.replace("name: kth-year", "nmae: kth-year"));

    assertThat(refused.getMessage()).contains("nmae: unknown key; did you mean name?");
  }
}
