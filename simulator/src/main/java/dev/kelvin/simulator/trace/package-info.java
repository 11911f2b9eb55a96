/**
 * Job traces read from files: the Standard Workload Format of the Parallel Workloads Archive
 * ({@link SwfReader}), each record checked field by field, with errors that name the file, the
 * line and the field.
 */
package dev.kelvin.simulator.trace;
