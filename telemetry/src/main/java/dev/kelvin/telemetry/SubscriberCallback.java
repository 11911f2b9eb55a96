package dev.kelvin.telemetry;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's callback for one {@link TelemetrySubscriber}. No exception leaves it: a callback that
 * throws makes Paho drop the connection.
 */
final class SubscriberCallback implements MqttCallback {
  private static final Logger log = LoggerFactory.getLogger(SubscriberCallback.class);

  private final TelemetrySubscriber subscriber;
  private final MqttAsyncClient client;

  SubscriberCallback(TelemetrySubscriber subscriber, MqttAsyncClient client) {
    this.subscriber = subscriber;
    this.client = client;
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    subscriber.onMessage(topic, message.getPayload());
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    try {
      subscriber.onConnected(client);
    } catch (RuntimeException bug) {
      log.error("Handling the connection to {} failed", serverUri, bug);
    }
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    MqttException failure = response.getException();
    String cause = failure != null ? MqttFailures.likelyCause(failure) + " ("
        + failure.getMessage() + ")"
        : "the broker disconnected us with reason code " + response.getReturnCode()
            + (response.getReasonString() == null ? "" : ": " + response.getReasonString());
    try {
      subscriber.onDisconnected(cause);
    } catch (RuntimeException bug) {
      log.error("Handling the lost connection failed", bug);
    }
  }

  @Override
  public void mqttErrorOccurred(MqttException failure) {
    log.warn("MQTT error from {}: {} ({})", subscriber.settings().endpoint(),
        MqttFailures.likelyCause(failure), failure.getMessage());
  }

  @Override
  public void deliveryComplete(IMqttToken token) {
    // Only the controller status is published; nothing waits for its delivery here.
  }

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {
    // No enhanced authentication is configured.
  }
}
