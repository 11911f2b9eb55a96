package dev.kelvin.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.validation.RejectReason;
import org.junit.jupiter.api.Test;

class IngestCountersTest {

  @Test
  void counts_accepted_late_and_rejects_by_reason() {
    IngestCounters counters = new IngestCounters();
    counters.accepted();
    counters.accepted();
    counters.late();
    counters.rejected(sample(RejectReason.MALFORMED, 1));
    counters.rejected(sample(RejectReason.OUT_OF_RANGE, 2));
    counters.rejected(sample(RejectReason.OUT_OF_RANGE, 3));

    IngestStats stats = counters.stats();
    assertThat(stats.accepted()).isEqualTo(2);
    assertThat(stats.late()).isEqualTo(1);
    assertThat(stats.rejected()).containsOnly(
        java.util.Map.entry(RejectReason.MALFORMED, 1L),
        java.util.Map.entry(RejectReason.OUT_OF_RANGE, 2L));
    assertThat(stats.rejectedTotal()).isEqualTo(3);
    assertThat(counters.rejectedCount(RejectReason.OUT_OF_RANGE)).isEqualTo(2);
  }

  @Test
  void keeps_only_the_twenty_newest_samples_while_counting_all() {
    IngestCounters counters = new IngestCounters();
    for (int i = 1; i <= 25; i++) {
      counters.rejected(sample(RejectReason.MALFORMED, i));
    }
    IngestStats stats = counters.stats();
    assertThat(stats.rejectedTotal()).isEqualTo(25);
    assertThat(stats.recentRejects()).hasSize(20);
    assertThat(stats.recentRejects().get(19).message()).isEqualTo("bad 25");
    assertThat(stats.recentRejects().get(0).message()).isEqualTo("bad 6");
  }

  private static RejectSample sample(RejectReason reason, int n) {
    return new RejectSample(MutableClock.START, "kelvin/v1/site-a/node/n01/telemetry", reason,
        "payload", "bad " + n);
  }
}
