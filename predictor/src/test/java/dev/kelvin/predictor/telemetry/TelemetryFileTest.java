package dev.kelvin.predictor.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.predictor.features.NodeFeatureBatch;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.model.FeatureSet;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryFileTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final NodeId A = NodeId.of("a", "n0001");
  private static final NodeId B = NodeId.of("a", "n0002");
  private static final int WIDTH = NodeTelemetryFeatures.NAMES.size();

  @TempDir
  Path dir;

  private static double[] features(double first) {
    double[] values = new double[WIDTH];
    Arrays.fill(values, Double.NaN);
    values[0] = first;
    values[1] = 0.1;
    return values;
  }

  private static NodeFeatureBatch batch(Instant at, double first) {
    return new NodeFeatureBatch(at, List.of(A, B), List.of(features(first), features(-first)),
        new TreeMap<>());
  }

  private static List<TelemetryRow> readAll(Path file) {
    List<TelemetryRow> rows = new ArrayList<>();
    TelemetryFile.read(file, NodeTelemetryFeatures.FEATURES, rows::add);
    return rows;
  }

  @Test
  void labels_each_row_with_the_nodes_next_failure_and_reads_it_back() {
    Path file = dir.resolve("t.csv.gz");
    try (TelemetryRecorder recorder = new TelemetryRecorder(file, "test (seed 1)")) {
      recorder.record(batch(T0, 61.25));
      recorder.record(batch(T0.plusSeconds(120), 62.5));
      recorder.finish(List.of(new LabelledFailure(A, T0.plusSeconds(900), true),
          new LabelledFailure(A, T0.plusSeconds(5000), false)));
    }

    List<TelemetryRow> rows = readAll(file);

    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).node()).isEqualTo(A);
    assertThat(rows.get(0).secondsToFailure()).isEqualTo(900);
    assertThat(rows.get(0).failureWarned()).isTrue();
    assertThat(rows.get(0).failsWithin(Duration.ofMinutes(15))).isTrue();
    assertThat(rows.get(2).secondsToFailure()).isEqualTo(780);
    assertThat(rows.get(1).node()).isEqualTo(B);
    assertThat(rows.get(1).secondsToFailure()).isNaN();
    assertThat(rows.get(1).failsWithin(Duration.ofDays(365))).isFalse();
    assertThat(rows.get(0).features()[0]).isEqualTo(61.25);
    assertThat(rows.get(3).features()[0]).isEqualTo(-62.5);
    assertThat(rows.get(0).features()[1]).isEqualTo(0.1);
    assertThat(rows.get(0).features()[2]).isNaN();
    assertThat(dir.toFile().list()).containsExactly("t.csv.gz");
  }

  @Test
  void refuses_a_file_recorded_with_another_feature_set_naming_both() {
    Path file = dir.resolve("t.csv.gz");
    try (TelemetryRecorder recorder = new TelemetryRecorder(file, "test")) {
      recorder.record(batch(T0, 1));
      recorder.finish(List.of());
    }
    FeatureSet other = new FeatureSet("node-failure", List.of("x", "y"));

    assertThatThrownBy(() -> TelemetryFile.read(file, other, row -> { }))
        .isInstanceOf(TelemetryDataException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(NodeTelemetryFeatures.FEATURES.id())
        .hasMessageContaining(other.id());
  }

  @Test
  void refuses_a_file_that_is_no_telemetry_file() throws IOException {
    Path file = dir.resolve("t.csv.gz");
    write(file, "time,node\n1,a/n1\n");

    assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryDataException.class)
        .hasMessageContaining(file + ":1: not a Kelvin telemetry file");
  }

  @Test
  void skips_a_few_bad_rows_and_counts_them_by_reason() throws IOException {
    Path file = dir.resolve("t.csv.gz");
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < 300; k++) {
      text.append(row(T0.getEpochSecond() + k, "a/n0001", "", "", "1.5")).append('\n');
    }
    text.append(row(T0.getEpochSecond() + 400, "a/n0001", "", "", "x")).append('\n');
    text.append("1,2,3\n");
    write(file, header() + text);

    List<TelemetryRow> rows = new ArrayList<>();
    TelemetryReadReport report = TelemetryFile.read(file, NodeTelemetryFeatures.FEATURES,
        rows::add);

    assertThat(rows).hasSize(300);
    assertThat(report.rows()).isEqualTo(300);
    assertThat(report.badRows()).containsEntry("bad_number", 1L)
        .containsEntry("wrong_cell_count", 1L);
    assertThat(report.from()).contains(T0);
  }

  @Test
  void stops_when_more_than_one_percent_of_the_rows_are_bad() throws IOException {
    Path file = dir.resolve("t.csv.gz");
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < 50; k++) {
      text.append(row(T0.getEpochSecond() + k, "a/n0001", "", "", "1.5")).append('\n');
    }
    text.append(row(T0.getEpochSecond() + 60, "a/n0001", "-5", "1", "1")).append('\n');

    write(file, header() + text);

    assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryDataException.class)
        .hasMessageContaining("1 bad rows against 50 good")
        .hasMessageContaining("bad_label=1")
        .hasMessageContaining(file + ":55: ");
  }

  private static String header() throws IOException {
    java.io.StringWriter out = new java.io.StringWriter();
    TelemetryFile.writeHeader(out, "hand-made", NodeTelemetryFeatures.FEATURES);
    return out.toString();
  }

  private static String row(long timeS, String node, String toFailure, String warned,
      String first) {
    StringBuilder row = new StringBuilder(timeS + "," + node + "," + toFailure + "," + warned
        + "," + first);
    for (int k = 1; k < WIDTH; k++) {
      row.append(',');
    }
    return row.toString();
  }

  private static void write(Path file, String text) throws IOException {
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
        StandardCharsets.UTF_8)) {
      out.write(text);
    }
  }
}
