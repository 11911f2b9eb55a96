package dev.kelvin.predictor.failure.logs;

import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureExample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The examples of one system of a failure log. Every node is anchored at each multiple of the
 * anchor step (from the Unix epoch, so midnight UTC for a step of a day) at which it is watched,
 * up, and watched for the whole horizon after: a window the log does not cover has no label.
 * An example's features use only failures strictly before its anchor; its label says whether
 * the node's next failure starts in {@code [anchor, anchor + horizon)}.
 *
 * <p>A system with more anchors than the cap keeps every positive and each negative with
 * probability {@code cap / anchors}, weighted by the inverse; the choice hashes the seed, the
 * node and the anchor, so it is the same in every run and for every horizon.
 */
public final class LogExamples {
  private static final long DAY_S = 86_400;

  private LogExamples() {}

  public static List<FailureExample> of(SystemLog system, Duration horizon, Duration step,
      ExampleSettings settings) {
    long[] systemFailures = system.nodes().stream()
        .flatMap(n -> n.failures().stream()).mapToLong(Instant::getEpochSecond).sorted().toArray();
    long anchors = 0;
    for (NodeLog node : system.nodes()) {
      anchors += Math.max(0, (last(node, horizon, step) - first(node, step)) / step.toSeconds()
          + 1);
    }
    double keep = Math.min(1, settings.maxExamplesPerSystem() / (double) Math.max(1, anchors));
    Anchoring anchoring = new Anchoring(system.system(), systemFailures, horizon, keep,
        settings.seed());
    List<FailureExample> examples = new ArrayList<>();
    for (NodeLog node : system.nodes()) {
      long end = last(node, horizon, step);
      for (long at = first(node, step); at <= end; at += step.toSeconds()) {
        anchoring.example(node, at).ifPresent(examples::add);
      }
    }
    return examples;
  }

  /** What every anchor of one system needs. */
  private record Anchoring(String system, long[] systemFailures, Duration horizon, double keep,
      long seed) {
    /** The example of {@code node} at {@code at}, unless it is down or a negative left out. */
    Optional<FailureExample> example(NodeLog node, long at) {
      Instant anchor = Instant.ofEpochSecond(at);
      if (node.downAt(anchor)) {
        return Optional.empty();
      }
      int next = countBefore(node.failures(), anchor);
      double toNext = next < node.failures().size()
          ? node.failures().get(next).getEpochSecond() - at : Double.NaN;
      boolean label = toNext < horizon.toSeconds();
      if (!label && keep < 1 && uniform(seed, system, node.node(), at) >= keep) {
        return Optional.empty();
      }
      double lastDay = count(systemFailures, at - DAY_S, at);
      return Optional.of(new FailureExample(system, node.node(), anchor,
          LogFeatures.values(node.failures(), node.firstSeen(), anchor, lastDay), label, toNext,
          label ? 1 : 1 / keep));
    }
  }

  private static long first(NodeLog node, Duration step) {
    return Math.floorDiv(node.firstSeen().getEpochSecond() + step.toSeconds() - 1,
        step.toSeconds()) * step.toSeconds();
  }

  private static long last(NodeLog node, Duration horizon, Duration step) {
    return Math.floorDiv(node.lastSeen().getEpochSecond() - horizon.toSeconds(),
        step.toSeconds()) * step.toSeconds();
  }

  /** How many of {@code sorted} lie in {@code [from, to)}. */
  private static int count(long[] sorted, long from, long to) {
    return lowerBound(sorted, to) - lowerBound(sorted, from);
  }

  private static int lowerBound(long[] sorted, long value) {
    int at = Arrays.binarySearch(sorted, value);
    if (at < 0) {
      return -at - 1;
    }
    while (at > 0 && sorted[at - 1] == value) {
      at--;
    }
    return at;
  }

  private static int countBefore(List<Instant> sorted, Instant at) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted.get(mid).isBefore(at)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** A number in [0, 1) fixed by the arguments (SplitMix64's finaliser over their hashes). */
  static double uniform(long seed, String system, String node, long at) {
    long z = seed * 0x9E3779B97F4A7C15L + system.hashCode() * 0xBF58476D1CE4E5B9L
        + node.hashCode() * 0x94D049BB133111EBL + at;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
