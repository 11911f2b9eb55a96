package dev.kelvin.app.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.app.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kelvin train load} and {@code kelvin eval load} on a small trace in PlanetLab's CSV. */
class LoadCommandsTest {
  @TempDir
  Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /** Ten consecutive days of six VMs with a daily cycle and bursts, in PlanetLab's CSV. */
  private Path planetLab() throws IOException {
    Path file = folder.resolve("planetlab_test.csv.gz");
    SplittableRandom random = new SplittableRandom(5);
    try (OutputStream raw = Files.newOutputStream(file);
        Writer csv = new java.io.OutputStreamWriter(new GZIPOutputStream(raw),
            StandardCharsets.US_ASCII)) {
      StringBuilder header = new StringBuilder("date,vm");
      for (int i = 0; i < 288; i++) {
        header.append(String.format(Locale.ROOT, ",t%03d", i));
      }
      csv.write(header + "\n");
      for (int day = 0; day < 10; day++) {
        String date = LocalDate.of(2011, 3, 1).plusDays(day)
            .format(DateTimeFormatter.BASIC_ISO_DATE);
        for (int vm = 0; vm < 6; vm++) {
          StringBuilder row = new StringBuilder(date + ",vm" + vm);
          double burst = 0;
          for (int i = 0; i < 288; i++) {
            burst = 0.7 * burst + (random.nextDouble() < 0.1 ? 30 * random.nextDouble() : 0);
            double cpu = 30 + 20 * Math.sin(2 * Math.PI * i / 288) + burst
                + 3 * random.nextGaussian();
            row.append(',').append(Math.max(0, Math.min(100, Math.round(cpu))));
          }
          csv.write(row + "\n");
        }
      }
    }
    return file;
  }

  @Test
  void trains_then_evaluates_on_later_days_only_with_json_and_a_report_page()
      throws IOException {
    Path data = planetLab();
    Path model = folder.resolve("load.kelvin");
    Path json = folder.resolve("out/load.json");
    Path html = folder.resolve("out/load.html");

    assertThat(run("train", "load", "--data", data.toString(), "--until", "2011-03-08",
        "--out", model.toString(), "--examples-per-trace", "1500")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("wrote " + model).contains("horizons [5m, 15m, 60m]");
    assertThat(err.toString()).contains("reading " + data).contains("no bad rows of 60")
        .contains("validation MASE of xgboost").contains("validation MASE of cart")
        .contains("chosen: ");

    assertThat(run("eval", "load", "--model", model.toString(), "--data", data.toString(),
        "--json", json.toString(), "--html", html.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("planetlab-vm").contains("overall (mean of traces)");
    assertThat(err.toString()).contains("forecasting from 2011-03-08T00:00:00Z on");
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    for (String key : new String[] {"mase", "baseline_mase", "seasonal_naive_mase"}) {
      assertThat(figures.get(key).fieldNames()).toIterable().containsExactly("5m", "15m", "60m");
    }
    JsonNode vms = figures.get("traces").get("planetlab-vm");
    for (String horizon : new String[] {"5m", "15m", "60m"}) {
      assertThat(vms.get("mase").get(horizon).asDouble()).as(horizon)
          .isLessThan(vms.get("baseline_mase").get(horizon).asDouble());
    }
    assertThat(figures.get("traces").has("planetlab-sum")).isTrue();
    assertThat(figures.get("test_from").asText()).isEqualTo("2011-03-08T00:00:00Z");
    String page = Files.readString(html);
    assertThat(page).contains("<svg").contains("MASE per trace and horizon")
        .contains("planetlab-vm: 60m ahead").doesNotContain("<script");

    assertThat(run("eval", "load", "--model", model.toString(), "--data", data.toString(),
        "--test-from", "2011-03-07")).isEqualTo(1);
    assertThat(err.toString()).contains("eval load: --test-from 2011-03-07T00:00:00Z is before"
        + " the end of the model's training data, 2011-03-08T00:00:00Z");
  }

  @Test
  void data_of_no_known_format_is_refused_naming_the_file() throws IOException {
    Path junk = Files.writeString(folder.resolve("load.txt"), "1,2,3\n");

    assertThat(run("train", "load", "--data", junk.toString(), "--out",
        folder.resolve("m.kelvin").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("train load: " + junk + ": not a load trace")
        .doesNotContain("Exception");
  }

  @Test
  void a_date_that_is_not_one_is_a_usage_error() {
    assertThat(run("train", "load", "--data", "x", "--out", "y", "--until", "April")).isEqualTo(2);
    assertThat(err.toString()).contains("'April' is not a date");
  }

  @Test
  void a_file_that_is_no_model_is_refused_with_its_path() throws IOException {
    Path data = planetLab();
    Path notModel = Files.writeString(folder.resolve("model.kelvin"), "no zip");

    assertThat(run("eval", "load", "--model", notModel.toString(), "--data", data.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("model file " + notModel);
  }
}
