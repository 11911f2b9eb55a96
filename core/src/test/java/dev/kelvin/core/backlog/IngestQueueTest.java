package dev.kelvin.core.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestQueueTest {
  private final MutableClock clock = new MutableClock();

  private static IngestQueue<String> queue(int coalesceAbove, int maxReadings) {
    return new IngestQueue<>(new BacklogSettings(coalesceAbove, maxReadings,
        Duration.ofSeconds(5), Duration.ofSeconds(30)));
  }

  @Test
  void keeps_every_reading_in_arrival_order_below_the_coalescing_mark() {
    IngestQueue<String> queue = queue(10, 20);
    for (String item : List.of("a1", "b1", "a2", "b2")) {
      queue.offer(item.substring(0, 1), item, clock.instant());
    }

    assertThat(drain(queue)).containsExactly("a1", "b1", "a2", "b2");
    assertThat(queue.shed(ShedReason.SUPERSEDED)).isZero();
  }

  @Test
  void above_the_mark_a_nodes_newer_reading_takes_the_place_of_its_waiting_one() {
    IngestQueue<String> queue = queue(3, 20);
    queue.offer("a", "a1", clock.instant());
    queue.offer("b", "b1", clock.instant());
    queue.offer("a", "a2", clock.instant());

    assertThat(queue.offer("a", "a3", clock.instant()))
        .isEqualTo(IngestQueue.Offer.REPLACED_OLDER);
    assertThat(queue.offer("c", "c1", clock.instant())).as("a node with nothing waiting")
        .isEqualTo(IngestQueue.Offer.QUEUED);

    assertThat(drain(queue)).as("each node's newest kept, in order per node")
        .containsExactly("a1", "b1", "a3", "c1");
    assertThat(queue.shed(ShedReason.SUPERSEDED)).isEqualTo(1);
  }

  @Test
  void a_reading_from_a_source_with_nothing_waiting_is_shed_only_when_the_queue_is_full() {
    IngestQueue<String> queue = queue(1, 2);
    queue.offer("a", "a1", clock.instant());
    queue.offer("b", "b1", clock.instant());

    assertThat(queue.offer("c", "c1", clock.instant())).isEqualTo(IngestQueue.Offer.SHED);
    assertThat(queue.offer("b", "b2", clock.instant()))
        .isEqualTo(IngestQueue.Offer.REPLACED_OLDER);
    assertThat(queue.shed(ShedReason.QUEUE_FULL)).isEqualTo(1);
    assertThat(drain(queue)).containsExactly("a1", "b2");
  }

  @Test
  void hands_each_shed_item_over_the_older_one_replaced_and_the_one_refused_when_full() {
    IngestQueue<String> queue = queue(1, 2);
    java.util.List<String> shed = new java.util.ArrayList<>();
    queue.offer("a", "a1", clock.instant(), shed::add);
    queue.offer("b", "b1", clock.instant(), shed::add);
    queue.offer("c", "c1", clock.instant(), shed::add);
    queue.offer("b", "b2", clock.instant(), shed::add);

    assertThat(shed).containsExactly("c1", "b1");
    assertThat(drain(queue)).containsExactly("a1", "b2");
  }

  @Test
  void the_oldest_age_is_how_long_the_head_of_the_queue_has_waited() {
    IngestQueue<String> queue = queue(1, 10);
    assertThat(queue.oldestAge(clock.instant())).isZero();
    queue.offer("a", "a1", clock.instant());
    clock.advance(Duration.ofSeconds(2));
    queue.offer("a", "a2", clock.instant());
    clock.advance(Duration.ofSeconds(3));

    assertThat(queue.oldestAge(clock.instant())).as("a replaced reading keeps its place's age")
        .isEqualTo(Duration.ofSeconds(5));
    IngestQueue.Entry<String> head = queue.poll().orElseThrow();
    assertThat(head.item()).isEqualTo("a2");
    assertThat(head.receivedAt()).as("its own receive time")
        .isEqualTo(clock.instant().minusSeconds(3));
    assertThat(queue.oldestAge(clock.instant())).isZero();
    assertThat(queue.peak()).isEqualTo(1);
  }

  private static List<String> drain(IngestQueue<String> queue) {
    List<String> items = new ArrayList<>();
    queue.poll().ifPresent(first -> {
      items.add(first.item());
      items.addAll(drain(queue));
    });
    return items;
  }
}
