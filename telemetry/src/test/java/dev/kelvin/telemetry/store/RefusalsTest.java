package dev.kelvin.telemetry.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** InfluxDB 1.6's answers 400, as it sends them, read as counts and reasons. */
class RefusalsTest {

  @Test
  void a_field_type_conflict_counts_the_points_influxdb_dropped() {
    WriteOutcome.BadPoints bad = Refusals.of("partial write: field type conflict: input field"
        + " \"v\" on measurement \"m\" is type string, already exists as type float dropped=1",
        2);

    assertThat(bad.refused()).isEqualTo(1);
    assertThat(bad.reason()).isEqualTo("field_type_conflict");
  }

  @Test
  void lines_influxdb_could_not_parse_count_one_each() {
    WriteOutcome.BadPoints bad = Refusals.of("partial write: unable to parse 'm,t=c\\ v=2 2':"
        + " invalid tag format\nunable to parse 'm,t=d\\\\ v=3 3': invalid tag format"
        + " dropped=0", 7);

    assertThat(bad.refused()).isEqualTo(2);
    assertThat(bad.reason()).isEqualTo("unparseable");
  }

  @Test
  void points_beyond_the_retention_policy_are_counted_as_such() {
    WriteOutcome.BadPoints bad = Refusals.of("partial write: points beyond retention policy"
        + " dropped=40", 5_000);

    assertThat(bad.refused()).isEqualTo(40);
    assertThat(bad.reason()).isEqualTo("beyond_retention");
  }

  @Test
  void a_400_that_names_no_count_refuses_the_whole_batch() {
    WriteOutcome.BadPoints bad = Refusals.of("request body too odd", 12);

    assertThat(bad.refused()).isEqualTo(12);
    assertThat(bad.reason()).isEqualTo("bad_request");
  }

  @Test
  void never_counts_more_points_than_the_batch_held() {
    assertThat(Refusals.of("partial write: x dropped=900", 3).refused()).isEqualTo(3);
  }
}
