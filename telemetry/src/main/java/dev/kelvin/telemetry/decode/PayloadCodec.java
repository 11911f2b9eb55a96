package dev.kelvin.telemetry.decode;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.validation.ValidationException;
import java.time.Instant;
import java.util.Optional;

/**
 * One wire format of telemetry: Kelvin JSON, Telegraf's InfluxDB line protocol, Sparkplug B.
 * A codec turns one MQTT message into the node and facility readings it carries, converting
 * units at this boundary. It refuses a whole message by throwing a {@link ValidationException};
 * a bad item among good ones (one reading of a batch, one line, one metric) goes to
 * {@link Decoded#refused()} and the good ones are kept. Implementations are thread-safe.
 */
public interface PayloadCodec {

  /** Whether messages on {@code topic} are in this codec's format. */
  boolean handles(String topic);

  /**
   * Decodes a message received on {@code topic} at {@code receivedAt}.
   *
   * @throws ValidationException naming the reason, the field and the bad value when nothing of
   *     the message can be kept
   */
  Decoded decode(String topic, byte[] payload, Instant receivedAt);

  /**
   * The node that {@code topic} names, when it names one; used to throttle reject log lines
   * per node instead of per reason.
   */
  default Optional<NodeId> topicNode(String topic) {
    return Optional.empty();
  }
}
