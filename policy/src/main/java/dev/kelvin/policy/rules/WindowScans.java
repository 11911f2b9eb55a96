package dev.kelvin.policy.rules;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.policy.rules.SetpointHistory.Setpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scans of each node's window of readings that the facts need (how long its setpoints have
 * held; whether its CPU cap settled, how hot it ran and whether the readings reach back over the
 * thermal settle time), kept from one tick to the next so that a tick reads only the readings
 * that arrived since the last one. A window of minutes at one reading a second, over 10,000
 * nodes, is millions of readings: scanning all of them every tick was most of a tick's time.
 *
 * <p>The kept result of a node is used only while it still describes the window: its latest
 * reading is among the window's last readings, the window reaches back no further than then,
 * and the setpoints (or the cap) read the same as then; else, and for a node not seen before,
 * the window is scanned whole. This relies on windows gaining readings only at their end,
 * which {@code ClusterState} ensures: it admits a reading only if it is newer than the node's
 * latest. The results are the
 * same as a whole scan's in every case ({@code WindowScansTest} checks that on random windows).
 * The thermal peak is rescanned when the reading that held it falls out of the settle time.
 *
 * <p>A window of one reading (telemetry not sampled between ticks) is read directly and its
 * node's kept result left as it was: it still describes the older readings it saw, and a later
 * window that reaches back to them scans everything newer.
 *
 * <p>Thread-safe: each node's kept result is one immutable record, replaced whole.
 */
public final class WindowScans {
  /** How far back from a window's end the last tick's latest reading is looked for. */
  private static final int MAX_NEW_READINGS = 64;

  private final Map<NodeId, Held> held = new ConcurrentHashMap<>();
  private final Map<NodeId, Thermal> thermal = new ConcurrentHashMap<>();

  /** What a node's window says about the last settle time, as the thermal rules read it. */
  record Settling(boolean capSettled, double peakCpuTempCelsius, boolean coversSettleTime) {}

  /** A kept setpoint scan: the time of the reading after the newest differing one. */
  private record Held(Instant first, NodeReading latest, Setpoints setpoints, Instant since) {}

  /** A kept thermal scan. */
  private record Thermal(Instant first, NodeReading latest, double capMhz,
      Instant capChangedAt, Duration settleTime, double peakCelsius, Instant peakAt) {}

  /** Seconds from the first reading of the node's current setpoints to {@code now}. */
  double setpointsHeldSeconds(NodeView view, Instant now) {
    List<NodeReading> window = view.window();
    if (window.size() == 1) {
      return seconds(window.get(0).at(), now);
    }
    int last = window.size() - 1;
    Held prior = held.get(view.id());
    int seen = prior == null ? -1 : indexOf(window, prior.first(), prior.latest());
    Setpoints setpoints = seen == last ? prior.setpoints() : Setpoints.of(window.get(last));
    Held next;
    if (seen >= 0 && prior.setpoints().identical(setpoints)) {
      int differing = SetpointHistory.newestDiffering(window, seen + 1, last, setpoints);
      next = new Held(window.get(0).at(), window.get(last), setpoints,
          differing > seen ? window.get(differing + 1).at() : prior.since());
    } else {
      int differing = SetpointHistory.newestDiffering(window, 0, last, setpoints);
      next = new Held(window.get(0).at(), window.get(last), setpoints,
          window.get(differing + 1).at());
    }
    held.put(view.id(), next);
    return seconds(later(next.since(), window.get(0).at()), now);
  }

