/**
 * Readers of the real failure logs of the reference data: the LANL failure log
 * ({@link dev.kelvin.datasets.failure.LanlFailureLog}). A bad record stops a read with the
 * file, the line, the column and the value.
 */
package dev.kelvin.datasets.failure;
