package dev.kelvin.predictor.history;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.prediction.ForecastScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back the steps the served models need before their first live tick, from a {@link
 * HistorySource} (InfluxDB when a store is configured). A request names the scopes (nodes and
 * sites) a tick saw for the first time; it returns at once, and its queries run on the
 * backfill's own executor, a few at a time ({@link #DEFAULT_PARALLEL_QUERIES} by default), so a
 * site of 10,000 nodes never costs the control loop 10,000 queries. Per node it asks the mean
 * power and the mean CPU utilisation per step ({@code nodeSeries}), per site the total power
 * ({@code sitePower}); a site's utilisation is the mean over its nodes read in the same request.
 *
 * <p>When the source cannot answer ({@link HistorySource.Unavailable}), the request stops asking
 * (one timeout, not one per node), its remaining scopes are reported failed and keep their live
 * history only, the cause is logged once (again only after a request succeeded), counted and
 * kept in {@link #stats()}. The returned future never completes exceptionally. {@link #none()}
 * is the embedded default: nothing configured, nothing asked. Thread-safe.
 */
public final class HistoryBackfill implements AutoCloseable {
  /** Queries in flight at once, by default. */
  public static final int DEFAULT_PARALLEL_QUERIES = 4;

  private static final Logger LOG = LoggerFactory.getLogger(HistoryBackfill.class);

  private final Optional<HistorySource> source;
  private final Executor executor;
  private final Optional<ExecutorService> owned;
  private final LongAdder requests = new LongAdder();
  private final LongAdder filled = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final AtomicLong pending = new AtomicLong();
  private final LongAdder queries = new LongAdder();
  private final LongAdder points = new LongAdder();
  private final LongAdder queryNanos = new LongAdder();
  private final AtomicReference<BackfillStats.Failure> lastFailure = new AtomicReference<>();

  private HistoryBackfill(Optional<HistorySource> source, Executor executor,
      Optional<ExecutorService> owned) {
    this.source = source;
    this.executor = executor;
    this.owned = owned;
  }

  /** No history source: nothing is read back (the embedded default). */
  public static HistoryBackfill none() {
    return new HistoryBackfill(Optional.empty(), Runnable::run, Optional.empty());
  }

  /**
   * Reads from {@code source} on daemon threads of its own, {@code parallelQueries} queries at
   * once; close it to stop them.
   */
  public static HistoryBackfill of(HistorySource source, int parallelQueries) {
    Objects.requireNonNull(source, "source");
    if (parallelQueries < 1) {
      throw new IllegalArgumentException("parallel history queries must be at least 1, was "
          + parallelQueries);
    }
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(parallelQueries, parallelQueries, 30,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "kelvin-history-backfill-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return new HistoryBackfill(Optional.of(source), pool, Optional.of(pool));
  }

  /** Reads from {@code source} on {@code executor} (a test's runs each query at once). */
  public static HistoryBackfill of(HistorySource source, Executor executor) {
    return new HistoryBackfill(Optional.of(Objects.requireNonNull(source, "source")),
        Objects.requireNonNull(executor, "executor"), Optional.empty());
  }

  /** Whether a history source is configured. */
  public boolean enabled() {
    return source.isPresent();
  }

  /**
   * Asks the history of {@code scopes} from step {@code firstStep} (epoch millis over {@code
   * step}) up to {@code to}, exclusive: each scope's arrays start at {@code firstStep}, and the
   * last step is partial when {@code to} falls inside it.
   *
   * @param at the tick the request is made for, kept with a failure
   */
  public CompletableFuture<BackfillResult> fetch(Collection<ForecastScope> scopes,
      long firstStep, Instant to, Duration step, Instant at) {
    if (source.isEmpty() || scopes.isEmpty()) {
      return CompletableFuture.completedFuture(new BackfillResult(List.of(),
          List.copyOf(scopes), Optional.empty()));
    }
    Request request = new Request(source.get(), List.copyOf(scopes), firstStep, to, step, at);
    requests.increment();
    pending.addAndGet(scopes.size());
    List<CompletableFuture<Void>> tasks = new ArrayList<>(request.scopes.size());
    for (ForecastScope scope : request.scopes) {
      tasks.add(CompletableFuture.runAsync(() -> request.read(scope), executor));
    }
    return CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new))
        .handle((done, thrown) -> request.finish());
  }

  /** What it did since start. */
  public BackfillStats stats() {
    return new BackfillStats(enabled(), requests.sum(), filled.sum(), failed.sum(),
        pending.get(), queries.sum(), points.sum(), Duration.ofNanos(queryNanos.sum()),
        Optional.ofNullable(lastFailure.get()));
  }

  @Override
  public void close() {
    owned.ifPresent(ExecutorService::shutdownNow);
  }

  @Override
  public String toString() {
    return "HistoryBackfill[" + source.map(Object::toString).orElse("none") + "]";
  }

  /** One request's scopes, what came back and the first failure. */
  private final class Request {
    final HistorySource from;
    final List<ForecastScope> scopes;
    final long firstStep;
    final Instant start;
    final Instant to;
    final Duration step;
    final Instant at;
    final int length;
    final ConcurrentLinkedQueue<ScopeSteps> read = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<ForecastScope> unread = new ConcurrentLinkedQueue<>();
    final AtomicReference<String> failure = new AtomicReference<>();

    Request(HistorySource from, List<ForecastScope> scopes, long firstStep, Instant to,
        Duration step, Instant at) {
      this.from = from;
      this.scopes = scopes;
      this.firstStep = firstStep;
      this.step = Objects.requireNonNull(step, "step");
      this.start = Instant.ofEpochMilli(firstStep * step.toMillis());
      this.to = Objects.requireNonNull(to, "to");
      this.at = Objects.requireNonNull(at, "at");
      long span = Math.max(0, Duration.between(start, to).toMillis());
      this.length = (int) ((span + step.toMillis() - 1) / step.toMillis());
    }

    void read(ForecastScope scope) {
      try {
        if (failure.get() == null) {
          read.add(steps(scope));
          filled.increment();
          return;
        }
      } catch (HistorySource.Unavailable e) {
        failure.compareAndSet(null, e.getMessage());
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e.toString());
      } finally {
        pending.decrementAndGet();
      }
      unread.add(scope);
      failed.increment();
    }

    private ScopeSteps steps(ForecastScope scope) {
      if (scope instanceof ForecastScope.OfNode node) {
        float[] power = metric(node.node(), NodeMetric.POWER_WATTS);
        float[] util = metric(node.node(), NodeMetric.CPU_UTIL_RATIO);
        return new ScopeSteps(scope, firstStep, power,
            known(util) ? Optional.of(util) : Optional.empty());
      }
      if (scope instanceof ForecastScope.OfSite site) {
        return new ScopeSteps(scope, firstStep, sitePower(site.site()), Optional.empty());
      }
      throw new AssertionError(scope);
    }

    private float[] metric(NodeId node, NodeMetric metric) {
      long started = System.nanoTime();
      List<HistorySource.MetricPoint> answer = from.nodeSeries(node, metric, start, to, step);
      answered(started, answer.size());
      float[] values = empty();
      answer.forEach(point -> put(values, point.at(), point.mean()));
      return values;
    }

    private float[] sitePower(SiteId site) {
      long started = System.nanoTime();
      List<HistorySource.PowerPoint> answer = from.sitePower(Optional.of(site), start, to, step);
      answered(started, answer.size());
      float[] values = empty();
      answer.forEach(point -> put(values, point.at(), point.totalPowerWatts()));
      return values;
    }

    private void answered(long startedNanos, int size) {
      queryNanos.add(System.nanoTime() - startedNanos);
      queries.increment();
      points.add(size);
    }

    private float[] empty() {
      float[] values = new float[length];
      java.util.Arrays.fill(values, Float.NaN);
      return values;
    }

    private void put(float[] values, Instant at, double value) {
      long index = Math.floorDiv(at.toEpochMilli(), step.toMillis()) - firstStep;
      if (index >= 0 && index < values.length) {
        values[(int) index] = (float) value;
      }
    }

    BackfillResult finish() {
      List<ScopeSteps> all = withSiteUtilization(new ArrayList<>(read));
      Optional<String> cause = Optional.ofNullable(failure.get());
      if (cause.isPresent()) {
        failedNow(cause.get(), unread.size());
      } else if (lastFailure.getAndSet(null) != null) {
        LOG.info("history backfill answers again: {} node(s) and site(s) read back",
            all.size());
      }
      return new BackfillResult(all, List.copyOf(unread), cause);
    }

    private void failedNow(String cause, int scopesLeft) {
      BackfillStats.Failure previous = lastFailure.getAndSet(
          new BackfillStats.Failure(at, cause));
      if (previous == null) {
        LOG.warn("history backfill failed: {}; {} node(s) and site(s) start from their live"
            + " ticks only, so their load forecasts lack the past day until they have seen it"
            + " (logged again only after the history answers once more)", cause, scopesLeft);
      }
    }

    /** Each site's utilisation: the mean per step over its nodes read in this request. */
    private List<ScopeSteps> withSiteUtilization(List<ScopeSteps> all) {
      Map<SiteId, double[][]> sums = new HashMap<>();
      for (ScopeSteps each : all) {
        if (each.scope() instanceof ForecastScope.OfNode node && each.utilization().isPresent()) {
          double[][] sum = sums.computeIfAbsent(node.node().site(),
              s -> new double[][] {new double[length], new double[length]});
          float[] util = each.utilization().get();
          for (int i = 0; i < util.length; i++) {
            if (!Float.isNaN(util[i])) {
              sum[0][i] += util[i];
              sum[1][i]++;
            }
          }
        }
      }
      List<ScopeSteps> out = new ArrayList<>(all.size());
      for (ScopeSteps each : all) {
        double[][] sum = each.scope() instanceof ForecastScope.OfSite site
            ? sums.get(site.site()) : null;
        out.add(sum == null ? each : new ScopeSteps(each.scope(), each.firstStep(),
            each.power(), Optional.of(mean(sum))));
      }
      return out;
    }

    private float[] mean(double[][] sum) {
      float[] mean = empty();
      for (int i = 0; i < length; i++) {
        if (sum[1][i] > 0) {
          mean[i] = (float) (sum[0][i] / sum[1][i]);
        }
      }
      return mean;
    }
  }

  private static boolean known(float[] values) {
    for (float value : values) {
      if (!Float.isNaN(value)) {
        return true;
      }
    }
    return false;
  }
}
