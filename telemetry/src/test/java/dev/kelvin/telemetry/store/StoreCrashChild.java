package dev.kelvin.telemetry.store;

import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Run by {@link StoreCrashIT} in a JVM of its own: a store whose InfluxDB does not answer, so
 * that everything goes to its spool in {@code args[0]}. It takes reading {@code n} of one node
 * (sequence number {@code n}, {@code args[1]} + n ms) as fast as it can, and prints
 * {@code spooled K} each time the store reports more points spooled, until it is killed.
 */
public final class StoreCrashChild {
  static final String PRINTED = "spooled ";
  static final NodeId NODE = NodeId.of("site-a", "n01");

  private StoreCrashChild() {}

  public static void main(String[] args) {
    Path spool = Path.of(args[0]);
    long t0 = Long.parseLong(args[1]);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
        StandardCharsets.US_ASCII);
    InfluxStore store = InfluxStore.open(settings(URI.create("http://127.0.0.1:1"),
        "kelvin_crash", spool), Clock.systemUTC());
    long printed = 0;
    for (long n = 0; ; n++) {
      store.accept(reading(t0, n), Instant.now());
      long spooled = store.stats().pointsSpooled();
      if (spooled > printed) {
        printed = spooled;
        out.print(PRINTED + spooled + "\n");
        out.flush();
      }
    }
  }

  /** Small batches, all kept in order: nothing overflows the writer's queue. */
  static InfluxSettings settings(URI url, String database, Path spool) {
    return InfluxSettings.defaults(url, database, spool)
        .withBatching(500, Duration.ofMillis(50), 1_000)
        .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(5))
        .withRetry(Duration.ofMillis(10), Duration.ofMillis(200));
  }

  static NodeReading reading(long t0, long n) {
    return new NodeReading(NODE, RackId.of("r1"), Instant.ofEpochMilli(t0 + n), n,
        MetricValues.builder().set(NodeMetric.POWER_WATTS, 300).build());
  }
}
