package dev.kelvin.simulator.trace;

import java.util.OptionalLong;

/**
 * One job of a Standard Workload Format trace: its 18 fields in the archive's order, with the
 * format's {@value #MISSING} kept for a value the trace does not know. Times are seconds
 * (submission counted from the trace's start), memory KiB per processor.
 */
public record SwfJob(
    long jobNumber, long submitSeconds, long waitSeconds, long runSeconds,
    long allocatedProcessors, double averageCpuSeconds, double usedMemoryKib,
    long requestedProcessors, long requestedSeconds, double requestedMemoryKib, long status,
    long userId, long groupId, long executable, long queue, long partition,
    long precedingJob, long thinkSeconds) {

  /** The format's marker for a value not known. */
  public static final long MISSING = -1;

  /** Status 1: the job completed normally. */
  public static final long COMPLETED = 1;

  /** This job submitted at another second of the trace. */
  public SwfJob withSubmitSeconds(long seconds) {
    return new SwfJob(jobNumber, seconds, waitSeconds, runSeconds, allocatedProcessors,
        averageCpuSeconds, usedMemoryKib, requestedProcessors, requestedSeconds,
        requestedMemoryKib, status, userId, groupId, executable, queue, partition, precedingJob,
        thinkSeconds);
  }

  /** The run time when the trace knows it. */
  public OptionalLong knownRunSeconds() {
    return known(runSeconds);
  }

  /** The wall time the user asked for when the trace knows it. */
  public OptionalLong knownRequestedSeconds() {
    return known(requestedSeconds);
  }

  /**
   * The processors the job needs: those it was given, or those it asked for when the trace
   * does not say what it got.
   */
  public OptionalLong processors() {
    return allocatedProcessors > 0 ? OptionalLong.of(allocatedProcessors)
        : known(requestedProcessors);
  }

  private static OptionalLong known(long value) {
    return value == MISSING ? OptionalLong.empty() : OptionalLong.of(value);
  }
}
