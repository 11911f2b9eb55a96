package dev.kelvin.telemetry.decode.telegraf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AggregateTest {

  @Test
  void a_sum_replaces_a_members_earlier_value() {
    Aggregate sum = Aggregate.ofMessage(Aggregation.SUM);
    sum.add("PSU.Slot.1", 200);
    sum.add("PSU.Slot.2", 210);
    sum.add("PSU.Slot.1", 205);

    assertThat(sum.value()).isEqualTo(415);
  }

  @Test
  void a_running_mean_counts_each_numbered_member_once_across_messages() {
    Aggregate running = Aggregate.running(Aggregation.MEAN);
    Aggregate first = Aggregate.ofMessage(Aggregation.MEAN);
    first.add("0", 1000);
    first.add("1", 2000);
    Aggregate again = Aggregate.ofMessage(Aggregation.MEAN);
    again.add("1", 2000);
    again.add("2", 3000);

    running.addAll(first);
    running.addAll(again);

    assertThat(running.value()).isEqualTo(2000);
  }

  @Test
  void a_maximum_and_a_set_value_combine_as_named() {
    Aggregate max = Aggregate.running(Aggregation.MAX);
    Aggregate part = Aggregate.ofMessage(Aggregation.MAX);
    part.add("a", 40);
    max.addAll(part);
    part.add("b", 30);
    max.addAll(part);

    assertThat(max.value()).isEqualTo(40);
    assertThat(Aggregate.ofMessage(Aggregation.SET).value()).isNaN();
  }

  @Test
  void only_a_message_aggregate_of_the_same_kind_can_be_added() {
    Aggregate running = Aggregate.running(Aggregation.SUM);

    assertThatThrownBy(() -> running.addAll(Aggregate.ofMessage(Aggregation.MAX)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> running.addAll(Aggregate.running(Aggregation.SUM)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
