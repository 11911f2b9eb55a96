package dev.kelvin.simulator.trace;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The part of a trace that a replay keeps: the jobs submitted in {@code [fromS, untilS)} seconds
 * after the trace's start, moved so that {@code fromS} becomes second 0. A job is kept whole,
 * however long it runs past the window's end. Every trace format is sliced here.
 *
 * @param fromS the first second kept, from the trace's start
 * @param untilS the first second no longer kept ({@link Long#MAX_VALUE}: to the trace's end)
 */
public record TraceWindow(long fromS, long untilS) {
  private static final double DAY_S = 86_400;

  public TraceWindow {
    if (fromS < 0 || untilS <= fromS) {
      throw new IllegalArgumentException("trace window [" + fromS + " s, " + untilS
          + " s): the start must be 0 or later and the length positive");
    }
  }

  /** The window {@code [from, from + length)}. */
  public static TraceWindow of(Duration from, Duration length) {
    if (from.isNegative() || length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("trace slice from " + from + " for " + length
          + ": the start must be 0 or later and the length positive");
    }
    return new TraceWindow(from.toSeconds(), from.toSeconds() + length.toSeconds());
  }

  /**
   * The window of a scenario's {@code start_day} and {@code days} (fractional days, rounded to
   * the second; no {@code days}: to the trace's end).
   */
  public static TraceWindow ofDays(double startDay, OptionalDouble days) {
    if (!(startDay >= 0) || Double.isInfinite(startDay)) {
      throw new IllegalArgumentException("start_day must be a number of days >= 0, was "
          + startDay);
    }
    if (days.isPresent() && (!(days.getAsDouble() > 0) || Double.isInfinite(days.getAsDouble())
        || Math.round(days.getAsDouble() * DAY_S) < 1)) {
      throw new IllegalArgumentException("days must be a positive number of days (at least"
          + " one second), was " + days.getAsDouble() + " (leave it out to replay to the end)");
    }
    long fromS = Math.round(startDay * DAY_S);
    return new TraceWindow(fromS, days.isEmpty() ? Long.MAX_VALUE
        : fromS + Math.round(days.getAsDouble() * DAY_S));
  }

  /** Whether a job submitted at {@code submitS} is replayed. */
  public boolean holds(long submitS) {
    return submitS >= fromS && submitS < untilS;
  }

  /** A kept submission's second, counted from the window's start. */
  public long rebased(long submitS) {
    return submitS - fromS;
  }

  /** The jobs submitted in the window, their submit times rebased to it, in their order. */
  public List<TraceJob> slice(List<TraceJob> jobs) {
    return jobs.stream().filter(job -> holds(job.submitS()))
        .map(job -> job.withSubmitS(rebased(job.submitS()))).toList();
  }

  /** The window in days, for messages: {@code days 3 to 10} or {@code day 3 to the end}. */
  public String inDays() {
    return untilS == Long.MAX_VALUE ? "day " + days(fromS) + " to the end"
        : "days " + days(fromS) + " to " + days(untilS);
  }

  static String days(long seconds) {
    double value = seconds / DAY_S;
    return value == Math.rint(value) ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
