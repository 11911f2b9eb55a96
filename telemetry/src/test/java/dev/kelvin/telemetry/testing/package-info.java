/** Test helpers: plain Paho clients that publish and record, as a sender or an operator would. */
package dev.kelvin.telemetry.testing;
