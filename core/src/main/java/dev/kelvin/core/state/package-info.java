/**
 * The live cluster state: per-node windows of recent readings with duplicate, late and
 * clock-skew handling, and the snapshots the control loop decides on.
 */
package dev.kelvin.core.state;
