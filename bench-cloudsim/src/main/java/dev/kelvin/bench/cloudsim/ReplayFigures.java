package dev.kelvin.bench.cloudsim;

import java.util.Locale;

/**
 * What one replay measured.
 *
 * @param wallS seconds from reading the trace to the end of the simulation
 * @param cpuS CPU seconds the whole process used until then (JIT and GC threads included): on
 *     a busy machine a steadier figure than the wall time
 * @param peakMb the process's peak resident memory ({@code VmHWM}), MiB; -1 where there is no
 *     Linux {@code /proc}
 * @param cloudlets cloudlets submitted: one per processor of each replayed job
 * @param finished cloudlets that finished
 * @param energyKwh the hosts' energy over the run, kWh
 * @param makespanS simulated seconds until the last cloudlet finished
 * @param skippedJobs jobs of the trace left out: no known run time or processor count
 */
public record ReplayFigures(double wallS, double cpuS, long peakMb, long cloudlets,
    long finished, double energyKwh, double makespanS, long skippedJobs) {

  /** The figures as one line of JSON, numbers written the same in every locale. */
  public String toJson() {
    return String.format(Locale.ROOT, "{\"wall_s\":%.3f,\"cpu_s\":%.3f,\"peak_mb\":%d,"
        + "\"cloudlets\":%d,\"finished\":%d,\"energy_kwh\":%.6f,\"makespan_s\":%.1f,"
        + "\"skipped_jobs\":%d}",
        wallS, cpuS, peakMb, cloudlets, finished, energyKwh, makespanS, skippedJobs);
  }
}
