package dev.kelvin.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.app.controller.ControllerSettings;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.state.Admission;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.simulator.SiteSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SitesTest {
  private static final DemoOptions OPTIONS = new DemoOptions("127.0.0.1", 0, 0, 2, 4, 42,
      Duration.ofSeconds(1), false, Path.of("audit.jsonl"), Duration.ofMinutes(30),
      Path.of("work"));

  @Test
  void the_demo_controller_admits_its_simulated_nodes_and_refuses_any_other_name() {
    SiteSpec spec = Sites.spec(OPTIONS);
    List<NodeId> nodes = IntStream.range(0, spec.nodeCount()).mapToObj(spec::nodeId).toList();
    ControllerSettings settings = Sites.controller(OPTIONS,
        MqttEndpoint.anonymous(URI.create("tcp://127.0.0.1:1883")), nodes);
    ClusterState state = new ClusterState(settings.state());
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    assertThat(settings.state().inventory()).containsExactlyInAnyOrderElementsOf(nodes)
        .hasSize(8);
    assertThat(state.admit(Readings.reading().node(nodes.get(0)).at(now).build(), now))
        .isEqualTo(Admission.ACCEPTED);
    NodeId stranger = NodeId.of(nodes.get(0).site().toString(), "n99");
    assertThat(state.admit(Readings.reading().node(stranger).at(now).build(), now))
        .isEqualTo(Admission.UNKNOWN_NODE);
    assertThat(state.nodeCount()).isEqualTo(1);
  }
}
