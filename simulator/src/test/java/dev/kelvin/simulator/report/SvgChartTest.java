package dev.kelvin.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {
  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void a_chart_is_well_formed_xml_with_its_title_and_labels_escaped() throws Exception {
    Series series = Results.series("p", "W", 0, 1, 10, 3);
    SvgChart chart = new SvgChart("Site <a&b>: \"power\"", Axis.time(20),
        Axis.linear(0, 3, "power (W)"))
        .steps(Downsample.minMax(series, 0, 20, 4), 1, SvgChart.Style.solid(Svg.BLUE), "p & q")
        .horizontal(2, SvgChart.Style.dashed(Svg.RED), "budget")
        .tickRow(1, Svg.RED, new double[] {5, 6}, new String[] {"n1 <failed>", "n2"});

    Document svg = parse(chart.render());

    assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(svg.getDocumentElement().getAttribute("aria-label"))
        .isEqualTo("Site <a&b>: \"power\"");
    // the series, the budget, two ticks, and the legend's two samples
    assertThat(svg.getElementsByTagName("path").getLength()).isEqualTo(6);
    assertThat(svg.getDocumentElement().getTextContent()).contains("p & q", "budget",
        "n1 <failed>", "simulated time (min)");
  }

  @Test
  void a_million_point_series_renders_to_less_than_200_kb() {
    Series.Builder builder = new Series.Builder("p", "W");
    for (int i = 0; i < 1_000_000; i++) {
      builder.add(i * 30.0, 1000 + (i * 7919L) % 997);
    }
    Series series = builder.build();
    double endS = 30.0 * 1_000_000;

    String svg = new SvgChart("p", Axis.time(endS), Axis.linear(0, 2000, "power (W)"))
        .steps(Downsample.minMax(series, 0, endS, ReportPlots.BUCKETS), 1,
            SvgChart.Style.solid(Svg.BLUE), "p")
        .render();

    assertThat(series.size()).isEqualTo(1_000_000);
    assertThat(svg.length()).isLessThan(200_000);
  }

  @Test
  void a_downsampled_spike_reaches_its_height_in_the_path() {
    Series series = Results.series("p", "W", 0, 0, 499, 100, 500, 0);

    String svg = new SvgChart("p", Axis.time(1000), Axis.linear(0, 100, "power (W)"))
        .steps(Downsample.minMax(series, 0, 1000, 10), 1, SvgChart.Style.solid(Svg.BLUE), "p")
        .render();

    // y of 100 W is the top of the plot area (52 px); of 0 W its bottom (300 - 46 = 254 px)
    assertThat(svg).contains("V52V254");
  }

  @Test
  void linear_axes_tick_at_round_numbers_covering_the_data() {
    Axis axis = Axis.linear(3, 97, "x");

    assertThat(axis.ticks()).extracting(Axis.Tick::label)
        .containsExactly("0", "20", "40", "60", "80", "100");
    assertThat(Axis.linear(0, 0.3, "x").ticks()).extracting(Axis.Tick::label)
        .containsExactly("0", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30");
  }

  @Test
  void a_time_axis_counts_in_minutes_hours_or_days_by_its_span() {
    assertThat(Axis.time(3600).title()).isEqualTo("simulated time (min)");
    assertThat(Axis.time(2 * 86_400).title()).isEqualTo("simulated time (h)");
    assertThat(Axis.time(365 * 86_400).title()).isEqualTo("simulated time (days)");
    assertThat(Axis.time(365 * 86_400).ticks()).extracting(Axis.Tick::label)
        .containsExactly("0", "50", "100", "150", "200", "250", "300", "350");
    assertThat(Axis.time(365 * 86_400).hi()).isEqualTo(365 * 86_400);
  }

  @Test
  void a_log_axis_ticks_every_decade_and_units_scale_to_kilo_and_mega() {
    assertThat(Axis.log10(1, 340, "s").ticks()).extracting(Axis.Tick::label)
        .containsExactly("1", "10", "100", "1000");
    assertThat(Axis.scale("W", 400e3)).isEqualTo(new Axis.Scale(1e-3, "kW"));
    assertThat(Axis.scale("W", 2.5e6)).isEqualTo(new Axis.Scale(1e-6, "MW"));
    assertThat(Axis.scale("°C", 2.5e6)).isEqualTo(new Axis.Scale(1, "°C"));
    assertThat(List.of(Axis.scale("kWh", 999).unit())).containsExactly("kWh");
  }
}
