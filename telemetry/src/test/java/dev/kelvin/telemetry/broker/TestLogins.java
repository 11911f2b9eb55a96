package dev.kelvin.telemetry.broker;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.access.AccessModel;
import dev.kelvin.mqtt.access.Identity;
import dev.kelvin.mqtt.access.Role;
import dev.kelvin.telemetry.broker.BrokerAccess.Account;
import java.util.List;

/** The logins of a small site for tests of the embedded broker: a controller, two agents, a watcher. */
public final class TestLogins {
  public static final NodeId N01 = NodeId.of("site-a", "n01");
  public static final NodeId N02 = NodeId.of("site-a", "n02");

  public final Account controller =
      BrokerAccess.generated(new Identity("kelvin-controller", new Role.Controller()));
  public final Account agent01 =
      BrokerAccess.generated(new Identity("agent-site-a-n01", new Role.Agent(N01)));
  public final Account agent02 =
      BrokerAccess.generated(new Identity("agent-site-a-n02", new Role.Agent(N02)));
  public final Account watcher =
      BrokerAccess.generated(new Identity("kelvin-watch", new Role.Watcher()));
  public final BrokerAccess access = new BrokerAccess(new AccessModel(Topics.defaults()),
      List.of(controller, agent01, agent02, watcher));

  /** How {@code account} connects to {@code broker}. */
  public static MqttEndpoint endpoint(EmbeddedBroker broker, Account account) {
    return MqttEndpoint.withLogin(broker.uri(), account.username(), account.password());
  }
}
