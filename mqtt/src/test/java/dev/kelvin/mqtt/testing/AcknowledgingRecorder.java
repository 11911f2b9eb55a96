package dev.kelvin.mqtt.testing;

import dev.kelvin.mqtt.Acknowledgement;
import dev.kelvin.mqtt.AcknowledgingListener;
import dev.kelvin.mqtt.MqttFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * A listener that acknowledges itself, for tests: it records every event as a
 * {@link RecordingListener} does and acknowledges at once each message whose payload
 * {@code acknowledges} accepts, leaving the others unacknowledged. Thread-safe.
 */
public final class AcknowledgingRecorder implements AcknowledgingListener {
  private final RecordingListener recorded = new RecordingListener();
  private final Predicate<String> acknowledges;

  public AcknowledgingRecorder(Predicate<String> acknowledges) {
    this.acknowledges = acknowledges;
  }

  @Override
  public void message(String topic, byte[] payload, Acknowledgement ack) {
    recorded.message(topic, payload);
    if (acknowledges.test(new String(payload, StandardCharsets.UTF_8))) {
      ack.acknowledge();
    }
  }

  @Override
  public void connected(boolean reconnect) {
    recorded.connected(reconnect);
  }

  @Override
  public void connectionLost(MqttFailure failure) {
    recorded.connectionLost(failure);
  }

  /** The payloads received on {@code topic}, in order. */
  public List<String> payloads(String topic) {
    return recorded.payloads(topic);
  }

  /** One entry per connect: false for the first, true for each reconnect. */
  public List<Boolean> connects() {
    return recorded.connects();
  }
}
