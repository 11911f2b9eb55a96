package dev.kelvin.core.action;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out action ids that are unique across restarts and repeatable in simulation: a prefix
 * from the instant the generator was made (seconds, base 36) and a counter, e.g.
 * {@code a-t4k2qz-000017}.
 */
public final class ActionIds {
  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  public ActionIds(Instant start) {
    this.prefix = "a-" + Long.toString(start.getEpochSecond(), 36);
  }

  public ActionId next() {
    return new ActionId(String.format("%s-%06d", prefix, counter.incrementAndGet()));
  }
}
