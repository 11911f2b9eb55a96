package dev.kelvin.mqtt.testing;

import dev.kelvin.mqtt.MqttFailure;
import dev.kelvin.mqtt.SessionListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A session listener that records every event, for tests. Thread-safe. */
public final class RecordingListener implements SessionListener {
  /** One message as it arrived. */
  public record Message(String topic, String payload) {}

  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final List<Boolean> connects = new CopyOnWriteArrayList<>();
  private final List<MqttFailure> losses = new CopyOnWriteArrayList<>();
  private final List<MqttFailure> refusals = new CopyOnWriteArrayList<>();

  @Override
  public void message(String topic, byte[] payload) {
    messages.add(new Message(topic, new String(payload, StandardCharsets.UTF_8)));
  }

  @Override
  public void connected(boolean reconnect) {
    connects.add(reconnect);
  }

  @Override
  public void connectionLost(MqttFailure failure) {
    losses.add(failure);
  }

  @Override
  public void refused(MqttFailure failure) {
    refusals.add(failure);
  }

  public List<Message> messages() {
    return List.copyOf(messages);
  }

  /** The payloads received on {@code topic}, in order. */
  public List<String> payloads(String topic) {
    return messages.stream().filter(m -> m.topic().equals(topic)).map(Message::payload)
        .toList();
  }

  /** One entry per connect: false for the first, true for each reconnect. */
  public List<Boolean> connects() {
    return List.copyOf(connects);
  }

  public List<MqttFailure> losses() {
    return List.copyOf(losses);
  }

  public List<MqttFailure> refusals() {
    return List.copyOf(refusals);
  }
}
