package dev.kelvin.predictor.history;

import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.prediction.ForecastScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back the steps the served models need before their first live tick, from a {@link
 * HistorySource} (InfluxDB when a store is configured). A request names the scopes (nodes and
 * sites) a tick saw for the first time; it returns at once, and its queries run on the
 * backfill's own executor, a few at a time ({@link #DEFAULT_PARALLEL_QUERIES} by default), so a
 * site of 10,000 nodes never costs the control loop 10,000 queries. Per node it asks the mean
 * power and the mean CPU utilisation per step ({@code nodeSeries}) for the load model ({@link
 * #fetch}), or the memory error counters' last value per step ({@code nodeLast}) for the failure
 * and anomaly features ({@link #fetchCounters}), and hands nodes on as they come back; per site
 * it asks its nodes' failures ({@code nodeFailures}, {@link #fetchFailures}). A site is
 * summed from its nodes in the same request, as the live path sums the nodes that report: its
 * power the sum of theirs, its utilisation their mean, per step. It is not asked with {@code
 * sitePower}: over a day that one query reads every point of the site (864 million at 10,000 nodes
 * reporting each second), far past the store's read timeout, while the node queries are asked
 * anyway.
 *
 * <p>When the source cannot answer ({@link HistorySource.Unavailable}), the request stops asking
 * (one timeout, not one per node), its remaining scopes are reported failed and keep their live
 * history only, the cause is logged once (again only after a request succeeded), counted and
 * kept in {@link #stats()}. The returned future never completes exceptionally. {@link #none()}
 * is the embedded default: nothing configured, nothing asked. Thread-safe.
 */
public final class HistoryBackfill implements AutoCloseable {
  /** Nodes handed on at once as they are read. */
  public static final int CHUNK = 256;
  /** Queries in flight at once, by default. */
  public static final int DEFAULT_PARALLEL_QUERIES = 4;

  private static final Logger LOG = LoggerFactory.getLogger(HistoryBackfill.class);

  private final Optional<HistorySource> source;
  private final Executor executor;
  private final Optional<ExecutorService> owned;
  private final LongAdder requests = new LongAdder();
  private final ReadCounts filled = new ReadCounts();
  private final ReadCounts failed = new ReadCounts();
  private final AtomicLong pending = new AtomicLong();
  private final LongAdder queries = new LongAdder();
  private final LongAdder points = new LongAdder();
  private final LongAdder queryNanos = new LongAdder();
  private final AtomicReference<BackfillStats.Failure> lastFailure = new AtomicReference<>();

  /** Where query latency is read from: a monotonic nanosecond count, given by the caller. */
  private final LongSupplier nanos;

  private HistoryBackfill(Optional<HistorySource> source, Executor executor,
      Optional<ExecutorService> owned, LongSupplier nanos) {
    this.source = source;
    this.executor = executor;
    this.owned = owned;
    this.nanos = nanos;
  }

  /** No history source: nothing is read back (the embedded default). */
  public static HistoryBackfill none() {
    return new HistoryBackfill(Optional.empty(), Runnable::run, Optional.empty(), () -> 0);
  }

  /**
   * Reads from {@code source} on daemon threads of its own, {@code parallelQueries} queries at
   * once, timing each query on {@code nanos} (a monotonic count, e.g. {@code System::nanoTime});
   * close it to stop the threads.
   */
  public static HistoryBackfill of(HistorySource source, int parallelQueries,
      LongSupplier nanos) {
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
    return new HistoryBackfill(Optional.of(source), pool, Optional.of(pool),
        Objects.requireNonNull(nanos, "nanos"));
  }

  /**
   * Reads from {@code source} on {@code executor} (a test's runs each query at once), timing
   * each query on {@code nanos}.
   */
  public static HistoryBackfill of(HistorySource source, Executor executor, LongSupplier nanos) {
    return new HistoryBackfill(Optional.of(Objects.requireNonNull(source, "source")),
        Objects.requireNonNull(executor, "executor"), Optional.empty(),
        Objects.requireNonNull(nanos, "nanos"));
  }

  /** A monotonic nanosecond reading, for timing one query. */
  long nanos() {
    return nanos.getAsLong();
  }

  /** Whether a history source is configured. */
  public boolean enabled() {
    return source.isPresent();
  }

  /**
   * Asks the history of {@code scopes} from step {@code firstStep} (epoch millis over {@code
   * step}) up to {@code to}, exclusive: each scope's arrays start at {@code firstStep}, and the
   * last step is partial when {@code to} falls inside it. Returns at once. Nodes are handed to
   * {@code deliver} {@link #CHUNK} at a time as they are read, on the backfill's threads; the
   * last call brings the rest, the sites, the scopes not read and the failure, if any.
   *
   * @param at the tick the request is made for, kept with a failure
   * @return completes after the last call to {@code deliver}, never exceptionally
   */
  public CompletableFuture<Void> fetch(Collection<ForecastScope> scopes, long firstStep,
      Instant to, Duration step, Instant at, Consumer<BackfillResult> deliver) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(step, "step");
    int length = BackfillRequest.length(firstStep, to, step);
    return start(scopes, at, deliver, source -> new BackfillRequest(this,
        HistoryRead.LOAD, NodeRead.steps(this, source, firstStep, length, to, step), firstStep,
        length, deliver));
  }

  /**
   * Asks the memory error counters (corrected and uncorrected) of the nodes of {@code scopes},
   * their last value per {@code step} in {@code [from, to)} ({@link NodeCounters}), as {@link
   * #fetch} asks the load model's steps: at once, nodes handed on in chunks as they are read, the
   * last call bringing the nodes not read and the failure, if any.
   *
   * @param scopes nodes only; a site is refused
   * @return completes after the last call to {@code deliver}, never exceptionally
   */
  public CompletableFuture<Void> fetchCounters(Collection<ForecastScope> scopes, Instant from,
      Instant to, Duration step, Instant at, Consumer<BackfillResult> deliver) {
    HistorySource.checkRange(from, to, step);
    for (ForecastScope scope : scopes) {
      if (!(scope instanceof ForecastScope.OfNode)) {
        throw new IllegalArgumentException("counters are read back per node, not for " + scope
            + "; ask for the site's nodes");
      }
    }
    return start(scopes, at, deliver, source -> new BackfillRequest(this,
        HistoryRead.COUNTERS, NodeRead.counters(this, source, from, to, step), 0, 0, deliver));
  }

  /**
   * Asks the failures of the nodes of each site of {@code scopes} in {@code [from, to)} ({@code
   * nodeFailures}, one query per site, a {@link SiteFailures} each), as {@link #fetch} asks the
   * load model's steps: at once, sites handed on as they are read, the last call bringing the
   * sites not read and the failure, if any.
   *
   * @param scopes sites only; a node is refused
   * @return completes after the last call to {@code deliver}, never exceptionally
   */
  public CompletableFuture<Void> fetchFailures(Collection<ForecastScope> scopes, Instant from,
      Instant to, Instant at, Consumer<BackfillResult> deliver) {
    HistorySource.checkSpan(from, to);
    for (ForecastScope scope : scopes) {
      if (!(scope instanceof ForecastScope.OfSite)) {
        throw new IllegalArgumentException("failures are read back per site, not for " + scope
            + "; ask for its site");
      }
    }
    return start(scopes, at, deliver, source -> new BackfillRequest(this, HistoryRead.FAILURES,
        site -> new SiteFailures(site, timedFailures(source, site, from, to)), deliver));
  }

  private List<HistorySource.NodeFailures> timedFailures(HistorySource source, SiteId site,
      Instant from, Instant to) {
    long started = nanos();
    List<HistorySource.NodeFailures> answer = source.nodeFailures(Optional.of(site), from, to);
    answered(nanos() - started, answer.stream().mapToInt(node -> node.failures().size()).sum());
    return answer;
  }

  /** Runs the request {@code of} makes for {@code scopes} on the executor; returns at once. */
  private CompletableFuture<Void> start(Collection<ForecastScope> scopes, Instant at,
      Consumer<BackfillResult> deliver, Function<HistorySource, BackfillRequest> of) {
    Objects.requireNonNull(deliver, "deliver");
    if (source.isEmpty() || scopes.isEmpty()) {
      deliver.accept(new BackfillResult(List.of(), List.copyOf(scopes), Optional.empty()));
      return CompletableFuture.completedFuture(null);
    }
    BackfillRequest request = of.apply(source.get());
    requests.increment();
    pending.addAndGet(scopes.size());
    List<ForecastScope> all = List.copyOf(scopes);
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      executor.execute(() -> submit(request, all).whenComplete((ignored, thrown) -> {
        request.finish().ifPresentOrElse(cause -> failed(at, cause), this::answeredAgain);
        done.complete(null);
      }));
    } catch (RejectedExecutionException closed) {
      request.fail("the history backfill is closed (the controller is stopping)", all);
      request.finish();
      done.complete(null);
    }
    return done;
  }

  /** Queues a task per node of {@code request} (from the executor, not the caller's thread). */
  private CompletableFuture<Void> submit(BackfillRequest request, List<ForecastScope> scopes) {
    List<CompletableFuture<Void>> tasks = new ArrayList<>(scopes.size());
    for (ForecastScope scope : scopes) {
      if (scope instanceof ForecastScope.OfSite site && request.readsSites()) {
        tasks.add(CompletableFuture.runAsync(() -> request.readSite(site.site()), executor));
      } else if (scope instanceof ForecastScope.OfSite site) {
        request.addSite(site);
      }
    }
    for (ForecastScope scope : scopes) {
      if (scope instanceof ForecastScope.OfNode node) {
        tasks.add(CompletableFuture.runAsync(() -> request.readNode(node.node()), executor));
      }
    }
    return CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new));
  }

  /** Counts scopes handed on by a request of {@code kind}: {@code read} filled, the rest not. */
  void counted(HistoryRead kind, int read, int unread) {
    filled.add(kind, read);
    failed.add(kind, unread);
    pending.addAndGet(-(read + unread));
  }

  /** Counts one query answered. */
  void answered(long nanos, int steps) {
    queryNanos.add(nanos);
    queries.increment();
    points.add(steps);
  }

  private void failed(Instant at, String cause) {
    if (lastFailure.getAndSet(new BackfillStats.Failure(at, cause)) == null) {
      LOG.warn("history backfill failed: {}; the nodes and sites not read yet start from their"
          + " live ticks only, so their load forecasts lack the past day, their failure and"
          + " anomaly predictions wait for 15 min of live error counters, and their failure"
          + " history holds only the failures seen live, until they have seen them (logged"
          + " again only after the history answers once more)", cause);
    }
  }

  private void answeredAgain() {
    if (lastFailure.getAndSet(null) != null) {
      LOG.info("history backfill answers again");
    }
  }

  /** What it did since start. */
  public BackfillStats stats() {
    return new BackfillStats(enabled(), requests.sum(), filled.sums(), failed.sums(),
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
}
