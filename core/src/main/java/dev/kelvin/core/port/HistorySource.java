package dev.kelvin.core.port;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where past readings are asked for: the dashboard's power chart and the predictor's histories (the
 * load model's steps, the failure features' counters and the nodes' failures). A backend answers in
 * steps: the range {@code [from, to)} is cut into steps of {@code step}, aligned to whole multiples
 * of {@code step} since the epoch ({@code from} is rounded down to one, so that every step is
 * whole), and each step with data gives one point stamped with the step's start, oldest first. A
 * step with no data gives no point, never a zero, and a range with no data answers an empty list.
 *
 * <p>A range of more than {@link #MAX_POINTS} steps, a step below {@link #MIN_STEP} or a range
 * that ends before it starts is refused with an {@link IllegalArgumentException} naming the
 * argument (see {@link #checkRange}); a backend that cannot answer (down, slow, refusing the
 * login) throws {@link Unavailable}. Implementations are thread-safe.
 */
public interface HistorySource {
  /** The most steps one answer may hold. */
  int MAX_POINTS = 10_000;
  /** The finest step: readings arrive about once a second. */
  Duration MIN_STEP = Duration.ofSeconds(1);

  /**
   * The total power of {@code site} (of every site when empty) per step: the sum over nodes of
   * each node's mean power within the step. A node that sent nothing in a step adds nothing.
   */
  List<PowerPoint> sitePower(Optional<SiteId> site, Instant from, Instant to, Duration step);

  /** The mean of one node-level {@code metric} of {@code node} per step, in the metric's unit. */
  List<MetricPoint> nodeSeries(NodeId node, NodeMetric metric, Instant from, Instant to,
      Duration step);

  /**
   * The last value of one node-level {@code metric} of {@code node} per step, in the metric's
   * unit, stamped like every point with the step's start (not with the time it was read): the
   * value at a point in time, for counters, whose mean per step means little.
   */
  List<MetricPoint> nodeLast(NodeId node, NodeMetric metric, Instant from, Instant to,
      Duration step);

  /**
   * The failures of the nodes of {@code site} (of every site when empty) in {@code [from, to)},
   * as the store kept the nodes' changes of availability: each change to {@code DOWN} stamped
   * inside the range from a state that was not (the node's last change before the range
   * included) is one failure, at its {@code since}, as the live features count them. One entry per node with any change
   * stored before {@code to}, failures or not, in node order; none when nothing was stored.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  List<NodeFailures> nodeFailures(Optional<SiteId> site, Instant from, Instant to);

  /**
   * One node's failures read back.
   *
   * @param watchedSince since when the store knows the node: its earliest change stored, but no
   *     earlier than the range's start (a node known before the range counts as watched over the
   *     whole range)
   * @param failures the starts of its failures in the range, oldest first, each once
   */
  record NodeFailures(NodeId node, Instant watchedSince, List<Instant> failures) {
    public NodeFailures {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(watchedSince, "watchedSince");
      failures = List.copyOf(failures);
    }
  }

  /**
   * Checks a range of failures: {@code to} not before {@code from}.
   *
   * @throws IllegalArgumentException naming both ends
   */
  static void checkSpan(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from
          + "); were they swapped?");
    }
  }

  /** The total power in one step: {@code at} is the step's start. */
  record PowerPoint(Instant at, double totalPowerWatts) {
    public PowerPoint {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A metric in one step, in the metric's own unit: its mean ({@link #nodeSeries}) or its last
   * value ({@link #nodeLast}); {@code at} is the step's start.
   */
  record MetricPoint(Instant at, double value) {
    public MetricPoint {
      Objects.requireNonNull(at, "at");
    }
  }

  /** The history backend could not answer: it names the backend and the cause. */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String backend;

    public Unavailable(String backend, String message, Throwable cause) {
      super(backend + ": " + message, cause);
      this.backend = backend;
    }

    /** Which backend failed, e.g. {@code InfluxDB at 127.0.0.1:8086 database kelvin}. */
    public String backend() {
      return backend;
    }
  }

  /**
   * {@code from} rounded down to a whole multiple of {@code step} since the epoch, once the range
   * is checked: {@code step} at least {@link #MIN_STEP} and whole milliseconds, {@code to} not
   * before {@code from}, and at most {@link #MAX_POINTS} steps.
   *
   * @throws IllegalArgumentException naming the argument, its unit and a likely mistake
   */
  static Instant checkRange(Instant from, Instant to, Duration step) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(step, "step");
    if (step.compareTo(MIN_STEP) < 0 || step.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("step must be at least " + MIN_STEP.toMillis()
          + " ms in whole milliseconds, was " + step + " (a value in seconds given as"
          + " milliseconds?)");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from
          + "); were they swapped?");
    }
    long stepMillis = step.toMillis();
    Instant start = Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), stepMillis)
        * stepMillis);
    long steps = (Duration.between(start, to).toMillis() + stepMillis - 1) / stepMillis;
    if (steps > MAX_POINTS) {
      throw new IllegalArgumentException("step of " + stepMillis + " ms over "
          + Duration.between(from, to).toSeconds() + " s would give " + steps + " points, more"
          + " than " + MAX_POINTS + "; ask for a longer step or a shorter range");
    }
    return start;
  }
}
