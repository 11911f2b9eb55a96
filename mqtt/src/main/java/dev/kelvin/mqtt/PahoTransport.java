package dev.kelvin.mqtt;

import dev.kelvin.core.time.Scheduler;

/** Sessions over the network to a real broker, with Eclipse Paho's MQTT 5 client. */
public final class PahoTransport implements MqttTransport {
  /** The one instance: it holds no state. */
  public static final PahoTransport INSTANCE = new PahoTransport();

  private PahoTransport() {}

  /**
   * @throws IllegalArgumentException when Paho refuses the broker address or the client id
   */
  @Override
  public MqttSession session(SessionSettings settings, Scheduler scheduler,
      SessionListener listener) {
    return new PahoSession(settings, scheduler, listener);
  }
}
