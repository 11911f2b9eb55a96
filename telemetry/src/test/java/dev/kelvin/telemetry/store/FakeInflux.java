package dev.kelvin.telemetry.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A {@link LineWriter} that stores lines as InfluxDB would (one point per identity: a line
 * without its fields, measurement + tags + timestamp) while it is up, fails while it is down,
 * and refuses any line containing {@code conflict} with a 400 as InfluxDB refuses a field type
 * conflict, storing the rest. Each write takes {@code writeNanos} of the test's clock.
 */
final class FakeInflux implements LineWriter {
  private final Map<String, String> points = new LinkedHashMap<>();
  private final List<Integer> batchSizes = new ArrayList<>();
  private final FakeNanos clock;
  private boolean up = true;
  private int writes;
  private long writeNanos;
  private boolean closed;

  FakeInflux(FakeNanos clock) {
    this.clock = clock;
  }

  @Override
  public WriteOutcome write(String lines, int points) {
    writes++;
    clock.advance(writeNanos);
    if (!up) {
      return new WriteOutcome.Failed("connection refused (test)");
    }
    int conflicts = 0;
    for (String line : lines.split("\n")) {
      if (line.contains("conflict")) {
        conflicts++;
      } else {
        this.points.put(identity(line), line);
      }
    }
    batchSizes.add(points);
    return conflicts == 0 ? new WriteOutcome.Written() : Refusals.of("partial write: field type"
        + " conflict: input field \"x\" is type string, already exists as type float dropped="
        + conflicts, points);
  }

  @Override
  public void close() {
    closed = true;
  }

  void up(boolean value) {
    up = value;
  }

  void writeTakes(long nanos) {
    writeNanos = nanos;
  }

  /** The lines stored, one per identity, in the order first stored. */
  List<String> stored() {
    return new ArrayList<>(points.values());
  }

  /** The point count of each write InfluxDB answered, in order. */
  List<Integer> batchSizes() {
    return batchSizes;
  }

  int writes() {
    return writes;
  }

  boolean closed() {
    return closed;
  }

  private static String identity(String line) {
    int fields = line.indexOf(' ');
    int time = line.lastIndexOf(' ');
    return line.substring(0, fields) + line.substring(time);
  }

  /** A nanosecond clock tests move by hand. */
  static final class FakeNanos implements LongSupplier {
    private long now = 1_000_000_000_000L;

    @Override
    public synchronized long getAsLong() {
      return now;
    }

    synchronized void advance(long nanos) {
      now += nanos;
    }

    void advanceMillis(long millis) {
      advance(millis * 1_000_000L);
    }
  }
}
