package dev.kelvin.core.action;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Hands out action ids: a prefix and a counter, e.g. {@code a-t4k2qz-000017}. The prefix comes
 * from the instant the generator was made (seconds, base 36), so ids are unique across restarts
 * of one controller; {@link #forController} adds random characters, so that controllers started
 * in the same second (scale-out) cannot hand out the same id. The plain constructor is
 * repeatable, for simulation and tests.
 */
public final class ActionIds {
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  /** Repeatable ids: the same start gives the same ids (simulation, tests). */
  public ActionIds(Instant start) {
    this.prefix = "a-" + Long.toString(start.getEpochSecond(), 36);
  }

  private ActionIds(String prefix) {
    this.prefix = prefix;
  }

  /** Ids for a live controller: the start time plus four random characters. */
  public static ActionIds forController(Instant start, RandomGenerator random) {
    StringBuilder salt = new StringBuilder(4);
    for (int i = 0; i < 4; i++) {
      salt.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new ActionIds("a-" + Long.toString(start.getEpochSecond(), 36) + salt);
  }

  /** The next id: the prefix, a dash and the counter in at least six digits. */
  public ActionId next() {
    String count = Long.toString(counter.incrementAndGet());
    StringBuilder id = new StringBuilder(prefix.length() + 8).append(prefix).append('-');
    for (int pad = 6 - count.length(); pad > 0; pad--) {
      id.append('0');
    }
    return new ActionId(id.append(count).toString());
  }
}
