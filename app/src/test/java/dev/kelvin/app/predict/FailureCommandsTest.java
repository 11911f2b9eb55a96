package dev.kelvin.app.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kelvin train failure} and {@code kelvin eval failure} end to end on a small made-up
 * disk failure log in the Alpine format: 30 enclosures over 500 days, three of them failing
 * twenty times as often. Training takes seconds, so one model is trained for all tests.
 */
class FailureCommandsTest {
  private static final DateTimeFormatter ALPINE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx");
  private static final String HEADER = ",Timestamp,SSC,SSU,Enclosure,Slot,Seagate slot,"
      + "Rack unit,Unique enclosure,Rack id,slot bin hor,slot bin ver\n";

  @TempDir
  static Path data;
  private static Path model;
  private static String trainOut;

  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void trainOnce() throws IOException {
    Path folder = Files.createDirectories(data.resolve("hpc-disk-failures"));
    Files.writeString(folder.resolve("alpine_formatted_data.csv"), HEADER + log(500, 20));
    model = data.resolve("disks.model");
    StringWriter trained = new StringWriter();
    int code = command(trained, new StringWriter()).execute("train", "failure", "--data",
        data.toString(), "--out", model.toString());
    trainOut = trained.toString();
    assertThat(code).as(trainOut).isZero();
  }

  /** {@code days} of failures; every {@code badEvery}-th row has a garbled time. */
  private static String log(int days, int badEvery) {
    SplittableRandom random = new SplittableRandom(5);
    OffsetDateTime start = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-5));
    StringBuilder rows = new StringBuilder();
    int row = 0;
    for (int day = 0; day < days; day++) {
      for (int enclosure = 0; enclosure < 30; enclosure++) {
        double rate = enclosure % 10 == 0 ? 0.06 : 0.003;
        if (random.nextDouble() < rate) {
          String time = start.plus(Duration.ofDays(day)).plusSeconds(random.nextInt(86_400))
              .format(ALPINE);
          if (badEvery > 0 && ++row % badEvery == 0) {
            time = "yesterday";
          }
          rows.append(row).append(',').append(time).append(",1,").append((char) ('a' + enclosure
              / 8)).append(',').append(enclosure % 8).append(",7,6,1,1,8,7,3\n");
        }
      }
    }
    return rows.toString();
  }

  private static CommandLine command(StringWriter out, StringWriter err) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine;
  }

  private int run(String... args) {
    return command(out, err).execute(args);
  }

  @Test
  void training_compares_both_algorithms_and_writes_the_model_it_kept() {
    assertThat(trainOut).contains("trees", "xgboost", "kept", "threshold");
    assertThat(model).isRegularFile();
  }

  @Test
  void evaluation_prints_the_table_and_writes_json_and_html_with_model_and_baseline()
      throws IOException {
    Path json = dir.resolve("eval.json");
    Path html = dir.resolve("report/eval.html");

    int code = run("eval", "failure", "--model", model.toString(), "--data", data.toString(),
        "--json", json.toString(), "--html", html.toString(), "--bootstrap", "20");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("alpine", "PR-AUC m/b", "failed in the last 7 days");
    assertThat(err.toString()).contains("disks: testing on", "scoring");
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    for (String key : new String[] {"pr_auc", "roc_auc", "precision", "recall",
        "baseline_pr_auc", "lead_time_median_s"}) {
      assertThat(figures.has(key)).as(key).isTrue();
    }
    assertThat(figures.path("systems").path("alpine").path("pr_auc").isNumber()).isTrue();
    assertThat(figures.path("model").path("horizon").asText()).isEqualTo("PT24H");
    assertThat(figures.path("failures").asInt()).isPositive();
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("Failure model evaluation",
        "<svg", "ROC, all systems", "Lead time of the failures caught").doesNotContain("<script");
  }

  @Test
  void a_corrupt_model_file_is_refused_with_its_path_and_reason() throws IOException {
    Path corrupt = dir.resolve("corrupt.model");
    Files.write(corrupt, Files.readAllBytes(model), java.nio.file.StandardOpenOption.CREATE);
    byte[] bytes = Files.readAllBytes(corrupt);
    Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    int code = run("eval", "failure", "--model", corrupt.toString(), "--data", data.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("kelvin eval failure: model file " + corrupt);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void testing_on_what_the_model_was_trained_on_is_refused() {
    int code = run("eval", "failure", "--model", model.toString(), "--data", data.toString(),
        "--test-from", "2020-02-01");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--test-from 2020-02-01T00:00:00Z is before",
        "it would be tested on data it was trained on");
  }

  @Test
  void too_many_bad_rows_stop_training_with_the_count_and_the_reason() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("hpc-disk-failures"));
    Files.writeString(folder.resolve("alpine_formatted_data.csv"), HEADER + log(500, 5));

    int code = run("train", "failure", "--data", dir.toString(), "--out",
        dir.resolve("m.model").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).containsPattern("alpine_formatted_data.csv: \\d+ rows, \\d+ bad"
        + " \\(\\d+ bad time; first: ").contains("the read stops");
    assertThat(dir.resolve("m.model")).doesNotExist();
  }

  @Test
  void a_folder_without_known_failure_data_is_refused_naming_what_is_known() {
    int code = run("train", "failure", "--data", dir.toString(), "--out",
        dir.resolve("m.model").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("holds no failure data Kelvin knows",
        "[lanl, grid5000, titan, disks, sim-telemetry]");
  }
}
