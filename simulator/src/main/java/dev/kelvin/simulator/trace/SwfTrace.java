package dev.kelvin.simulator.trace;

import java.time.Duration;
import java.util.List;

/** A Standard Workload Format trace as read: its header and its jobs in file order. */
public record SwfTrace(String source, SwfHeader header, List<SwfJob> jobs) {
  public SwfTrace {
    jobs = List.copyOf(jobs);
  }

  /**
   * The jobs submitted in {@code [from, from + length)} after the trace's start, with their
   * submit times moved so that {@code from} becomes second 0. A job is kept whole, however long
   * it runs past the end of the slice.
   */
  public SwfTrace slice(Duration from, Duration length) {
    if (from.isNegative() || length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("trace slice from " + from + " for " + length
          + ": the start must be 0 or later and the length positive");
    }
    long startSeconds = from.toSeconds();
    long endSeconds = startSeconds + length.toSeconds();
    return new SwfTrace(source, header, jobs.stream()
        .filter(job -> job.submitSeconds() >= startSeconds && job.submitSeconds() < endSeconds)
        .map(job -> job.withSubmitSeconds(job.submitSeconds() - startSeconds))
        .toList());
  }

  /**
   * The same jobs arriving {@code factor} times as fast (submit times divided by it, rounded
   * down), the usual way to scale the offered load of a trace while keeping each job's size and
   * run time: a factor of 1.5 offers 50 % more work per hour.
   */
  public SwfTrace scaleLoad(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("load scale factor " + factor
          + " must be a positive number (1 keeps the trace's own load)");
    }
    return new SwfTrace(source, header, jobs.stream()
        .map(job -> job.withSubmitSeconds((long) Math.floor(job.submitSeconds() / factor)))
        .toList());
  }
}
