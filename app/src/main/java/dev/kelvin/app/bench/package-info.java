/**
 * {@code kelvin bench}: measured figures for Kelvin's hot paths on real components, printed
 * with the machine they ran on. Performance targets live here, never in timed unit tests.
 */
package dev.kelvin.app.bench;
