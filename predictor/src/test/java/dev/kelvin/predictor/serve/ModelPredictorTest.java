package dev.kelvin.predictor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.prediction.Anomaly;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ModelPredictorTest {
  private static final Instant UNTIL = Instant.parse("2024-06-01T00:00:00Z");

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock();
  private final Map<ModelKind, List<Duration>> timed = new EnumMap<>(ModelKind.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger predictorLog = (Logger) LoggerFactory.getLogger(ModelPredictor.class);

  @BeforeEach
  void captureLog() {
    logged.start();
    predictorLog.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    predictorLog.detachAppender(logged);
  }

  @Test
  void asks_every_model_once_per_tick_for_the_whole_snapshot_and_returns_all_predictions() {
    AtomicInteger calls = new AtomicInteger();
    List<Integer> sizes = new ArrayList<>();
    ActiveModel failure = active(ModelKind.FAILURE, snapshot -> {
      calls.incrementAndGet();
      sizes.add(snapshot.nodes().size());
      return List.of();
    });
    ActiveModel anomaly = active(ModelKind.ANOMALY, TestModelFiles.scoring(
        file(ModelKind.ANOMALY), 0.25)::predict);
    ModelPredictor predictor = predictor(List.of(failure, anomaly));

    List<Prediction> predictions = predictor.predict(snapshot(3));

    assertThat(calls).hasValue(1);
    assertThat(sizes).containsExactly(3);
    assertThat(predictions).hasSize(3).allSatisfy(p -> assertThat(((Anomaly) p).score())
        .isEqualTo(0.25));
    assertThat(predictor.stats(ModelKind.ANOMALY)).isEqualTo(new KindStats(1, 3, 0));
    assertThat(timed).containsOnlyKeys(ModelKind.FAILURE, ModelKind.ANOMALY);
  }

  @Test
  void a_model_that_throws_is_isolated_and_counted_while_the_others_still_predict() {
    ActiveModel failing = active(ModelKind.FAILURE, snapshot -> {
      throw new IllegalStateException("feature index out of range");
    });
    ActiveModel anomaly = active(ModelKind.ANOMALY, TestModelFiles.scoring(
        file(ModelKind.ANOMALY), 0.5)::predict);
    ModelPredictor predictor = predictor(List.of(failing, anomaly));

    List<Prediction> predictions = predictor.predict(snapshot(2));

    assertThat(predictions).hasSize(2).allMatch(p -> p instanceof Anomaly);
    assertThat(predictor.stats(ModelKind.FAILURE)).isEqualTo(new KindStats(1, 0, 1));
    assertThat(timed.get(ModelKind.FAILURE)).as("a failure is timed too").hasSize(1);
  }

  @Test
  void logs_a_failing_model_at_most_once_a_minute_and_counts_every_failure() {
    ModelPredictor predictor = predictor(List.of(active(ModelKind.FAILURE, snapshot -> {
      throw new IllegalStateException("broken");
    })));

    for (int tick = 0; tick < 30; tick++) {
      predictor.predict(snapshot(1));
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(logged.list).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    predictor.predict(snapshot(1));

    assertThat(logged.list).hasSize(2);
    assertThat(logged.list.get(1).getFormattedMessage()).contains("31 failure(s)");
    assertThat(predictor.stats(ModelKind.FAILURE).failures()).isEqualTo(31);
  }

  @Test
  void predicts_nothing_without_a_model() {
    assertThat(predictor(List.of()).predict(snapshot(4))).isEmpty();
  }

  private ModelPredictor predictor(List<ActiveModel> active) {
    return new ModelPredictor(() -> active,
        (kind, took) -> timed.computeIfAbsent(kind, k -> new ArrayList<>()).add(took), clock);
  }

  private ActiveModel active(ModelKind kind, Predicting predicting) {
    ModelFile file = file(kind);
    return new ActiveModel(kind, new ServedModel() {
      @Override
      public ModelFile file() {
        return file;
      }

      @Override
      public List<Prediction> predict(ClusterSnapshot snapshot) {
        return predicting.predict(snapshot);
      }
    }, "models_dir", clock.instant(), false);
  }

  private ModelFile file(ModelKind kind) {
    return TestModelFiles.write(dir.resolve(kind.wireName() + ".model"), kind, UNTIL);
  }

  private ClusterSnapshot snapshot(int nodes) {
    List<NodeView> views = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      NodeReading reading = Readings.reading().node(NodeId.of("site-a", "n0" + i))
          .at(clock.instant()).build();
      views.add(new NodeView(reading.node(), reading.rack(), reading, List.of(reading),
          clock.instant(), false));
    }
    return ClusterSnapshot.of(clock.instant(), views);
  }

  @FunctionalInterface
  private interface Predicting {
    List<Prediction> predict(ClusterSnapshot snapshot);
  }
}
