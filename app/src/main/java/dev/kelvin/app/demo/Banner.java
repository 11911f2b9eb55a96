package dev.kelvin.app.demo;

import dev.kelvin.app.VersionProvider;
import dev.kelvin.app.models.ModelsReport;
import dev.kelvin.predictor.forecast.TrainingReport;
import java.util.List;
import java.util.Locale;

/** What {@code kelvin demo} prints once it serves: where to look and what runs. */
final class Banner {
  private Banner() {}

  static List<String> lines(Demo demo) {
    int port = demo.mqttUri().getPort();
    return List.of(
        String.format(Locale.ROOT, "Kelvin %s demo ready in %.1f s", VersionProvider.version(),
            demo.startup().toMillis() / 1000.0),
        "  dashboard    " + demo.dashboardUri(),
        "  MQTT broker  " + demo.mqttUri() + " (embedded, logins made for this run; watch"
            + " read-only: mosquitto_sub -p " + port + " -u " + DemoLogins.WATCHER + " -P "
            + demo.logins().watcher(demo.mqttUri()).password().orElseThrow()
            + " -t 'kelvin/v1/#' -v)",
        String.format(Locale.ROOT, "  cluster      %d simulated nodes in %d racks at %s (seed %d),"
                + " one node agent each",
            demo.site().nodes().size(), demo.site().spec().racks(), demo.site().spec().site(),
            demo.site().seed()),
        "  models       " + ModelsReport.line(demo.controller().models().status()),
        powerModel(demo),
        "  rules        " + String.join(", ", demo.rules().ruleNames()),
        "Press Ctrl-C to stop.");
  }

  private static String powerModel(Demo demo) {
    if (demo.model().isEmpty()) {
      return "  power model  not trained at start-up (--train-power-model trains one)";
    }
    TrainingReport report = demo.model().get().report();
    return String.format(Locale.ROOT, "  power model  %s: next-minute node power, RMSE %.1f W"
            + " (persistence %.1f W) on %d held-out examples", report.modelVersion(),
        report.model().rmseWatts(), report.persistence().rmseWatts(),
        report.model().examples());
  }
}
