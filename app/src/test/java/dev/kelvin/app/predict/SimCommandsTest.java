package dev.kelvin.app.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.app.Main;
import dev.kelvin.predictor.anomaly.AnomalyMethod;
import dev.kelvin.predictor.anomaly.AnomalyModel;
import dev.kelvin.predictor.anomaly.MethodChoice;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.telemetry.SimTelemetrySource;
import dev.kelvin.predictor.telemetry.TelemetryFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The telemetry commands end to end: {@code kelvin simulate --record-features} on 32 nodes over
 * two days with many failures, {@code kelvin train/eval anomaly} and {@code kelvin train/eval
 * failure} on the file. Skipped when the reference data is absent.
 */
class SimCommandsTest {
  private static final Path TRACE = Path.of(System.getProperty("kelvin.data.dir",
      "../shared/data")).resolve("swf-kth-sp2-1996/KTH-SP2-1996-2.1-cln.swf.gz");

  @TempDir
  static Path dir;
  static Path telemetry;
  static Path anomalyModel;

  @TempDir
  Path out;

  private static int run(StringWriter stdout, StringWriter stderr, String... args) {
    CommandLine command = Main.commandLine();
    command.setOut(new PrintWriter(stdout, true));
    command.setErr(new PrintWriter(stderr, true));
    return command.execute(args);
  }

  @BeforeAll
  static void recordAndTrainAnomaly() throws IOException {
    assumeTrue(Files.isRegularFile(TRACE), "reference data not present: " + TRACE);
    Path scenario = Files.writeString(dir.resolve("rec.yaml"), "name: rec\nseed: 5\n"
        + "trace: { file: " + TRACE.toAbsolutePath() + ", start_day: 30, days: 2,"
        + " load_scale: 2 }\nsites: [ { name: a, nodes: 32 } ]\n"
        + "control: { interval: 2m, policy: default }\n"
        + "telemetry: { sample_every: 1m, window: 10 }\n"
        + "failures: { model: lanl, rate_scale: 100, precursor_share: 0.8 }\n");
    telemetry = dir.resolve("rec.csv.gz");
    StringWriter err = new StringWriter();
    assertThat(run(new StringWriter(), err, "simulate", "--scenario", scenario.toString(),
        "--out", dir.resolve("report").toString(), "--record-features", telemetry.toString()))
        .as(err.toString()).isZero();
    anomalyModel = dir.resolve("anomaly.model");
    StringWriter trainErr = new StringWriter();
    assertThat(run(new StringWriter(), trainErr, "train", "anomaly", "--data",
        telemetry.toString(), "--out", anomalyModel.toString())).as(trainErr.toString())
        .isZero();
  }

  @Test
  void records_a_telemetry_file_with_labelled_rows() {
    long[] rows = new long[2];
    TelemetryFile.read(telemetry, NodeTelemetryFeatures.FEATURES, row -> {
      rows[0]++;
      rows[1] += Double.isNaN(row.secondsToFailure()) ? 0 : 1;
    });

    assertThat(new SimTelemetrySource().matches(telemetry)).isTrue();
    assertThat(rows[0]).isGreaterThan(32 * 600);
    assertThat(rows[1]).isPositive().isLessThan(rows[0]);
  }

  @Test
  void evaluates_the_anomaly_model_on_the_later_ticks_with_json_and_html() throws IOException {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    Path json = out.resolve("a.json");
    Path html = out.resolve("a.html");

    int code = run(stdout, stderr, "eval", "anomaly", "--model", anomalyModel.toString(),
        "--data", telemetry.toString(), "--json", json.toString(), "--html", html.toString());

    assertThat(code).as(stderr.toString()).isZero();
    assertThat(stdout.toString()).contains("peer_zscore").contains("one_class_svm")
        .contains("baseline").contains("kept");
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    for (String key : new String[] {"roc_auc", "pr_auc", "precision", "recall",
        "baseline_roc_auc", "baseline_pr_auc", "lead_time_median_s", "threshold"}) {
      assertThat(figures.has(key)).as(key).isTrue();
    }
    assertThat(figures.path("scorers").size()).isEqualTo(3);
    assertThat(Files.readString(html)).contains("<svg").contains("Anomaly model evaluation");
  }

  @Test
  void keeps_the_anomaly_method_the_operator_names_and_records_who_chose_it() {
    for (AnomalyMethod named : AnomalyMethod.values()) {
      Path model = out.resolve(named.wireName() + ".model");
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();

      int code = run(stdout, stderr, "train", "anomaly", "--data", telemetry.toString(),
          "--method", named.wireName(), "--out", model.toString());

      assertThat(code).as(stderr.toString()).isZero();
      assertThat(stdout.toString()).containsPattern(named.wireName() + " .* kept \\(chosen by"
          + " operator\\)");
      AnomalyModel read = AnomalyModel.of(ModelFile.read(model));
      assertThat(read.method()).isEqualTo(named);
      assertThat(read.chosenBy()).isEqualTo(MethodChoice.OPERATOR);
    }
    assertThat(AnomalyModel.of(ModelFile.read(anomalyModel)).chosenBy())
        .isEqualTo(MethodChoice.VALIDATION);
  }

  @Test
  void refuses_to_test_the_anomaly_model_on_what_it_was_trained_on() {
    StringWriter stderr = new StringWriter();

    int code = run(new StringWriter(), stderr, "eval", "anomaly", "--model",
        anomalyModel.toString(), "--data", telemetry.toString(), "--test-from", "2024-01-01");

    assertThat(code).isEqualTo(1);
    assertThat(stderr.toString()).contains("--test-from").contains("where the model's training"
        + " ended");
  }

  @Test
  void refuses_a_telemetry_file_that_is_not_one_naming_it() throws IOException {
    Path junk = Files.writeString(out.resolve("junk.csv.gz"), "time,node\n");
    StringWriter stderr = new StringWriter();

    int code = run(new StringWriter(), stderr, "train", "anomaly", "--data", junk.toString(),
        "--out", out.resolve("x.model").toString());

    assertThat(code).isEqualTo(1);
    assertThat(stderr.toString()).contains(junk.toString());
  }

  @Test
  void trains_and_evaluates_a_failure_model_on_the_recording_apart_for_warned_failures() {
    Path model = out.resolve("failure.model");
    StringWriter trainErr = new StringWriter();
    assertThat(run(new StringWriter(), trainErr, "train", "failure", "--data",
        telemetry.toString(), "--out", model.toString())).as(trainErr.toString()).isZero();
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();

    int code = run(stdout, stderr, "eval", "failure", "--model", model.toString(), "--data",
        telemetry.toString(), "--bootstrap", "0");

    assertThat(code).as(stderr.toString()).isZero();
    assertThat(stdout.toString()).contains("sim-a").contains("failures with precursors: ")
        .contains("failures without warning: ");
  }
}
