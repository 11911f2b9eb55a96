/**
 * What the simulated nodes run: the {@link dev.kelvin.simulator.workload.Workload} seam that
 * hands each node its next idle gap or job, and the seeded random job stream used by default.
 * Trace replay (SWF) plugs in here later.
 */
package dev.kelvin.simulator.workload;
