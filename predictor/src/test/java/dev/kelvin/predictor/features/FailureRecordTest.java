package dev.kelvin.predictor.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.port.HistorySource.NodeFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One node's failures, seen live and read back, each once. */
class FailureRecordTest {
  private static final NodeId NODE = NodeId.of("site-a", "n01");
  private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
  private static final int TOTAL = 0;
  private static final int OBSERVED = FailureHistoryFeatures.NAMES.indexOf(
      "history_days_observed");

  private static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  @Test
  void a_failure_read_back_after_it_was_seen_live_is_not_added_again() {
    FailureRecord record = new FailureRecord(day(20));
    record.see(NodeAvailability.of(NODE, State.DOWN, day(19)));

    List<Instant> added = record.seed(new NodeFailures(NODE, day(2), List.of(day(5), day(19))));

    assertThat(added).containsExactly(day(5));
    assertThat(record.features(day(20), 0)[TOTAL]).isEqualTo(2);
    assertThat(record.features(day(20), 0)[OBSERVED]).as("watched since day 2").isEqualTo(18);
  }

  @Test
  void a_node_still_down_with_the_same_since_after_its_failure_was_read_back_fails_once() {
    FailureRecord record = new FailureRecord(day(20));
    record.seed(new NodeFailures(NODE, day(2), List.of(day(5), day(19))));

    assertThat(record.see(NodeAvailability.of(NODE, State.DOWN, day(19)))).isEmpty();
    assertThat(record.see(NodeAvailability.of(NODE, State.IDLE, day(20)))).isEmpty();
    assertThat(record.see(NodeAvailability.of(NODE, State.DOWN, day(21)))).contains(day(21));
    assertThat(record.features(day(22), 0)[TOTAL]).isEqualTo(3);
  }

  @Test
  void a_record_never_shown_availability_nor_read_back_has_an_unknown_history() {
    assertThat(new FailureRecord(T0).features(day(1), 0)).containsOnly(Double.NaN);
  }
}
