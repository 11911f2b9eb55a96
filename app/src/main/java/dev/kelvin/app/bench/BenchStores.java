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
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** The stores {@code kelvin bench ingest} writes into. */
final class BenchStores {
  private BenchStores() {}

  /**
   * A database of its own on the services' InfluxDB, created at once and dropped at close, that
   * the warm-up and the measured run both write to: so the measured run finds its nodes' series
   * already there, as a store that has run a while does.
   */
  static final class Database implements AutoCloseable {
    private final BenchServices running;
    private final String name = "kelvin_bench_" + UUID.randomUUID().toString().substring(0, 8);
    /** The folder of the stores' disk spools, deleted at close. */
    private final Path spools;
    private final InfluxAdmin admin;

    Database(BenchServices running) throws IOException {
      this.running = running;
      this.spools = Files.createTempDirectory("kelvin-bench-spools");
      this.admin = new InfluxAdmin(settings(spools));
      admin.createDatabase();
    }

    /**
     * Kelvin's InfluxDB store with a disk spool of its own, into this database; it counts the
     * readings stamped at {@code countFrom} or later (by a query), those of its own run.
     */
    IngestBench.Store store(Instant countFrom) throws IOException {
      Path spool = Files.createTempDirectory(spools, "spool");
      InfluxStore store = InfluxStore.open(settings(spool), Clock.systemUTC());
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
          return admin.count("SELECT count(power_w) FROM node WHERE time >= "
              + countFrom.toEpochMilli() + "ms");
        }

        @Override
        public void close() {
          store.close();
        }
      };
    }

    private InfluxSettings settings(Path spool) {
      return InfluxSettings.defaults(URI.create(running.get("KELVIN_IT_INFLUX_URL")), name, spool)
          .withLogin(running.get("KELVIN_IT_INFLUX_USERNAME"),
              running.get("KELVIN_IT_INFLUX_PASSWORD"));
    }

    @Override
    public void close() {
      admin.dropDatabase();
      admin.close();
      delete(spools);
    }
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
