package dev.kelvin.predictor.failure.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a failure log tells of one node: when it was watched, when it failed, and when it was
 * down (an anchor inside an outage is no example: a node that is down cannot fail).
 *
 * @param node the node's name in its system
 * @param firstSeen the start of the time the log watched it
 * @param lastSeen the end of that time
 * @param failures failure start times, sorted here
 * @param outages the times it was down, sorted and merged here; empty when the log does not say
 */
public record NodeLog(String node, Instant firstSeen, Instant lastSeen, List<Instant> failures,
    List<Outage> outages) {

  /** A time the node was down: {@code [from, to)}. */
  public record Outage(Instant from, Instant to) {
    public Outage {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("outage ends at " + to + " before it starts at "
            + from);
      }
    }
  }

  public NodeLog {
    Objects.requireNonNull(node, "node");
    if (lastSeen.isBefore(firstSeen)) {
      throw new IllegalArgumentException("node " + node + " last seen at " + lastSeen
          + " before it was first seen at " + firstSeen);
    }
    failures = failures.stream().sorted().toList();
    outages = merged(outages);
  }

  /** Whether the node was down at {@code at}. */
  public boolean downAt(Instant at) {
    int low = 0;
    int high = outages.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (outages.get(mid).from().isAfter(at)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low > 0 && outages.get(low - 1).to().isAfter(at);
  }

  private static List<Outage> merged(List<Outage> outages) {
    List<Outage> sorted = outages.stream().sorted(Comparator.comparing(Outage::from)).toList();
    List<Outage> merged = new ArrayList<>();
    for (Outage outage : sorted) {
      Outage last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !outage.from().isAfter(last.to())) {
        if (outage.to().isAfter(last.to())) {
          merged.set(merged.size() - 1, new Outage(last.from(), outage.to()));
        }
      } else {
        merged.add(outage);
      }
    }
    return List.copyOf(merged);
  }
}
