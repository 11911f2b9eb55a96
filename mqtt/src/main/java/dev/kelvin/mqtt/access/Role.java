package dev.kelvin.mqtt.access;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import java.util.Objects;

/** What a client of the broker is, which decides the topics it may use. */
public sealed interface Role {
  /** The controller: reads every node's telemetry, status and acks; sends commands. */
  record Controller() implements Role {}

  /** The agent of one node: publishes that node's telemetry, status and acks; reads its commands. */
  record Agent(NodeId node) implements Role {
    public Agent {
      Objects.requireNonNull(node, "node");
    }
  }

  /** A facility gateway of one site (CRAC, PDU, UPS, weather): publishes that site's sensors. */
  record Gateway(SiteId site) implements Role {
    public Gateway {
      Objects.requireNonNull(site, "site");
    }
  }

  /** A person or tool watching the wire: reads everything, publishes nothing. */
  record Watcher() implements Role {}
}
