package dev.kelvin.predictor.history;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.prediction.ForecastScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One backfill request: its nodes are read one task each ({@link NodeRead}: the load model's
 * steps or the counters), and handed on {@link HistoryBackfill#CHUNK} at a time as they come
 * back; the sites of a request for steps are summed from those nodes (power added, utilisation
 * averaged, per step) and handed on last. A request that reads sites themselves (their nodes'
 * failures) reads each site as one task, as a node. The first failure stops the rest.
 */
final class BackfillRequest {
  private final HistoryBackfill owner;
  private final HistoryRead kind;
  private final NodeRead read;
  /** Reads a site as one task; null when sites are summed from their nodes. */
  private final Function<SiteId, ScopeHistory> siteRead;
  private final long firstStep;
  private final int length;
  private final Consumer<BackfillResult> deliver;
  private final List<ForecastScope> sites = new ArrayList<>();
  private final Map<SiteId, SiteSums> sums = new HashMap<>();
  private final List<ScopeHistory> ready = new ArrayList<>();
  private final List<ForecastScope> unread = new ArrayList<>();
  private final AtomicReference<String> failure = new AtomicReference<>();

  /**
   * A request that reads each node with {@code read}, counted as {@code kind}; its sites' steps,
   * if any, start at {@code firstStep} and are {@code length} long.
   */
  BackfillRequest(HistoryBackfill owner, HistoryRead kind, NodeRead read, long firstStep,
      int length, Consumer<BackfillResult> deliver) {
    this(owner, kind, read, null, firstStep, length, deliver);
  }

  /** A request that reads each site with {@code siteRead}, as one task, counted as {@code kind}. */
  BackfillRequest(HistoryBackfill owner, HistoryRead kind, Function<SiteId, ScopeHistory> siteRead,
      Consumer<BackfillResult> deliver) {
    this(owner, kind, node -> {
      throw new IllegalArgumentException("a request for " + kind.label() + " reads sites, not"
          + " node " + node);
    }, siteRead, 0, 0, deliver);
  }

  private BackfillRequest(HistoryBackfill owner, HistoryRead kind, NodeRead read,
      Function<SiteId, ScopeHistory> siteRead, long firstStep, int length,
      Consumer<BackfillResult> deliver) {
    this.owner = owner;
    this.kind = kind;
    this.read = read;
    this.siteRead = siteRead;
    this.firstStep = firstStep;
    this.length = length;
    this.deliver = deliver;
  }

  /** The number of steps from {@code firstStep} up to {@code to}, the last one partial. */
  static int length(long firstStep, Instant to, Duration step) {
    long span = Math.max(0, to.toEpochMilli() - firstStep * step.toMillis());
    return (int) ((span + step.toMillis() - 1) / step.toMillis());
  }

  /** Whether each site is read as one task ({@link #readSite}) rather than summed. */
  boolean readsSites() {
    return siteRead != null;
  }

  /** Fails the request before any node is read: every scope is handed on as not read. */
  synchronized void fail(String cause, List<ForecastScope> scopes) {
    failure.compareAndSet(null, cause);
    for (ForecastScope scope : scopes) {
      if (scope instanceof ForecastScope.OfNode || readsSites()) {
        unread.add(scope);
      } else if (scope instanceof ForecastScope.OfSite site) {
        addSite(site);
      }
    }
  }

  /** Keeps a site to sum from its nodes at the end. */
  synchronized void addSite(ForecastScope.OfSite site) {
    sites.add(site);
    sums.computeIfAbsent(site.site(), s -> new SiteSums(length));
  }

  /** Reads one node, unless the request has failed; runs on the backfill's executor. */
  void readNode(NodeId node) {
    readScope(ForecastScope.node(node), () -> read.read(node));
  }

  /** Reads one site as a whole, unless the request has failed; on the backfill's executor. */
  void readSite(SiteId site) {
    readScope(ForecastScope.site(site), () -> siteRead.apply(site));
  }

  private void readScope(ForecastScope scope, Supplier<ScopeHistory> reader) {
    ScopeHistory steps = null;
    try {
      if (failure.get() == null) {
        steps = reader.get();
      }
    } catch (HistorySource.Unavailable e) {
      failure.compareAndSet(null, e.getMessage());
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e.toString());
    }
    List<ScopeHistory> chunk = done(scope, steps);
    if (!chunk.isEmpty()) {
      deliver.accept(new BackfillResult(chunk, List.of(), Optional.empty()));
    }
  }

  /** Hands on what is left and the sites; returns the failure, if any. */
  Optional<String> finish() {
    List<ScopeHistory> rest;
    List<ForecastScope> failed;
    synchronized (this) {
      rest = new ArrayList<>(ready);
      ready.clear();
      failed = new ArrayList<>(unread);
      if (failure.get() == null) {
        sites.forEach(site -> rest.add(sums.get(((ForecastScope.OfSite) site).site())
            .steps(site, firstStep)));
      } else {
        failed.addAll(sites);
      }
    }
    owner.counted(kind, rest.size(), failed.size());
    Optional<String> cause = Optional.ofNullable(failure.get());
    deliver.accept(new BackfillResult(rest, failed, cause));
    return cause;
  }

  private synchronized List<ScopeHistory> done(ForecastScope scope, ScopeHistory read) {
    if (read == null) {
      unread.add(scope);
      return List.of();
    }
    if (scope instanceof ForecastScope.OfNode node && read instanceof ScopeSteps steps) {
      SiteSums site = sums.get(node.node().site());
      if (site != null) {
        site.add(steps);
      }
    }
    ready.add(read);
    if (ready.size() < HistoryBackfill.CHUNK) {
      return List.of();
    }
    List<ScopeHistory> chunk = List.copyOf(ready);
    ready.clear();
    owner.counted(kind, chunk.size(), 0);
    return chunk;
  }

  /** A site's power added and utilisation averaged over its nodes read, per step. */
  private static final class SiteSums {
    final double[] watts;
    final int[] powered;
    final double[] util;
    final int[] utilized;

    SiteSums(int length) {
      watts = new double[length];
      powered = new int[length];
      util = new double[length];
      utilized = new int[length];
    }

    void add(ScopeSteps node) {
      add(node.power(), watts, powered);
      node.utilization().ifPresent(values -> add(values, util, utilized));
    }

    private static void add(float[] values, double[] sum, int[] count) {
      for (int i = 0; i < values.length; i++) {
        if (!Float.isNaN(values[i])) {
          sum[i] += values[i];
          count[i]++;
        }
      }
    }

    ScopeSteps steps(ForecastScope site, long firstStep) {
      float[] power = new float[watts.length];
      float[] mean = new float[watts.length];
      boolean anyUtil = false;
      for (int i = 0; i < watts.length; i++) {
        power[i] = powered[i] > 0 ? (float) watts[i] : Float.NaN;
        mean[i] = utilized[i] > 0 ? (float) (util[i] / utilized[i]) : Float.NaN;
        anyUtil |= utilized[i] > 0;
      }
      return new ScopeSteps(site, firstStep, power, anyUtil ? Optional.of(mean)
          : Optional.empty());
    }
  }
}
