package dev.kelvin.telemetry.broker;

import java.util.Locale;

/** Renders HiveMQ CE's {@code config.xml} for the embedded broker. */
final class HiveMqConfig {
  private HiveMqConfig() {}

  /**
   * One TCP listener on {@code host:port}; the per-client queue raised to {@code maxQueued};
   * in-memory persistence; anonymous usage statistics off.
   */
  static String render(String host, int port, int maxQueued) {
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
          </mqtt>
          <persistence>
            <mode>in-memory</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """, port, host, maxQueued);
  }
}
