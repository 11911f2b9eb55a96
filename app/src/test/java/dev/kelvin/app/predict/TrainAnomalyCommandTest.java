package dev.kelvin.app.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kelvin train anomaly}'s options, refused before any data is read. */
class TrainAnomalyCommandTest {
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

  @Test
  void an_unknown_method_is_a_usage_error_naming_the_option_and_the_valid_methods() {
    Path model = folder.resolve("anomaly.model");

    int code = run("train", "anomaly", "--data", folder.resolve("none.csv.gz").toString(),
        "--out", model.toString(), "--method", "isolation_forest");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--method").contains("'isolation_forest'")
        .contains("peer_zscore, one_class_svm").doesNotContain("Exception");
    assertThat(model).doesNotExist();
  }

  @Test
  void a_method_is_named_as_the_model_file_names_it_not_as_the_enum_constant() {
    int code = run("train", "anomaly", "--data", folder.resolve("none.csv.gz").toString(),
        "--out", folder.resolve("anomaly.model").toString(), "--method", "PEER_ZSCORE");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("'PEER_ZSCORE' is no anomaly method");
  }

  @Test
  void a_known_method_passes_the_options_and_the_missing_data_is_refused_by_name() {
    Path missing = folder.resolve("none.csv.gz");

    int code = run("train", "anomaly", "--data", missing.toString(), "--out",
        folder.resolve("anomaly.model").toString(), "--method", "peer_zscore");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--data " + missing + " is no file");
  }
}
