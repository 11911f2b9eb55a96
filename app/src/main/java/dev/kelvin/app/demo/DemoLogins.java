package dev.kelvin.app.demo;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.access.AccessModel;
import dev.kelvin.mqtt.access.Identity;
import dev.kelvin.mqtt.access.Role;
import dev.kelvin.telemetry.broker.BrokerAccess;
import dev.kelvin.telemetry.broker.BrokerAccess.Account;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's logins, made afresh on every run and kept in memory only: the controller, one
 * agent per simulated node ({@code agent-<site>-<node>}) and a read-only watcher for people who
 * want to see the wire. The embedded broker admits these and nothing else.
 */
public final class DemoLogins {
  /** The controller's username. */
  public static final String CONTROLLER = "kelvin-controller";
  /** The read-only watcher's username. */
  public static final String WATCHER = "kelvin-watch";

  private final Account controller;
  private final Account watcher;
  private final Map<NodeId, Account> agents = new LinkedHashMap<>();
  private final BrokerAccess access;

  /** Logins for the controller, a watcher and an agent of each of {@code nodes}. */
  public DemoLogins(List<NodeId> nodes, Topics topics) {
    controller = BrokerAccess.generated(new Identity(CONTROLLER, new Role.Controller()));
    watcher = BrokerAccess.generated(new Identity(WATCHER, new Role.Watcher()));
    List<Account> all = new ArrayList<>(List.of(controller, watcher));
    for (NodeId node : nodes) {
      Account agent = BrokerAccess.generated(new Identity(agentUsername(node),
          new Role.Agent(node)));
      agents.put(node, agent);
      all.add(agent);
    }
    access = new BrokerAccess(new AccessModel(topics), all);
  }

  /** The username of the agent of {@code node}: {@code agent-<site>-<node>}. */
  public static String agentUsername(NodeId node) {
    return "agent-" + node.site() + "-" + node.name();
  }

  /** What the embedded broker admits. */
  public BrokerAccess access() {
    return access;
  }

  public MqttEndpoint controller(URI broker) {
    return endpoint(broker, controller);
  }

  public MqttEndpoint watcher(URI broker) {
    return endpoint(broker, watcher);
  }

  /**
   * How the agent of {@code node} logs in.
   *
   * @throws IllegalArgumentException for a node the demo's site does not have
   */
  public MqttEndpoint agent(URI broker, NodeId node) {
    Account agent = agents.get(node);
    if (agent == null) {
      throw new IllegalArgumentException("the demo has no login for node " + node);
    }
    return endpoint(broker, agent);
  }

  private static MqttEndpoint endpoint(URI broker, Account account) {
    return MqttEndpoint.withLogin(broker, account.username(), account.password());
  }
}
