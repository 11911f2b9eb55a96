package dev.kelvin.app.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.app.models.ModelServing;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.dashboard.Health;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.telemetry.store.InfluxSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo site's controller in virtual time, serving the shipped load model, with a store
 * whose InfluxDB does not answer (nothing listens on its port): the history backfill fails on
 * its own threads while the control loop ticks on; {@code /health} and {@code /metrics} say so,
 * and the load model forecasts from its live ticks as without a store.
 */
class BackfillUnavailableIT {
  @TempDir
  Path spoolDir;

  @Test
  void influxdb_down_at_start_leaves_the_load_model_on_live_ticks_and_says_so() {
    RulePolicy rules = RulePolicy.load(PolicySettings.defaults(),
        new ActionIds(VirtualSite.START));
    ModelServing models = ModelServing.standard(Optional.empty(), "--models",
        ModelServing.DEFAULT_RELOAD_EVERY);
    InfluxSettings nothingListens = InfluxSettings.defaults(URI.create("http://127.0.0.1:1"),
        "kelvin", spoolDir);
    try (VirtualSite site = new VirtualSite(rules, 42, models, nothingListens)) {
      await("the backfill's failure on /health").atMost(Duration.ofSeconds(30)).until(() -> {
        site.scheduler.advanceBy(Duration.ofSeconds(1));
        return backfill(site).status() == Health.Status.DEGRADED;
      });

      assertThat(backfill(site).detail()).contains("127.0.0.1:1", "no answer",
          "forecast from their live ticks only");
      assertThat(site.controller.lastTick().map(TickReport::at)).as("the loop ticked on")
          .hasValue(site.scheduler.now());
      assertThat(site.controller.metrics().scrape())
          .contains("kelvin_predictor_backfill_failing 1.0")
          .as("the load model's 32 nodes and their site").contains(
              "kelvin_predictor_backfill_scopes_total{outcome=\"failed\",read=\"load\"} 33.0")
          .as("the same 32 nodes' memory error counters, for the failure and anomaly features")
          .contains(
              "kelvin_predictor_backfill_scopes_total{outcome=\"failed\",read=\"counters\"} 32.0");

      site.scheduler.advanceBy(Duration.ofMinutes(11));
      assertThat(site.controller.lastTick().orElseThrow().predictions())
          .as("load forecasts from the live ticks").anyMatch(LoadForecast.class::isInstance);
    }
  }

  private static Health.Component backfill(VirtualSite site) {
    return site.controller.health().components().get("history-backfill");
  }
}
