package dev.kelvin.predictor.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.prediction.Anomaly;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.anomaly.AnomalyTrainer;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.telemetry.SyntheticTelemetry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyModelLoaderTest {
  @TempDir
  static Path dir;
  static ModelFile trained;

  @BeforeAll
  static void trainAnAnomalyModel() {
    Path data = dir.resolve("telemetry.csv.gz");
    SyntheticTelemetry.write(data, 30, 600, 4, 100);
    trained = AnomalyTrainer.train(data, "cd".repeat(32), SyntheticTelemetry.tick(450),
        dir.resolve("anomaly.zip"), line -> { }).file();
  }

  @Test
  void scores_the_one_node_whose_errors_climb_as_most_unusual_of_its_peers() {
    ServedModel served = new AnomalyModelLoader().load(ModelFile.read(trained.path()));
    List<IntToDoubleFunction> counters = new ArrayList<>();
    counters.add(m -> m < 40 ? 5 : 5 + 3 * (m - 40));
    for (int k = 1; k < 20; k++) {
      counters.add(m -> 5);
    }
    List<Prediction> last = List.of();

    for (int m = 10; m <= 50; m += 2) {
      last = served.predict(Snapshots.at(m, counters.toArray(new IntToDoubleFunction[0]),
          List.of(19)));
    }

    assertThat(last).hasSize(19).allSatisfy(p -> assertThat(p.modelVersion())
        .isEqualTo(trained.version()));
    Anomaly climbing = (Anomaly) last.get(0);
    assertThat(climbing.node()).isEqualTo(Snapshots.node(0));
    assertThat(climbing.score()).isGreaterThan(0.99);
    assertThat(last.subList(1, 19)).allSatisfy(p -> assertThat(((Anomaly) p).score())
        .isLessThan(climbing.score()));
  }

  @Test
  void refuses_a_model_of_another_kind_naming_the_file() {
    assertThatThrownBy(() -> new FailureModelLoader().load(ModelFile.read(trained.path())))
        .isInstanceOf(ModelFileException.class).hasMessageContaining("anomaly.zip")
        .hasMessageContaining("expected a failure model");
  }
}
