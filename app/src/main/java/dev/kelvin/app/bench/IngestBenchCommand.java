package dev.kelvin.app.bench;

import dev.kelvin.app.VersionProvider;
import dev.kelvin.core.wire.MqttEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin bench ingest}: readings published through a real Mosquitto into Kelvin and
 * InfluxDB, beside a bare subscriber that only counts, in the same run (docs/performance.md).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Publishes batches of readings through a real Mosquitto into Kelvin and"
        + " InfluxDB, beside a bare subscriber that only counts, and prints readings/s stored,"
        + " readings lost and the ratio.")
public final class IngestBenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "30", paramLabel = "N",
      description = "How long the publisher publishes in each run (default: ${DEFAULT-VALUE}).")
  private int seconds;

  @Option(names = "--nodes", defaultValue = "10000", paramLabel = "N",
      description = "Distinct nodes the readings come from (default: ${DEFAULT-VALUE}).")
  private int nodes;

  @Option(names = "--batch", defaultValue = "100", paramLabel = "N",
      description = "Readings per MQTT message (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(names = "--services", defaultValue = "scripts/services.sh", paramLabel = "SCRIPT",
      description = "The script that starts, stops and describes Mosquitto and InfluxDB"
          + " (default: ${DEFAULT-VALUE}).")
  private Path services;

  @Option(names = "--warmup", defaultValue = "10", paramLabel = "N",
      description = "Seconds of publishing to the bare subscriber, to Kelvin's ingest (store"
          + " left out) and into InfluxDB before the measured runs, not counted, so that the"
          + " measured runs find the code compiled and the nodes' series in the database as in"
          + " a controller that has run a while; 0 for none (default: ${DEFAULT-VALUE}).")
  private int warmupSeconds;

  /** The time the measured run's readings are stamped from, as the publisher stamps them. */
  private final Clock clock = Clock.systemUTC();

  @Option(names = "--quick", description = "Publish for 5 s per run: a smoke run.")
  private boolean quick;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the figures to FILE as JSON.")
  private Path json;

  @Override
  public Integer call() throws Exception {
    BenchTable table = new BenchTable(spec.commandLine().getOut());
    String machine = BenchCommand.machine();
    Duration duration = Duration.ofSeconds(quick ? 5 : seconds);
    Runs runs;
    try (QuietLogs quiet = QuietLogs.raiseToWarn();
        BenchServices running = BenchServices.start(services);
        BenchStores.Database database = new BenchStores.Database(running)) {
      table.header(machine);
      warmUp(broker(running), database);
      runs = measure(broker(running), database, table, duration);
      table.line(String.format(Locale.ROOT, "ratio %.2f of the bare subscriber, %d lost,"
          + " %d readings per message, %d nodes, %d s of publishing per run", runs.ratio(),
          runs.kelvin().lost(), batch, nodes, duration.toSeconds()));
      if (warmupSeconds > 0) {
        table.line(String.format(Locale.ROOT, "warm-up: %d s of publishing to the bare"
            + " subscriber, to Kelvin's ingest with the store left out and into InfluxDB (the"
            + " measured run's database, so its nodes' series exist) before the runs, not"
            + " counted", warmupSeconds));
      }
    }
    if (json != null) {
      JsonFile.write(json, figures(machine, runs.bare(), runs.kelvin()));
    }
    return runs.kelvin().lost() == 0 ? 0 : 1;
  }

  /** The bare subscriber's run and Kelvin's into InfluxDB, the measured ones. */
  private record Runs(IngestBench.Run bare, IngestBench.Run kelvin) {
    double ratio() {
      return IngestBenchCommand.ratio(kelvin, bare);
    }
  }

  private Runs measure(MqttEndpoint broker, BenchStores.Database database, BenchTable table,
      Duration duration) throws Exception {
    IngestBench bench = new IngestBench(broker, nodes, batch, duration);
    IngestBench.Run bare = bench.bare();
    table.row(row("bare subscriber (counts only)", bare));
    try (IngestBench.Store store = BenchStores.counting()) {
      table.row(row("Kelvin ingest, store left out", bench.kelvin(store)));
    }
    IngestBench.Run kelvin;
    try (IngestBench.Store store = database.store(clock.instant())) {
      kelvin = bench.kelvin(store);
    }
    table.row(row("Kelvin ingest into InfluxDB", kelvin));
    return new Runs(bare, kelvin);
  }

  /**
   * Runs the bare subscriber, Kelvin's store-less ingest and Kelvin's ingest into
   * {@code database} for the warm-up, uncounted.
   */
  private void warmUp(MqttEndpoint broker, BenchStores.Database database) throws Exception {
    if (warmupSeconds <= 0) {
      return;
    }
    IngestBench warm = new IngestBench(broker, nodes, batch, Duration.ofSeconds(warmupSeconds));
    warm.bare();
    try (IngestBench.Store store = BenchStores.counting()) {
      warm.kelvin(store);
    }
    try (IngestBench.Store store = database.store(Instant.EPOCH)) {
      warm.kelvin(store);
    }
  }

  private Map<String, Object> figures(String machine, IngestBench.Run bare,
      IngestBench.Run kelvin) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("version", VersionProvider.version());
    figures.put("machine", machine);
    figures.put("stored_readings_per_s", kelvin.perSecond());
    figures.put("lost", kelvin.lost());
    figures.put("bare_readings_per_s", bare.perSecond());
    figures.put("ratio", ratio(kelvin, bare));
    figures.put("published", kelvin.published());
    figures.put("stored", kelvin.arrived());
    figures.put("bare_lost", bare.lost());
    figures.put("readings_per_message", batch);
    figures.put("nodes", nodes);
    figures.put("publish_seconds", quick ? 5 : seconds);
    figures.put("warmup_seconds", Math.max(warmupSeconds, 0));
    return figures;
  }

  private static double ratio(IngestBench.Run kelvin, IngestBench.Run bare) {
    return bare.perSecond() > 0 ? kelvin.perSecond() / bare.perSecond() : 0;
  }

  private static BenchResult row(String name, IngestBench.Run run) {
    return new BenchResult(name, String.format(Locale.ROOT, "%,d readings", run.published()),
        String.format(Locale.ROOT, "%,.0f readings/s", run.perSecond()),
        String.format(Locale.ROOT, "%,d lost in %.1f s", run.lost(), run.seconds()));
  }

  private static MqttEndpoint broker(BenchServices running) {
    return MqttEndpoint.withLogin(URI.create(running.get("KELVIN_IT_MQTT_URL")),
        running.get("KELVIN_IT_MQTT_USERNAME"), running.get("KELVIN_IT_MQTT_PASSWORD"));
  }
}
