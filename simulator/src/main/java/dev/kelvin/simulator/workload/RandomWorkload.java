package dev.kelvin.simulator.workload;

import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.simulator.random.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded job stream per node, shaped by a {@link WorkloadSpec}: idle gap, job, idle gap,
 * job, and so on, each job ordinary or heavy by the spec's share. Each node draws from its own
 * stream derived from the seed and its name, so a node's jobs do not depend on the order in
 * which nodes ask. Lengths are whole seconds.
 */
public final class RandomWorkload implements Workload {
  private final WorkloadSpec spec;
  private final long seed;
  private final Map<NodeId, NodeStream> streams = new HashMap<>();

  public RandomWorkload(WorkloadSpec spec, long seed) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.seed = seed;
  }

  @Override
  public synchronized WorkSegment next(NodeId node, Instant at) {
    Objects.requireNonNull(node, "node");
    NodeStream stream = streams.computeIfAbsent(node,
        id -> new NodeStream(Seeds.stream(seed, "workload", id.toString())));
    stream.lastWasIdle = !stream.lastWasIdle;
    return stream.lastWasIdle ? idleGap(stream.random) : job(node, stream);
  }

  private WorkSegment idleGap(SplittableRandom random) {
    double meanSeconds = spec.meanIdleGap().toSeconds();
    double seconds = -meanSeconds * Math.log(1 - random.nextDouble());
    return new WorkSegment.Idle(wholeSeconds(seconds));
  }

  private WorkSegment job(NodeId node, NodeStream stream) {
    SplittableRandom random = stream.random;
    JobClass kind = random.nextDouble() < spec.heavyJobShare() ? spec.heavy() : spec.ordinary();
    double demand = uniform(random, kind.minDemandRatio(), kind.maxDemandRatio());
    double logMin = Math.log(kind.minLength().toSeconds());
    double logMax = Math.log(kind.maxLength().toSeconds());
    double seconds = Math.exp(uniform(random, logMin, logMax));
    stream.jobs++;
    JobId id = new JobId(node.name() + "-j" + stream.jobs);
    return new WorkSegment.Job(id, demand, wholeSeconds(seconds));
  }

  private static double uniform(SplittableRandom random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  private static Duration wholeSeconds(double seconds) {
    return Duration.ofSeconds(Math.max(1, Math.round(seconds)));
  }

  /** One node's random stream and position in it. */
  private static final class NodeStream {
    final SplittableRandom random;
    boolean lastWasIdle;
    long jobs;

    NodeStream(SplittableRandom random) {
      this.random = random;
    }
  }
}
