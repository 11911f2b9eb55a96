/**
 * The {@code kelvin} command line and the composition root: the only code that sees every
 * module and wires them together.
 */
package dev.kelvin.app;
