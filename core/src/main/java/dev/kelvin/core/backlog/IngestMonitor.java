package dev.kelvin.core.backlog;

import dev.kelvin.core.model.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the controller's own ingest delay and decides when the controller is blind through
 * its own fault. Two delays count: the age of the oldest reading waiting in the controller's
 * {@link IngestQueue}, and the arrival lag, the age on arrival (receive time minus reading
 * time) of the freshest reading to arrive in the last {@link #LAG_WINDOW}. The freshest, not the
 * oldest: one node whose clock runs behind must not blind the controller, while a broker that
 * queued readings for the controller delays them all. The controller is blind when either delay
 * is beyond {@link BacklogSettings#blindAfter()}. A node is silent through its own fault when no
 * reading of it arrived (accepted or late) within the state's stale limit, counted back from
 * the arrival of the oldest reading still waiting in the controller's queue: the loop asks
 * {@link #stillArriving(NodeId, Instant)}. Thread-safe.
 */
public final class IngestMonitor implements IngestWatch {
  /** Arrivals older than this say nothing about the arrival lag now. */
  public static final Duration LAG_WINDOW = Duration.ofSeconds(2);

  private final BacklogSettings settings;
  private final IngestQueue<?> queue;
  private final Duration staleAfter;
  private final int maxNodes;
  private final ConcurrentHashMap<NodeId, Instant> arrivals = new ConcurrentHashMap<>();
  private Instant lagAt = Instant.MIN;
  /** {@code lagAt} plus {@link #LAG_WINDOW}: an arrival after it starts a new window. */
  private Instant lagUntil = Instant.MIN.plus(LAG_WINDOW);
  private Duration freshestLag = Duration.ZERO;
  private Duration peakDelay = Duration.ZERO;

  /**
   * @param staleAfter the state's stale limit: a node with no arrival for longer is silent
   * @param maxNodes the most nodes whose last arrival is remembered (the state's own bound)
   */
  public IngestMonitor(BacklogSettings settings, IngestQueue<?> queue, Duration staleAfter,
      int maxNodes) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
    this.maxNodes = maxNodes;
  }

  /** A reading of {@code node} stamped {@code at}, received at {@code receivedAt}, was applied. */
  public void arrived(NodeId node, Instant at, Instant receivedAt) {
    if (arrivals.size() < maxNodes || arrivals.containsKey(node)) {
      arrivals.merge(node, receivedAt, (a, b) -> a.isAfter(b) ? a : b);
    }
    synchronized (this) {
      boolean windowOver = receivedAt.isAfter(lagUntil);
      int order = compareLag(at, receivedAt, freshestLag);
      if (windowOver || order < 0) {
        freshestLag = Duration.between(at, receivedAt);
      }
      if (windowOver || order <= 0) {
        lagAt = receivedAt;
        lagUntil = receivedAt.plus(LAG_WINDOW);
      }
    }
  }

  /**
   * How the lag from {@code at} to {@code receivedAt} compares with {@code than}, without
   * making a {@code Duration} (called for every reading; the lag rarely changes).
   */
  private static int compareLag(Instant at, Instant receivedAt, Duration than) {
    long seconds = receivedAt.getEpochSecond() - at.getEpochSecond();
    int nanos = receivedAt.getNano() - at.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000;
    }
    int bySeconds = Long.compare(seconds, than.getSeconds());
    return bySeconds != 0 ? bySeconds : Integer.compare(nanos, than.getNano());
  }

  /** The backlog at {@code now}. */
  public IngestBacklog backlog(Instant now) {
    Optional<Duration> lag;
    synchronized (this) {
      lag = Duration.between(lagAt, now).compareTo(LAG_WINDOW) > 0 ? Optional.empty()
          : Optional.of(freshestLag.isNegative() ? Duration.ZERO : freshestLag);
    }
    IngestBacklog backlog = new IngestBacklog(queue.size(), queue.oldestAge(now), lag);
    synchronized (this) {
      if (backlog.delay().compareTo(peakDelay) > 0) {
        peakDelay = backlog.delay();
      }
    }
    return backlog;
  }

  /** The largest delay seen by {@link #backlog(Instant)} so far. */
  public synchronized Duration peakDelay() {
    return peakDelay;
  }

  @Override
  public Optional<String> blind(Instant now) {
    IngestBacklog backlog = backlog(now);
    if (backlog.oldestAge().compareTo(settings.blindAfter()) > 0) {
      return Optional.of(String.format(Locale.ROOT, "the controller's own ingest backlog: %d"
          + " reading(s) waiting, the oldest for %.1f s (more than %d s)", backlog.readings(),
          seconds(backlog.oldestAge()), settings.blindAfter().toSeconds()));
    }
    Duration lag = backlog.arrivalLag().orElse(Duration.ZERO);
    if (lag.compareTo(settings.blindAfter()) > 0) {
      return Optional.of(String.format(Locale.ROOT, "readings reach the controller %.1f s"
          + " after they were taken (more than %d s): the broker is queueing them for the"
          + " controller", seconds(lag), settings.blindAfter().toSeconds()));
    }
    return Optional.empty();
  }

  /**
   * {@inheritDoc} Readings still waiting in the controller's own queue have not been applied,
   * so the stale limit is counted from the time the oldest of them arrived: a node heard from
   * within the stale limit before the queue's head is still arriving.
   */
  @Override
  public boolean stillArriving(NodeId node, Instant now) {
    Instant last = arrivals.get(node);
    Duration allowance = staleAfter.plus(queue.oldestAge(now));
    return last != null && Duration.between(last, now).compareTo(allowance) <= 0;
  }

  public BacklogSettings settings() {
    return settings;
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
