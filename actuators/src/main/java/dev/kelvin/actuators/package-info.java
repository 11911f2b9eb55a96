/**
 * Carries out approved actions: setpoints become commands to the node agent over MQTT, and the
 * agent's acknowledgement, with the value read back from the hardware, becomes the
 * {@link dev.kelvin.core.action.ActionResult}. A {@link dev.kelvin.actuators.RoutedExecutor}
 * (Slurm's, in package {@code slurm}) can take some kinds of action in front of them. Paho and
 * Jackson stay inside this package; its public API speaks core types, JDK types and its own
 * settings and statistics records.
 */
package dev.kelvin.actuators;
