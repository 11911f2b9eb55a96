package dev.kelvin.mqtt;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.mqtt.tls.TlsContexts;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Paho's connect options from {@link SessionSettings}: clean or persistent session with its
 * expiry, keep alive, connect timeout, login, TLS, the Last Will (QoS 1), and Paho's automatic
 * reconnect off (see {@link PahoSession}), and the in-flight window of a listener that
 * acknowledges itself.
 */
final class PahoOptions {
  private PahoOptions() {}

  /**
   * @param manualAcks whether the listener acknowledges each message itself: then the session
   *     asks for the largest in-flight window, {@link AcknowledgingListener#WINDOW}
   */
  static MqttConnectionOptions of(SessionSettings settings, boolean manualAcks) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    if (manualAcks) {
      options.setReceiveMaximum(AcknowledgingListener.WINDOW);
    }
    options.setCleanStart(settings.cleanSession());
    if (!settings.cleanSession()) {
      options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
    }
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(Math.toIntExact(settings.keepAlive().toSeconds()));
    options.setConnectionTimeout(Math.toIntExact(settings.connectTimeout().toSeconds()));
    MqttEndpoint endpoint = settings.endpoint();
    endpoint.username().ifPresent(options::setUserName);
    endpoint.password().ifPresent(password -> options.setPassword(PahoSession.utf8(password)));
    endpoint.tls().ifPresent(files -> {
      options.setSocketFactory(TlsContexts.socketFactory(files));
      options.setHttpsHostnameVerificationEnabled(true);
    });
    settings.will().ifPresent(will -> options.setWill(will.topic(),
        new MqttMessage(PahoSession.utf8(will.payload()), 1, will.retained(),
            new MqttProperties())));
    return options;
  }
}
