package dev.kelvin.mqtt;

import dev.kelvin.core.time.Scheduler;

/**
 * Makes MQTT sessions: {@link PahoTransport} over the network to a real broker, or a
 * {@link dev.kelvin.mqtt.loopback.LoopbackBroker} inside the process, on a virtual clock, for
 * tests and simulation. Telemetry, actuators and the node agent take one and never know which.
 */
@FunctionalInterface
public interface MqttTransport {
  /**
   * A session that is not connected yet; {@link MqttSession#open()} connects it.
   *
   * @param scheduler paces reconnects (and, for the loopback, delivers messages)
   * @param listener hears of connections, losses, refusals and messages
   */
  MqttSession session(SessionSettings settings, Scheduler scheduler, SessionListener listener);
}
