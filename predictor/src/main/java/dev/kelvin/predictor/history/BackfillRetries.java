package dev.kelvin.predictor.history;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * When to ask again for the history of nodes and sites whose backfill failed. A scope that was
 * not read is asked again {@link #FIRST_RETRY} after the failure, then after twice as long each
 * time it fails again, up to {@link #MAX_RETRY}; once read it is done. A scope is never asked
 * while a request for it is in flight. A site is summed from its nodes read in the same request,
 * so a site's retry brings the nodes the caller tracks for it at that moment, and waits while one
 * of them is in flight; a node asked only for its site's sum is not retried on its own when that
 * request fails (its history was read before, or it waits for a retry of its own).
 *
 * <p>Time is the caller's: each call takes the instant it is made at (the tick's), and nothing
 * here reads a clock. Not thread-safe: the served model that owns it guards it.
 */
public final class BackfillRetries {
  /** The wait before the first retry of a scope. */
  public static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  /** The longest wait between two retries of a scope. */
  public static final Duration MAX_RETRY = Duration.ofMinutes(10);

  /** A scope waiting for its retry: when it is due, and the wait that led there. */
  private record Retry(Instant due, Duration delay) {}

  private final Duration first;
  private final Duration max;
  private final Map<ForecastScope, Retry> waiting = new LinkedHashMap<>();
  private final Set<ForecastScope> inFlight = new HashSet<>();
  /** Nodes in flight only because their site's retry needs them for its sum. */
  private final Set<ForecastScope> forSite = new HashSet<>();

  /** 30 s, doubling up to 10 min. */
  public BackfillRetries() {
    this(FIRST_RETRY, MAX_RETRY);
  }

  /**
   * @param first the wait before a scope's first retry
   * @param max the longest wait; at least {@code first}
   */
  public BackfillRetries(Duration first, Duration max) {
    this.first = Objects.requireNonNull(first, "first");
    this.max = Objects.requireNonNull(max, "max");
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("backfill retry waits must be first > 0 s and max >="
          + " first, were first " + first + ", max " + max);
    }
  }

  /**
   * The scopes to ask for at {@code now}, each then in flight until {@link #filled} or {@link
   * #failed} answers for it: those of {@code fresh} (seen for the first time) not in flight
   * already, and every scope whose retry is due and is not in flight. A due site brings the
   * nodes {@code nodesOf} gives for it now, or waits while one of them is in flight.
   */
  public List<ForecastScope> toAsk(Collection<ForecastScope> fresh, Instant now,
      Function<SiteId, ? extends Collection<NodeId>> nodesOf) {
    Set<ForecastScope> ask = new LinkedHashSet<>();
    for (ForecastScope scope : fresh) {
      if (!inFlight.contains(scope)) {
        ask.add(scope);
      }
    }
    List<ForecastScope> siteNodes = new ArrayList<>();
    waiting.forEach((scope, retry) -> {
      if (retry.due().isAfter(now) || inFlight.contains(scope)) {
        return;
      }
      if (scope instanceof ForecastScope.OfSite site) {
        List<ForecastScope> nodes = nodesOf.apply(site.site()).stream()
            .map(ForecastScope::node).toList();
        if (nodes.stream().anyMatch(inFlight::contains)) {
          return;
        }
        siteNodes.addAll(nodes);
      }
      ask.add(scope);
    });
    for (ForecastScope node : siteNodes) {
      if (ask.add(node) && !waiting.containsKey(node)) {
        forSite.add(node);
      }
    }
    inFlight.addAll(ask);
    return List.copyOf(ask);
  }

  /** {@code scope} was read back: nothing more to ask for it. */
  public void filled(ForecastScope scope) {
    answered(scope);
    waiting.remove(scope);
  }

  /**
   * {@code scope} was not read at {@code now}: it is asked again after the first wait, or after
   * twice its last one, up to the longest.
   */
  public void failed(ForecastScope scope, Instant now) {
    boolean onlyForItsSite = answered(scope);
    if (onlyForItsSite) {
      return;
    }
    Retry last = waiting.get(scope);
    Duration wait = last == null ? first : min(last.delay().multipliedBy(2), max);
    waiting.put(scope, new Retry(now.plus(wait), wait));
  }

  /** Stops retrying {@code scope}: its history is gone. An answer in flight is still awaited. */
  public void forget(ForecastScope scope) {
    waiting.remove(scope);
  }

  /** Stops retrying every scope but those in {@code tracked}. */
  public void retainAll(Set<ForecastScope> tracked) {
    waiting.keySet().retainAll(tracked);
  }

  /** Scopes waiting for a retry. */
  public int waiting() {
    return waiting.size();
  }

  /** When {@code scope} is asked again; empty when it waits for no retry. */
  public Optional<Instant> retryAt(ForecastScope scope) {
    return Optional.ofNullable(waiting.get(scope)).map(Retry::due);
  }

  /** Whether a request for {@code scope} is in flight. */
  public boolean inFlight(ForecastScope scope) {
    return inFlight.contains(scope);
  }

  /** Ends the flight of {@code scope}; whether it flew only for its site's sum. */
  private boolean answered(ForecastScope scope) {
    inFlight.remove(scope);
    return forSite.remove(scope);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
