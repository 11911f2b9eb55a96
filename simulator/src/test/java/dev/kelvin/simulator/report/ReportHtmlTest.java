package dev.kelvin.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {
  private static final Pattern SVG = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);
  private static final Pattern EXTERNAL = Pattern.compile(
      "(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)", Pattern.CASE_INSENSITIVE);

  private static List<String> svgs(String html) {
    List<String> found = new ArrayList<>();
    Matcher matcher = SVG.matcher(html);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  @Test
  void the_page_fetches_nothing_and_runs_no_script() {
    String html = ReportHtml.of(SyntheticResults.run("cap", 10_000, true));

    assertThat(EXTERNAL.matcher(html).find()).isFalse();
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("@import").doesNotContain("url(");
  }

  @Test
  void every_plot_is_well_formed_svg() throws Exception {
    String html = ReportHtml.of(Comparison.of(SyntheticResults.run("none", 10_000, false),
        SyntheticResults.run("cap", 10_000, true)));

    List<String> svgs = svgs(html);
    // per run: two sites' power, temperatures, queue; for both: energy, slowdown, time line
    assertThat(svgs).hasSize(2 * 4 + 3);
    for (String svg : svgs) {
      assertThat(svg).doesNotContain("NaN");
      assertThat(SvgChartTest.parse(svg).getDocumentElement().getLocalName()).isEqualTo("svg");
    }
  }

  @Test
  void a_run_of_a_million_points_per_series_gives_plots_under_200_kb_each() {
    String html = ReportHtml.of(Comparison.of(SyntheticResults.run("none", 1_000_000, false),
        SyntheticResults.run("cap", 1_000_000, true)));

    assertThat(svgs(html)).allSatisfy(svg -> assertThat(svg.length()).isLessThan(200_000));
    assertThat(html.length()).isLessThan(1_400_000);
  }

  @Test
  void a_time_line_of_a_hundred_thousand_marks_of_six_kinds_per_run_stays_under_200_kb() {
    String html = ReportHtml.of(Comparison.of(
        SyntheticResults.run("none", 1000, false, 100_000, 6),
        SyntheticResults.run("cap", 1000, true, 100_000, 6)));

    String timeline = svgs(html).get(svgs(html).size() - 1);
    assertThat(timeline).contains("drill (cap)", "other (none)");
    assertThat(timeline.length()).isLessThan(200_000);
  }

  @Test
  void the_comparison_page_shows_its_figures_and_both_runs() {
    SimulationResult capped = Results.result(Results.summary("cap", 400, 1.2, 20), List.of(
        new JobOutcome(1, 4, 0, 0, 150, 100, true)));

    String html = ReportHtml.of(Comparison.of(Results.baseline(), capped));

    assertThat(html).contains("<th>none</th><th>cap</th>",
        "<tr><td>energy saved (%)</td><td>20.000</td></tr>",
        "<tr><td>carbon saved (%)</td><td>20.000</td></tr>",
        "<tr><td>energy (kWh)</td><td>500</td><td>400</td></tr>",
        "<tr><td>set_cpu_frequency_cap</td><td>0</td><td>12</td></tr>",
        "Site kth: power against its budget (none)",
        "Site kth: power against its budget (cap)", "failure (none)", "action (cap)", "two-jobs &quot;tiny&quot;");
  }

  @Test
  void the_same_result_gives_the_same_page_and_undefined_figures_show_as_a_dash() {
    SimulationResult result = Results.result(Results.summary("none", 0, Double.NaN, 1),
        List.of());

    String html = ReportHtml.of(result);

    assertThat(html).isEqualTo(ReportHtml.of(result))
        .contains("<tr><td>PUE</td><td>–</td></tr>");
  }

  @Test
  void a_run_with_no_sites_points_jobs_or_marks_still_gives_a_page_of_well_formed_plots()
      throws Exception {
    RunSummary nothing = new RunSummary("empty", 1, "none", 0, 0, 0, Double.NaN, 0, 0, 0, 0,
        0, Double.NaN, Double.NaN, Double.NaN, 0, 0, new TreeMap<>(), 0, 0, 0, 0);
    SimulationResult result = new SimulationResult(nothing, List.of(),
        Results.series("q", "jobs"), Results.series("c", "°C"), Results.series("i", "°C"),
        List.of(), List.of());

    String html = ReportHtml.of(result);

    assertThat(svgs(html)).hasSize(5);
    for (String svg : svgs(html)) {
      assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
      SvgChartTest.parse(svg);
    }
  }
}
