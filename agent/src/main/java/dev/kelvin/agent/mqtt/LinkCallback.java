package dev.kelvin.agent.mqtt;

import dev.kelvin.core.wire.MqttEndpoint;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's connection events passed on to a {@link MqttLink.Listener}, which never sees a Paho
 * type and whose exceptions never reach Paho (an exception thrown from {@code messageArrived}
 * would make Paho drop the connection); also the options every connect uses.
 */
final class LinkCallback implements MqttCallback {
  private static final Logger LOG = LoggerFactory.getLogger(LinkCallback.class);
  private static final int QOS_1 = 1;
  private static final int KEEP_ALIVE_SECONDS = 15;
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private final MqttEndpoint endpoint;
  private final String clientId;
  private final MqttLink.Listener listener;

  LinkCallback(MqttEndpoint endpoint, String clientId, MqttLink.Listener listener) {
    this.endpoint = endpoint;
    this.clientId = clientId;
    this.listener = listener;
  }

  /**
   * Options for every connect: clean start (commands queued while the agent was away are not
   * applied late; the controller renews what it still wants), no automatic reconnect (the
   * agent paces its own), 15 s keep-alive, 5 s connect timeout, the login, and a retained QoS 1
   * Last Will.
   */
  static MqttConnectionOptions options(MqttEndpoint endpoint, String willTopic,
      String willPayload) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
    options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
    endpoint.username().ifPresent(options::setUserName);
    endpoint.password().ifPresent(password ->
        options.setPassword(password.getBytes(StandardCharsets.UTF_8)));
    MqttMessage will = new MqttMessage(willPayload.getBytes(StandardCharsets.UTF_8), QOS_1, true,
        new MqttProperties());
    options.setWill(willTopic, will);
    return options;
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    MqttFailure failure = response.getException() != null
        ? MqttFailure.of(response.getException(), endpoint, clientId)
        : new MqttFailure(MqttFailure.Kind.DISCONNECTED, "the broker at " + endpoint.broker()
            + " disconnected with reason " + response.getReturnCode()
            + (response.getReasonString() == null ? "" : ": " + response.getReasonString()));
    try {
      listener.connectionLost(failure);
    } catch (RuntimeException e) {
      LOG.error("{}: the connection listener failed", clientId, e);
    }
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.warn("{}: {}", clientId, MqttFailure.of(exception, endpoint, clientId).message());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    try {
      listener.messageArrived(topic, message.getPayload());
    } catch (RuntimeException e) {
      LOG.error("{}: handling a message on {} failed; the connection stays up", clientId,
          topic, e);
    }
  }

  @Override
  public void deliveryComplete(IMqttToken token) {
    // Completion is reported through each publish's own listener.
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    // Reported through the connect listener, which also carries failures.
  }

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {
    LOG.debug("{}: ignoring an AUTH packet (reason {}): no enhanced authentication in use",
        clientId, reasonCode);
  }
}
