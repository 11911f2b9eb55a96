/**
 * Readers of the real failure logs of the reference data: the LANL failure log ({@link
 * dev.kelvin.datasets.failure.LanlFailureLog}, which stops at the first bad record), the
 * Grid'5000 trace in Failure Trace Archive format ({@link
 * dev.kelvin.datasets.failure.FtaEventTrace}), the Titan GPU placements ({@link
 * dev.kelvin.datasets.failure.TitanGpuLog}) and the Alpine and Campaign disk failures ({@link
 * dev.kelvin.datasets.failure.DiskFailureLog}). The last three skip bad rows, count them by
 * reason ({@link dev.kelvin.datasets.failure.BadRows}) and stop when too many are bad; every
 * message names the file and the line.
 */
package dev.kelvin.datasets.failure;
