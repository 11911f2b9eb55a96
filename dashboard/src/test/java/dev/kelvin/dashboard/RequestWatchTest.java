package dev.kelvin.dashboard;

import static dev.kelvin.dashboard.RequestWatch.Phase.BODY;
import static dev.kelvin.dashboard.RequestWatch.Phase.HEADERS;
import static dev.kelvin.dashboard.RequestWatch.Phase.IDLE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request timing of one connection, sampled in made-up nanoseconds. */
class RequestWatchTest {
  private static final long OPENED = 1_000;

  private final RequestWatch watch = new RequestWatch(OPENED);

  @Test
  void a_connection_that_has_sent_nothing_counts_from_when_it_opened() {
    assertThat(watch.receivingNanos(HEADERS, 0, OPENED + 500)).isEqualTo(500);
    assertThat(watch.receivingNanos(HEADERS, 0, OPENED + 900)).isEqualTo(900);
  }

  @Test
  void the_first_requests_body_counts_on_from_when_the_connection_opened() {
    watch.receivingNanos(HEADERS, 0, OPENED + 100);

    assertThat(watch.receivingNanos(BODY, 1, OPENED + 700)).isEqualTo(700);
  }

  @Test
  void a_connection_between_requests_is_not_receiving() {
    assertThat(watch.receivingNanos(IDLE, 1, OPENED + 5_000)).isZero();
    assertThat(watch.receivingNanos(IDLE, 1, OPENED + 50_000)).isZero();
  }

  @Test
  void a_request_after_an_idle_sample_counts_from_when_it_was_first_seen() {
    watch.receivingNanos(IDLE, 1, OPENED + 5_000);

    assertThat(watch.receivingNanos(HEADERS, 1, OPENED + 6_000)).isZero();
    assertThat(watch.receivingNanos(HEADERS, 1, OPENED + 6_400)).isEqualTo(400);
    assertThat(watch.receivingNanos(BODY, 2, OPENED + 7_000)).isEqualTo(1_000);
  }

  @Test
  void requests_that_follow_each_other_between_samples_each_get_their_own_time() {
    watch.receivingNanos(HEADERS, 3, OPENED + 100);

    assertThat(watch.receivingNanos(HEADERS, 4, OPENED + 200)).isZero();
    assertThat(watch.receivingNanos(BODY, 5, OPENED + 300)).as("its body").isEqualTo(100);
    assertThat(watch.receivingNanos(HEADERS, 5, OPENED + 400))
        .as("the next request's headers after a body").isZero();
  }
}
