/**
 * The control loop: snapshot, predict, decide, guard, execute, audit, once per tick, with the
 * leases of held setpoints kept alive; and a ticker that drives it from real time.
 */
package dev.kelvin.core.loop;
