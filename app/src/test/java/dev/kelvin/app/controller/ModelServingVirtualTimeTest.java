package dev.kelvin.app.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.app.models.ModelServing;
import dev.kelvin.app.models.TestFailureLoader;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.dashboard.Health;
import dev.kelvin.predictor.model.FeatureSet;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.serve.ModelFolder;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RulePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller serving model files, in virtual time: a model dropped into the folder while it
 * runs predicts at the next ticks, and a model of another feature set put in its place is
 * refused on {@code /health} and {@code /metrics} while the first one serves on.
 */
class ModelServingVirtualTimeTest {
  private static final Duration RELOAD = Duration.ofSeconds(10);
  private static final Instant UNTIL = Instant.parse("2024-06-01T00:00:00Z");
  private static RulePolicy rules;

  @TempDir
  Path dir;

  @BeforeAll
  static void compileRules() {
    rules = RulePolicy.load(PolicySettings.defaults(), new ActionIds(VirtualSite.START));
  }

  @Test
  void a_model_file_dropped_in_while_running_predicts_and_a_mismatched_one_is_refused()
      throws Exception {
    ModelServing models = new ModelServing(List.of(new TestFailureLoader()),
        List.of(ModelFolder.operator(dir)), RELOAD);
    try (VirtualSite site = new VirtualSite(rules, 42, models)) {
      site.scheduler.advanceBy(Duration.ofSeconds(5));
      assertThat(lastPredictions(site)).isEmpty();
      assertThat(predictorHealth(site).detail()).contains("no model serves");

      Path file = dir.resolve("failure.model");
      ModelFile first = TestFailureLoader.write(file, UNTIL);
      site.scheduler.advanceBy(RELOAD.multipliedBy(2).plusSeconds(2));

      assertThat(lastPredictions(site)).hasSize(32).allSatisfy(prediction -> {
        assertThat(prediction).isInstanceOf(FailureRisk.class);
        assertThat(prediction.modelVersion()).isEqualTo(first.version());
      });
      assertThat(predictorHealth(site).status()).isEqualTo(Health.Status.UP);

      FileTime before = Files.getLastModifiedTime(file);
      TestFailureLoader.write(file, UNTIL.plusSeconds(86_400), new FeatureSet(
          "test-node-window", List.of("power_w", "cpu_temp_mean_c", "fan_rpm", "cpu_util")));
      Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2_000));
      site.scheduler.advanceBy(RELOAD.multipliedBy(2).plusSeconds(2));

      assertThat(lastPredictions(site)).hasSize(32)
          .allSatisfy(p -> assertThat(p.modelVersion()).isEqualTo(first.version()));
      Health.Component health = predictorHealth(site);
      assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
      assertThat(health.detail()).contains(file.toString()).contains("fan_rpm");
      assertThat(site.controller.health().status()).isNotEqualTo(Health.Status.DOWN);
      String metrics = site.controller.metrics().scrape();
      assertThat(metrics).contains("kelvin_models_refused_total{reason=\"feature_set\"} 1.0")
          .contains("kelvin_models_served{kind=\"failure\"} 1.0")
          .contains("kelvin_predictor_predictions_total{kind=\"failure\"}")
          .contains("kelvin_predictor_model_seconds{kind=\"failure\",quantile=\"0.99\"}");
    }
  }

  private static List<Prediction> lastPredictions(VirtualSite site) {
    return site.controller.lastTick().map(TickReport::predictions).orElseThrow();
  }

  private static Health.Component predictorHealth(VirtualSite site) {
    return site.controller.health().components().get("predictor");
  }
}
