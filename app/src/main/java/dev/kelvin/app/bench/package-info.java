/**
 * {@code kelvin bench}: measured figures for Kelvin's hot paths on real components, printed
 * with the machine they ran on; {@code kelvin bench agent}: the node agent's artifact size,
 * resident memory and CPU share, run as its own process. Performance targets live here, never
 * in timed unit tests.
 */
package dev.kelvin.app.bench;
