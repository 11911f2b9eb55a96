package dev.kelvin.app.bench;

import dev.kelvin.core.port.ReadingSink;
import dev.kelvin.telemetry.store.InfluxAdmin;
import dev.kelvin.telemetry.store.InfluxSettings;
import dev.kelvin.telemetry.store.InfluxStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** The stores {@code kelvin bench ingest} writes into. */
final class BenchStores {
  private BenchStores() {}

  /**
   * Kelvin's InfluxDB store with its disk spool, on the services' InfluxDB, in a database of
   * its own that is dropped at the end; readings are counted by a query.
   */
  static IngestBench.Store influx(BenchServices running) throws IOException {
    Path spool = Files.createTempDirectory("kelvin-bench-spool");
    InfluxSettings settings = InfluxSettings.defaults(
        URI.create(running.get("KELVIN_IT_INFLUX_URL")),
        "kelvin_bench_" + UUID.randomUUID().toString().substring(0, 8), spool)
        .withLogin(running.get("KELVIN_IT_INFLUX_USERNAME"),
            running.get("KELVIN_IT_INFLUX_PASSWORD"));
    InfluxAdmin admin = new InfluxAdmin(settings);
    admin.createDatabase();
    InfluxStore store = InfluxStore.open(settings, Clock.systemUTC());
    return new IngestBench.Store() {
      @Override
      public ReadingSink sink() {
        return store;
      }

      @Override
      public long stored() {
        return store.stats().pointsWritten();
      }

      @Override
      public long counted() {
        return admin.count("SELECT count(power_w) FROM node");
      }

      @Override
      public void close() {
        store.close();
        admin.dropDatabase();
        admin.close();
        delete(spool);
      }
    };
  }

  /** Counts readings in memory: Kelvin's ingest with the store's cost left out. */
  static IngestBench.Store counting() {
    AtomicLong count = new AtomicLong();
    ReadingSink sink = (reading, at) -> count.incrementAndGet();
    return new IngestBench.Store() {
      @Override
      public ReadingSink sink() {
        return sink;
      }

      @Override
      public long stored() {
        return count.get();
      }

      @Override
      public long counted() {
        return count.get();
      }

      @Override
      public void close() { }
    };
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
