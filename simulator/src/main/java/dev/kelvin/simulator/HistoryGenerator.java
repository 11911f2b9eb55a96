package dev.kelvin.simulator;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.simulator.random.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training history for the predictor: runs a fresh {@link SimulatedSite} in virtual time as
 * fast as the CPU allows, samples every node at a fixed interval, and now and then sets a
 * random CPU frequency cap on a node (or lifts it), so that the data shows how caps change
 * power and temperature.
 */
public final class HistoryGenerator {
  /** Random caps are drawn on this grid between the clock's minimum and maximum. */
  public static final double CAP_GRID_MHZ = 100;
  /** Of the cap changes, this share lifts the cap back to the maximum clock. */
  public static final double RELEASE_SHARE = 0.25;
  /** The most readings one call returns (each reading takes about 200 bytes). */
  public static final long MAX_READINGS = 10_000_000;

  private static final Logger LOG = LoggerFactory.getLogger(HistoryGenerator.class);
  private static final Optional<Device> NODE_WIDE = Optional.empty();

  private HistoryGenerator() {}

  /**
   * Readings of every node at {@code start}, {@code start + sampleEvery}, ... before
   * {@code start + span}, ordered by time and then by node, each node numbering its readings
   * from 1. After each sample a node gets a new random cap with probability
   * {@code capChangeProbability}; the cap governs from the next physics step on.
   *
   * @param sampleEvery at least {@link SimulatedSite#STEP}: nothing changes between steps
   */
  public static List<NodeReading> generate(SiteSpec spec, long seed, Instant start,
      Duration span, Duration sampleEvery, double capChangeProbability) {
    return start(spec, seed, start, sampleEvery, capChangeProbability).next(span);
  }

  /**
   * A run that goes on where the last call left off: each {@link Run#next} returns the samples
   * of the following span, as one {@link #generate} call over the whole time would.
   */
  public static Run start(SiteSpec spec, long seed, Instant start, Duration sampleEvery,
      double capChangeProbability) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(start, "start");
    checkSamples(sampleEvery, sampleEvery, spec.nodeCount());
    checkProbability(capChangeProbability);
    return new Run(new SimulatedSite(spec, seed, start),
        Seeds.stream(seed, "history-caps", spec.site().toString()), start, sampleEvery,
        capChangeProbability);
  }

  /** A history generation in progress. Not thread-safe. */
  public static final class Run {
    private final SimulatedSite site;
    private final SplittableRandom random;
    private final double capChangeProbability;
    /** When the first sample at the current interval was (or is) taken, and how many were. */
    private Instant intervalStart;
    private Duration sampleEvery;
    private long k;
    /** Samples taken since the run started, whatever the interval: the readings' numbers. */
    private long taken;

    private Run(SimulatedSite site, SplittableRandom random, Instant start,
        Duration sampleEvery, double capChangeProbability) {
      this.site = site;
      this.random = random;
      this.intervalStart = start;
      this.sampleEvery = sampleEvery;
      this.capChangeProbability = capChangeProbability;
    }

    /**
     * Samples every {@code every} from the next sample on (which comes one old interval after
     * the last one taken); the readings' numbers go on. A history sampled sparsely for a long
     * time and then densely costs the physics of the span but not the readings.
     *
     * @param every at least {@link SimulatedSite#STEP}
     */
    public Run sampleEvery(Duration every) {
      checkSamples(every, every, site.nodes().size());
      intervalStart = intervalStart.plus(sampleEvery.multipliedBy(k));
      sampleEvery = every;
      k = 0;
      return this;
    }

    /** The samples of the next {@code span}, ordered by time and then by node. */
    public List<NodeReading> next(Duration span) {
      List<SimulatedNode> nodes = site.nodes();
      long samples = checkSamples(span, sampleEvery, nodes.size());
      List<NodeReading> readings = new ArrayList<>(Math.toIntExact(samples * nodes.size()));
      for (long end = k + samples; k < end; k++) {
        Instant at = intervalStart.plus(sampleEvery.multipliedBy(k));
        site.advanceTo(at);
        taken++;
        for (SimulatedNode node : nodes) {
          readings.add(new NodeReading(node.node(), node.rack(), at, taken,
              node.sample().node()));
          if (random.nextDouble() < capChangeProbability) {
            node.apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, randomCap(random, node.spec()));
          }
        }
      }
      LOG.debug("generated {} readings: {} nodes every {} over {}", readings.size(),
          nodes.size(), sampleEvery, span);
      return readings;
    }
  }

  private static double randomCap(SplittableRandom random, NodeSpec node) {
    if (random.nextDouble() < RELEASE_SHARE) {
      return node.maxMhz();
    }
    int steps = (int) Math.floor((node.maxMhz() - node.minMhz()) / CAP_GRID_MHZ);
    return node.minMhz() + CAP_GRID_MHZ * random.nextInt(steps + 1);
  }

  private static long checkSamples(Duration span, Duration sampleEvery, int nodes) {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(sampleEvery, "sampleEvery");
    if (sampleEvery.compareTo(SimulatedSite.STEP) < 0) {
      throw new IllegalArgumentException("sampleEvery must be at least the physics step "
          + SimulatedSite.STEP + ", was " + sampleEvery + " (nothing changes between steps)");
    }
    if (span.compareTo(sampleEvery) < 0) {
      throw new IllegalArgumentException("span (" + span + ") must be at least sampleEvery ("
          + sampleEvery + "): the two are likely swapped");
    }
    long samples = span.dividedBy(sampleEvery);
    if (samples * nodes > MAX_READINGS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "span %s at one sample every"
          + " %s for %d nodes is %d readings, more than the %d (about 2 GB) one call may hold:"
          + " sample less often or generate the history in parts", span, sampleEvery, nodes,
          samples * nodes, MAX_READINGS));
    }
    return samples;
  }

  private static void checkProbability(double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("capChangeProbability must be within 0..1 per node per"
          + " sample, was " + probability + (probability > 1 ? " (a percentage?)" : ""));
    }
  }
}
