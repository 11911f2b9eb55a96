/**
 * TLS for MQTT connections: {@link dev.kelvin.mqtt.tls.TlsContexts} turns core's
 * {@link dev.kelvin.core.wire.MqttTls} (a CA file, optionally a client certificate and key, all
 * PEM) into the {@link javax.net.ssl.SSLSocketFactory} Paho connects with. JDK only; every
 * problem with a file is a {@link dev.kelvin.mqtt.tls.TlsSetupException} naming the file.
 */
package dev.kelvin.mqtt.tls;
