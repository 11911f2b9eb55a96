package dev.kelvin.telemetry.broker;

import java.util.Locale;

/** Renders HiveMQ CE's {@code config.xml} for the embedded broker. */
final class HiveMqConfig {
  private HiveMqConfig() {}

  /** The longest client id the broker takes; Kelvin's are {@code <username>:<session>}. */
  static final int MAX_CLIENT_ID_CHARS = 256;
  /** The longest topic the broker takes; Kelvin's topics are well under 200 characters. */
  static final int MAX_TOPIC_CHARS = 1_024;

  /**
   * One TCP listener on {@code host:port}; the per-client queue raised to {@code maxQueued};
   * packets up to {@code maxPacketBytes}, client ids and topics of bounded length; in-memory
   * persistence; anonymous usage statistics off.
   */
  static String render(String host, int port, int maxQueued, int maxPacketBytes) {
    return String.format(Locale.ROOT, """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
              <strategy>discard</strategy>
            </queued-messages>
            <packets>
              <max-packet-size>%d</max-packet-size>
            </packets>
          </mqtt>
          <restrictions>
            <max-client-id-length>%d</max-client-id-length>
            <max-topic-length>%d</max-topic-length>
          </restrictions>
          <persistence>
            <mode>in-memory</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """, port, host, maxQueued, maxPacketBytes, MAX_CLIENT_ID_CHARS, MAX_TOPIC_CHARS);
  }
}
