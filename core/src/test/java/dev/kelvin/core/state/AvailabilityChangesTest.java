package dev.kelvin.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.ReadingSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live state hands the store each change of a node's availability once, never a repeat. */
class AvailabilityChangesTest {
  private static final SiteId SITE = SiteId.of("site-a");
  private static final NodeId N1 = NodeId.of("site-a", "n01");
  private static final NodeId N2 = NodeId.of("site-a", "n02");
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  private final List<NodeAvailability> stored = new ArrayList<>();
  private final ClusterState state = new ClusterState(StateSettings.defaults(), new ReadingSink() {
    @Override
    public void accept(NodeReading reading, Instant receivedAt) {}

    @Override
    public void acceptAvailability(NodeAvailability changed) {
      stored.add(changed);
    }
  });

  private static NodeAvailability at(NodeId node, State state, int second) {
    return NodeAvailability.of(node, state, T0.plusSeconds(second));
  }

  @Test
  void every_node_of_the_first_report_is_a_change() {
    state.replaceAvailability(SITE, List.of(at(N1, State.IDLE, 0), at(N2, State.BUSY, 1)));

    assertThat(stored).containsExactly(at(N1, State.IDLE, 0), at(N2, State.BUSY, 1));
  }

  @Test
  void a_report_that_repeats_the_last_one_hands_on_nothing() {
    state.replaceAvailability(SITE, List.of(at(N1, State.IDLE, 0), at(N2, State.BUSY, 1)));
    stored.clear();

    state.replaceAvailability(SITE, List.of(at(N1, State.IDLE, 0), at(N2, State.BUSY, 1)));

    assertThat(stored).isEmpty();
  }

  @Test
  void a_new_state_a_new_since_or_a_drain_is_a_change_of_that_node_only() {
    state.replaceAvailability(SITE, List.of(at(N1, State.IDLE, 0), at(N2, State.BUSY, 1)));
    stored.clear();
    NodeAvailability drained = new NodeAvailability(N2, State.BUSY, T0.plusSeconds(1),
        Optional.of(T0.plusSeconds(9)), true);

    state.replaceAvailability(SITE, List.of(at(N1, State.DOWN, 8), drained));
    state.replaceAvailability(SITE, List.of(at(N1, State.DOWN, 12), drained));

    assertThat(stored).containsExactly(at(N1, State.DOWN, 8), drained, at(N1, State.DOWN, 12));
  }

  @Test
  void a_node_left_out_of_a_report_and_back_unchanged_is_no_change() {
    state.replaceAvailability(SITE, List.of(at(N1, State.DOWN, 0), at(N2, State.BUSY, 1)));
    stored.clear();

    state.replaceAvailability(SITE, List.of(at(N2, State.BUSY, 1)));
    state.replaceAvailability(SITE, List.of(at(N1, State.DOWN, 0), at(N2, State.IDLE, 5)));

    assertThat(stored).containsExactly(at(N2, State.IDLE, 5));
  }

  @Test
  void a_state_without_a_sink_keeps_its_changes_to_itself() {
    ClusterState quiet = new ClusterState(StateSettings.defaults());

    quiet.replaceAvailability(SITE, List.of(at(N1, State.DOWN, 0)));

    assertThat(quiet.snapshot(T0.plusSeconds(1)).availability()).containsKey(N1);
  }
}
