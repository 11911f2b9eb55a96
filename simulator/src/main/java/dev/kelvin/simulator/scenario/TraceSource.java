package dev.kelvin.simulator.scenario;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The job trace a scenario replays.
 *
 * @param file the trace file (absolute once {@link ScenarioReader} has found it: a relative path
 *     is looked for in the scenario file's folder, then in the working folder)
 * @param format the trace's format, from the file name unless given
 * @param startDay the first day of the trace replayed (days from its start, may be fractional)
 * @param days how many days are replayed; empty for the rest of the trace
 * @param loadScale arrivals compressed by this factor (2 doubles the load); 1 replays as is
 * @param deferrableShare the share of its jobs whose users marked them deferrable (0 to 1)
 */
public record TraceSource(Path file, Format format, double startDay, OptionalDouble days,
    double loadScale, double deferrableShare) {
  public TraceSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(days, "days");
    if (!(startDay >= 0) || !(loadScale > 0) || days.isPresent() && !(days.getAsDouble() > 0)) {
      throw new IllegalArgumentException("a trace source needs startDay >= 0, days > 0 and"
          + " loadScale > 0, was " + startDay + ", " + days + ", " + loadScale);
    }
    if (!(deferrableShare >= 0 && deferrableShare <= 1)) {
      throw new IllegalArgumentException("a trace source's deferrable share must be within"
          + " 0..1, was " + deferrableShare);
    }
  }

  /** A trace source none of whose jobs is deferrable. */
  public TraceSource(Path file, Format format, double startDay, OptionalDouble days,
      double loadScale) {
    this(file, format, startDay, days, loadScale, 0);
  }

  /** The trace formats Kelvin reads. */
  public enum Format { SWF, LUMOS, ALIBABA }
}
