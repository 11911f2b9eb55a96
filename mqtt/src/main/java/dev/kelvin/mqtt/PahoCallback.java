package dev.kelvin.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's connection events handed to a {@link PahoSession}. No exception leaves it: one thrown
 * from {@code messageArrived} would make Paho drop the connection.
 */
final class PahoCallback implements MqttCallback {
  private static final Logger LOG = LoggerFactory.getLogger(PahoCallback.class);

  private final PahoSession session;

  PahoCallback(PahoSession session) {
    this.session = session;
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    SessionSettings settings = session.settings();
    MqttFailure failure = response.getException() != null
        ? PahoFailures.of(response.getException(), settings.endpoint(), settings.clientId())
        : PahoFailures.disconnected(settings.endpoint(), response.getReturnCode(),
            response.getReasonString());
    session.lost(failure);
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    SessionSettings settings = session.settings();
    LOG.warn("{}: {}", settings.clientId(),
        PahoFailures.of(exception, settings.endpoint(), settings.clientId()).message());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    session.arrived(topic, message.getPayload(), message.getId(), message.getQos());
  }

  @Override
  public void deliveryComplete(IMqttToken token) {
    // Each publish reports through its own action listener.
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    // Reported through the connect action listeners, which also carry failures.
  }

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {
    LOG.debug("{}: ignoring an AUTH packet (reason {}): no enhanced authentication in use",
        session.clientId(), reasonCode);
  }
}
