/**
 * Readers of the real load traces of the reference data, each turned into {@link
 * dev.kelvin.datasets.load.LoadSeries}: PlanetLab VM CPU utilisation every 5 minutes ({@link
 * dev.kelvin.datasets.load.PlanetLabTrace}), BioHPC hourly GPU power and utilisation per server
 * ({@link dev.kelvin.datasets.load.BioHpcTelemetry}) and the queue demand of a Standard Workload
 * Format job log ({@link dev.kelvin.datasets.load.SwfArrivals}). A missing value is NaN, never 0.
 * A bad row is skipped and counted by reason ({@link dev.kelvin.datasets.load.BadRows}); a read
 * stops when more than 1 % of the rows are bad.
 */
package dev.kelvin.datasets.load;