  /** The node's CPU cap settling, peak temperature and coverage over {@code settleTime}. */
  Settling settling(NodeView view, Duration settleTime) {
    List<NodeReading> window = view.window();
    int last = window.size() - 1;
    NodeReading latest = window.get(last);
    if (last == 0) {
      double celsius = latest.metrics().getOrNaN(NodeMetric.CPU_TEMP_CELSIUS);
      return new Settling(true, Double.isNaN(celsius) ? Double.NEGATIVE_INFINITY : celsius,
          settleTime.isZero() || settleTime.isNegative());
    }
    Instant since = latest.at().minus(settleTime);
    double capMhz = latest.metrics().getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ);
    Thermal prior = thermal.get(view.id());
    int seen = prior == null ? -1 : indexOf(window, prior.first(), prior.latest());
    Thermal next = seen >= 0 && Double.compare(prior.capMhz(), capMhz) == 0
        && prior.settleTime().equals(settleTime)
        ? advance(prior, window, seen, since) : whole(window, capMhz, settleTime, since);
    thermal.put(view.id(), next);
    Instant covered = later(since, window.get(0).at());
    return new Settling(next.capChangedAt().isBefore(covered), next.peakCelsius(),
        !window.get(0).at().isAfter(since));
  }

  /** Forgets the nodes not in {@code nodes}, once more are kept than there are nodes. */
  void retainOnly(Set<NodeId> nodes) {
    if (held.size() > nodes.size()) {
      held.keySet().retainAll(nodes);
    }
    if (thermal.size() > nodes.size()) {
      thermal.keySet().retainAll(nodes);
    }
  }

  private static Thermal advance(Thermal prior, List<NodeReading> window, int seen,
      Instant since) {
    int last = window.size() - 1;
    int changed = SetpointHistory.newestCapDiffering(window, seen + 1, last, prior.capMhz());
    Instant capChangedAt = changed > seen ? window.get(changed).at() : prior.capChangedAt();
    if (prior.peakAt().isBefore(later(since, window.get(0).at()))) {
      return withPeak(window, prior.capMhz(), capChangedAt, prior.settleTime(), since);
    }
    double peak = prior.peakCelsius();
    Instant peakAt = prior.peakAt();
    for (int i = seen + 1; i <= last; i++) {
      double celsius = window.get(i).metrics().getOrNaN(NodeMetric.CPU_TEMP_CELSIUS);
      if (celsius >= peak) {
        peak = celsius;
        peakAt = window.get(i).at();
      }
    }
    return new Thermal(window.get(0).at(), window.get(last), prior.capMhz(), capChangedAt,
        prior.settleTime(), peak, peakAt);
  }

  private static Thermal whole(List<NodeReading> window, double capMhz, Duration settleTime,
      Instant since) {
    int last = window.size() - 1;
    int changed = SetpointHistory.newestCapDiffering(window, 0, last, capMhz);
    Instant capChangedAt = changed >= 0 ? window.get(changed).at() : Instant.MIN;
    return withPeak(window, capMhz, capChangedAt, settleTime, since);
  }

  /** The hottest reading at or after {@code since}, the newest of equals; MIN when none. */
  private static Thermal withPeak(List<NodeReading> window, double capMhz,
      Instant capChangedAt, Duration settleTime, Instant since) {
    double peak = Double.NEGATIVE_INFINITY;
    Instant peakAt = Instant.MIN;
    for (int i = window.size() - 1; i >= 0 && !window.get(i).at().isBefore(since); i--) {
      double celsius = window.get(i).metrics().getOrNaN(NodeMetric.CPU_TEMP_CELSIUS);
      if (celsius > peak) {
        peak = celsius;
        peakAt = window.get(i).at();
      }
    }
    return new Thermal(window.get(0).at(), window.get(window.size() - 1), capMhz,
        capChangedAt, settleTime, peak, peakAt);
  }

  /**
   * The index of {@code reading} among the window's last readings, or -1; -1 too when the
   * window reaches back before {@code first}, where the kept scan did not look.
   */
  private static int indexOf(List<NodeReading> window, Instant first, NodeReading reading) {
    if (window.get(0).at().isBefore(first)) {
      return -1;
    }
    int stop = Math.max(0, window.size() - 1 - MAX_NEW_READINGS);
    for (int i = window.size() - 1; i >= stop; i--) {
      NodeReading candidate = window.get(i);
      if (candidate == reading || candidate.equals(reading)) {
        return i;
      }
    }
    return -1;
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
