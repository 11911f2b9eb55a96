package dev.kelvin.agent;

import dev.kelvin.mqtt.MqttFailure;
import java.util.Optional;
import java.util.function.Consumer;

/** Sends one QoS 1 message: how the telemetry outbox reaches the broker. */
@FunctionalInterface
interface MessagePublisher {
  /**
   * Queues {@code payload} for {@code topic}.
   *
   * @param done called once, later, with empty on delivery or the failure; not called when
   *     this method returns a failure
   * @return empty when queued, else why not
   */
  Optional<MqttFailure> publish(String topic, byte[] payload,
      Consumer<Optional<MqttFailure>> done);
}
