package dev.kelvin.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The site's total power over the last {@link #WINDOW}, one point per push, so that a page that
 * opens now draws a full chart instead of an empty one. Bounded whatever the push interval: a
 * point less than {@link #MIN_SPACING} after the previous one is skipped, so at most
 * {@link #MAX_POINTS} are kept. A clock that goes back (a restarted simulation) starts the history
 * over, as the page does. Time is the snapshot's, i.e. the injected clock's. Thread-safe.
 */
final class PowerHistory {
  /** How far back the chart reaches. */
  static final Duration WINDOW = Duration.ofMinutes(10);
  /** The closest two points may be: one per push at the default 1 s interval. */
  static final Duration MIN_SPACING = Duration.ofSeconds(1);
  /** The most points kept: one per {@link #MIN_SPACING} over the window, both ends included. */
  static final int MAX_POINTS = (int) (WINDOW.toMillis() / MIN_SPACING.toMillis()) + 1;

  private final ArrayDeque<PowerPoint> points = new ArrayDeque<>();

  /** Adds the total power measured {@code at}, and forgets points older than the window. */
  synchronized void record(Instant at, double totalPowerWatts) {
    Objects.requireNonNull(at, "at");
    PowerPoint last = points.peekLast();
    if (last != null && at.isBefore(last.at())) {
      points.clear();
    } else if (last != null && at.isBefore(last.at().plus(MIN_SPACING))) {
      return;
    }
    points.addLast(new PowerPoint(at, totalPowerWatts));
    Instant oldest = at.minus(WINDOW);
    while (points.peekFirst().at().isBefore(oldest) || points.size() > MAX_POINTS) {
      points.removeFirst();
    }
  }

  /** The points, oldest first. */
  synchronized List<PowerPoint> points() {
    return List.copyOf(points);
  }

  /** The points from {@code from} to {@code to}, both included, oldest first. */
  synchronized List<PowerPoint> points(Instant from, Instant to) {
    List<PowerPoint> within = new ArrayList<>();
    for (PowerPoint point : points) {
      if (!point.at().isBefore(from) && !point.at().isAfter(to)) {
        within.add(point);
      }
    }
    return within;
  }
}
