/**
 * Job traces read from files and turned into the one job record the simulator runs
 * ({@link TraceJob}): the Standard Workload Format of the Parallel Workloads Archive
 * ({@link SwfReader}, {@link SwfJobs}), the ALCF job logs as Lumos packages them
 * ({@link LumosReader}, {@link LumosJobs}) and the Alibaba GPU pod lists
 * ({@link AlibabaPodReader}, {@link AlibabaPods}). Every reader checks each record and names the
 * file, the line and the field of a bad one; every record that cannot be replayed is skipped
 * with a reason and counted. {@link Traces} loads a scenario's trace and slices
 * ({@link TraceWindow}) and scales ({@link LoadScale}) it the same way for every format.
 */
package dev.kelvin.simulator.trace;
