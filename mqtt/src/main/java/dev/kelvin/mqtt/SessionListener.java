package dev.kelvin.mqtt;

/**
 * What a session tells its owner, on its delivery thread; every method must return quickly and
 * should not throw (an exception is logged and ignored).
 */
public interface SessionListener {
  /** A message arrived on a subscribed topic. */
  void message(String topic, byte[] payload);

  /**
   * Connected, with the declared subscriptions made: the first time from {@code open()}, then
   * after each reconnect ({@code reconnect} true).
   */
  default void connected(boolean reconnect) {}

  /** An established connection dropped; the session reconnects on its own. */
  default void connectionLost(MqttFailure failure) {}

  /**
   * The broker refused something that retrying cannot fix without a change of configuration: a
   * reconnect's login or client id, or a subscription (its ACL). Already logged at ERROR and
   * counted; the session keeps trying at its slowest pace.
   */
  default void refused(MqttFailure failure) {}
}
