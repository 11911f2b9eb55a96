package dev.kelvin.predictor.load;

import dev.kelvin.datasets.load.LoadSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Which anchors training and testing may use, strictly ordered in time. A value is known at the
 * end of its interval. A training anchor's features and every one of its targets end at or
 * before the boundary; a test anchor is made at or after it, so everything a test forecast is
 * judged on lies after everything training saw. Series of all traces share the one boundary.
 * Where there are more anchors than a cap, a seeded uniform sample is kept per trace.
 */
public final class LoadSplit {
  /** The default boundary: this share of the data's time range is for training. */
  public static final double TRAIN_FRACTION = 0.7;

  private LoadSplit() {}

  /**
   * {@value #TRAIN_FRACTION} of the way from the earliest start to the latest end of the
   * series, at the start of that (UTC) day.
   */
  public static Instant defaultBoundary(List<LoadSeries> series) {
    Instant first = series.stream().map(LoadSeries::start).min(Instant::compareTo).orElseThrow();
    Instant last = series.stream().map(LoadSeries::end).max(Instant::compareTo).orElseThrow();
    Duration range = Duration.between(first, last);
    Instant cut = first.plusMillis((long) (range.toMillis() * TRAIN_FRACTION));
    Instant day = cut.truncatedTo(ChronoUnit.DAYS);
    return day.isAfter(first) ? day : cut;
  }

  /**
   * Anchors whose features and all targets (every horizon known) lie in {@code [from, until]}:
   * made at or after {@code from}, the longest horizon's interval ending by {@code until}.
   */
  static Map<String, List<SeriesPoint>> training(List<LoadSeries> series, LoadHorizons horizons,
      Instant from, Instant until, int capPerTrace, long seed) {
    Map<String, Reservoir> traces = new TreeMap<>();
    int longest = horizons.maxSteps();
    for (LoadSeries one : series) {
      Reservoir reservoir = traces.computeIfAbsent(one.trace(),
          trace -> new Reservoir(capPerTrace, seed ^ trace.hashCode()));
      int lastIndex = lastEndingBy(one, until) - longest;
      for (int i = firstMadeAtOrAfter(one, from); i <= lastIndex; i++) {
        if (allKnown(one, i, horizons)) {
          reservoir.offer(new SeriesPoint(one, i));
        }
      }
    }
    return sorted(traces);
  }

  /** Anchors made at or after {@code from} whose own value and shortest target are known. */
  static Map<String, List<SeriesPoint>> test(List<LoadSeries> series, LoadHorizons horizons,
      Instant from, int capPerTrace, long seed) {
    Map<String, Reservoir> traces = new TreeMap<>();
    int shortest = horizons.steps(0);
    for (LoadSeries one : series) {
      Reservoir reservoir = traces.computeIfAbsent(one.trace(),
          trace -> new Reservoir(capPerTrace, seed ^ trace.hashCode()));
      for (int i = firstMadeAtOrAfter(one, from); i + shortest < one.length(); i++) {
        if (!Double.isNaN(one.value(i)) && !Double.isNaN(one.value(i + shortest))) {
          reservoir.offer(new SeriesPoint(one, i));
        }
      }
    }
    return sorted(traces);
  }

  /** The first index whose interval ends at or after {@code from}. */
  static int firstMadeAtOrAfter(LoadSeries series, Instant from) {
    if (!from.isAfter(series.start())) {
      return 0;
    }
    long millis = Duration.between(series.start(), from).toMillis();
    long step = series.step().toMillis();
    long index = Math.floorDiv(millis + step - 1, step) - 1;
    return (int) Math.max(0, Math.min(index, series.length()));
  }

  /** The last index whose interval ends at or before {@code until}; -1 when none does. */
  static int lastEndingBy(LoadSeries series, Instant until) {
    if (!until.isBefore(series.end())) {
      return series.length() - 1;
    }
    if (!until.isAfter(series.start())) {
      return -1;
    }
    long millis = Duration.between(series.start(), until).toMillis();
    long index = Math.floorDiv(millis, series.step().toMillis()) - 1;
    return (int) Math.max(-1, Math.min(index, series.length() - 1));
  }

  private static boolean allKnown(LoadSeries series, int index, LoadHorizons horizons) {
    if (Double.isNaN(series.value(index))) {
      return false;
    }
    for (int h = 0; h < horizons.count(); h++) {
      if (Double.isNaN(series.value(index + horizons.steps(h)))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, List<SeriesPoint>> sorted(Map<String, Reservoir> traces) {
    Map<String, List<SeriesPoint>> points = new TreeMap<>();
    traces.forEach((trace, reservoir) -> {
      if (!reservoir.kept.isEmpty()) {
        points.put(trace, List.copyOf(reservoir.kept));
      }
    });
    return points;
  }

  /** A uniform sample of at most {@code cap} points, in the order offered when all fit. */
  private static final class Reservoir {
    private final int cap;
    private final SplittableRandom random;
    private final List<SeriesPoint> kept = new ArrayList<>();
    private long offered;

    Reservoir(int cap, long seed) {
      this.cap = cap;
      this.random = new SplittableRandom(seed);
    }

    void offer(SeriesPoint point) {
      offered++;
      if (kept.size() < cap) {
        kept.add(point);
      } else {
        long slot = random.nextLong(offered);
        if (slot < cap) {
          kept.set((int) slot, point);
        }
      }
    }
  }
}
