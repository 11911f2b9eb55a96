package dev.kelvin.simulator.trace;

import java.time.Duration;
import java.util.List;

/**
 * A Standard Workload Format trace as read: its header and its jobs in file order. Slicing and
 * load scaling use {@link TraceWindow} and {@link LoadScale}, as every other format does.
 */
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
    TraceWindow window = TraceWindow.of(from, length);
    return new SwfTrace(source, header, jobs.stream()
        .filter(job -> window.holds(job.submitSeconds()))
        .map(job -> job.withSubmitSeconds(window.rebased(job.submitSeconds())))
        .toList());
  }

  /**
   * The same jobs arriving {@code factor} times as fast (submit times divided by it, rounded
   * down), the usual way to scale the offered load of a trace while keeping each job's size and
   * run time: a factor of 1.5 offers 50 % more work per hour.
   */
  public SwfTrace scaleLoad(double factor) {
    LoadScale scale = new LoadScale(factor);
    return new SwfTrace(source, header, jobs.stream()
        .map(job -> job.withSubmitSeconds(scale.submitS(job.submitSeconds())))
        .toList());
  }
}
