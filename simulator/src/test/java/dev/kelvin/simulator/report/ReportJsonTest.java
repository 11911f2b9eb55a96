package dev.kelvin.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  private static final String EXPECTED = """
      {
        "scenario": "two-jobs \\"tiny\\"",
        "seed": 42,
        "policy": "none",
        "energy_kwh": 500,
        "it_energy_kwh": 400,
        "cooling_energy_kwh": 100,
        "pue": 1.25,
        "jobs_submitted": 3,
        "jobs_completed": 2,
        "jobs_failed": 1,
        "jobs_never_fit": 0,
        "node_hours_lost": 0.5,
        "mean_wait_s": 10,
        "mean_bounded_slowdown": 1.25,
        "mean_runtime_stretch_pct": 0,
        "makespan_s": 7200,
        "utilisation": 0.333333,
        "actions": {},
        "carbon_kg": 12.5,
        "cost": 3.75,
        "simulated_s": 7200,
        "sites": [
          {
            "name": "kth",
            "energy_kwh": 500,
            "it_energy_kwh": 400,
            "cooling_energy_kwh": 100,
            "carbon_kg": 12.5,
            "cost": 3.75,
            "budget_kw": 300,
            "peak_power_kw": 350,
            "hours_over_budget": 0.5
          }
        ]
      }
      """;

  @Test
  void a_small_result_gives_exactly_the_expected_text() {
    assertThat(ReportJson.of(Results.baseline())).isEqualTo(EXPECTED);
  }

  @Test
  void the_same_result_twice_gives_the_same_bytes() {
    assertThat(ReportJson.of(Results.baseline()))
        .isEqualTo(ReportJson.of(Results.baseline()));
  }

  @Test
  void actions_are_written_in_the_order_of_their_names() {
    String json = ReportJson.of(Results.result(Results.summary("cap", 1, 1, 1), List.of()));

    assertThat(json).contains("""
          "actions": {
            "drain_node": 1,
            "set_cpu_frequency_cap": 12
          },
        """);
  }

  @Test
  void figures_that_are_not_defined_are_null_and_a_site_without_budget_has_null_budget() {
    RunSummary empty = new RunSummary("s", 1, "none", 0, 0, 0, Double.NaN, 0, 0, 0, 0, 0,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, 0, 0, new TreeMap<>(), 0, 0, 0, 0);
    SiteResult unbudgeted = new SiteResult("a", Results.series("p", "W"),
        Results.series("it", "W"), OptionalDouble.empty(), 0, 0, 0, 0);
    SimulationResult result = new SimulationResult(empty, List.of(unbudgeted),
        Results.series("q", "jobs"), Results.series("c", "°C"), Results.series("i", "°C"),
        List.of(), List.of());

    String json = ReportJson.of(result);

    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity")
        .contains("\"pue\": null,", "\"mean_wait_s\": null,", "\"mean_bounded_slowdown\": null,",
            "\"budget_kw\": null,", "\"peak_power_kw\": null,", "\"hours_over_budget\": null\n");
  }

  @Test
  void doubles_are_rounded_to_six_significant_digits_without_a_locale() {
    assertThat(JsonWriter.number(1234567.89)).isEqualTo("1234570");
    assertThat(JsonWriter.number(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(JsonWriter.number(-2.5e-9)).isEqualTo("-2.5E-9");
    assertThat(JsonWriter.number(3e25)).isEqualTo("3E+25");
    assertThat(JsonWriter.number(-0.0)).isEqualTo("0");
    assertThat(JsonWriter.number(1.0000005)).isEqualTo("1");
  }

  @Test
  void strings_are_escaped_as_rfc_8259_asks() {
    String json = new JsonWriter().value("a\"b\\c\n\t\u0001é\ud83d\ude00\ud800").toString();

    assertThat(json).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001é\ud83d\ude00\\ud800\"");
  }
}
