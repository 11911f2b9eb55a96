package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.mqtt.Acknowledgement;
import dev.kelvin.telemetry.store.StoreProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Acknowledgements go out in arrival order, each once its message is safe in the store. */
class SafeAcksTest {
  private final FakeStore store = new FakeStore();
  private final SafeAcks acks = new SafeAcks(store);
  private final List<String> acknowledged = new ArrayList<>();

  @Test
  void a_message_is_acknowledged_once_the_points_it_gave_the_store_are_safe() {
    SafeAcks.Pending first = acks.arrived(ack("m1"));
    store.taken = 10;
    acks.applied(first);
    assertThat(acknowledged).as("its points not yet safe").isEmpty();

    store.advanceTo(9);
    assertThat(acknowledged).isEmpty();
    store.advanceTo(10);

    assertThat(acknowledged).containsExactly("m1");
    assertThat(acks.waiting()).isZero();
  }

  @Test
  void a_message_applied_before_an_older_one_waits_for_it() {
    SafeAcks.Pending older = acks.arrived(ack("m1"));
    SafeAcks.Pending newer = acks.arrived(ack("m2"));
    store.advanceTo(100);

    acks.applied(newer);
    assertThat(acknowledged).as("m1 still waits to be applied").isEmpty();
    acks.applied(older);

    assertThat(acknowledged).containsExactly("m1", "m2");
  }

  @Test
  void a_shed_message_is_acknowledged_in_its_turn() {
    SafeAcks.Pending older = acks.arrived(ack("m1"));
    SafeAcks.Pending shed = acks.arrived(ack("m2"));
    SafeAcks.Pending newer = acks.arrived(ack("m3"));
    store.taken = 5;

    acks.shed(shed);
    acks.release();
    assertThat(acknowledged).isEmpty();
    acks.applied(older);
    acks.applied(newer);
    assertThat(acknowledged).as("m1 and m3 wait for the store").isEmpty();
    store.advanceTo(5);

    assertThat(acknowledged).containsExactly("m1", "m2", "m3");
  }

  @Test
  void a_message_the_broker_needs_no_acknowledgement_of_is_not_tracked() {
    assertThat(acks.arrived(Acknowledgement.NONE)).isNull();
    acks.applied(null);

    assertThat(acks.waiting()).isZero();
  }

  @Test
  void without_a_store_a_message_is_acknowledged_as_soon_as_it_is_applied() {
    SafeAcks immediate = new SafeAcks(StoreProgress.NONE);
    SafeAcks.Pending pending = immediate.arrived(ack("m1"));

    immediate.applied(pending);

    assertThat(acknowledged).containsExactly("m1");
  }

  private Acknowledgement ack(String name) {
    return () -> acknowledged.add(name);
  }

  /** A store whose counts the test sets, telling its listener when the safe mark moves. */
  private static final class FakeStore implements StoreProgress {
    long taken;
    long safe;
    Runnable listener = () -> { };

    void advanceTo(long mark) {
      safe = mark;
      listener.run();
    }

    @Override
    public long taken() {
      return taken;
    }

    @Override
    public long safe() {
      return safe;
    }

    @Override
    public void onSafe(Runnable advanced) {
      listener = advanced;
    }
  }
}
