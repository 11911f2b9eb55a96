package dev.kelvin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MQTT topic filter matching as the MQTT 5 specification (section 4.7) defines it. */
class TopicFilterTest {
  @Test
  void a_filter_without_wildcards_matches_only_the_same_topic() {
    assertThat(TopicFilter.matches("kelvin/site1/node/n07/telemetry",
        "kelvin/site1/node/n07/telemetry")).isTrue();
    assertThat(TopicFilter.matches("kelvin/site1/node/n07/telemetry",
        "kelvin/site1/node/n08/telemetry")).isFalse();
    assertThat(TopicFilter.matches("a/b", "a/B")).as("levels are case-sensitive").isFalse();
  }

  @Test
  void plus_matches_exactly_one_level() {
    assertThat(TopicFilter.matches("kelvin/+/node/+/telemetry",
        "kelvin/site1/node/n07/telemetry")).isTrue();
    assertThat(TopicFilter.matches("a/+", "a/")).as("an empty level is a level").isTrue();
  }

  @Test
  void plus_does_not_span_levels() {
    assertThat(TopicFilter.matches("a/+/c", "a/b/x/c")).isFalse();
    assertThat(TopicFilter.matches("a/+", "a/b/c")).isFalse();
    assertThat(TopicFilter.matches("a/+", "a")).isFalse();
  }

  @Test
  void a_final_hash_matches_every_level_below() {
    assertThat(TopicFilter.matches("a/#", "a/b")).isTrue();
    assertThat(TopicFilter.matches("a/#", "a/b/c/d")).isTrue();
    assertThat(TopicFilter.matches("a/#", "b/c")).isFalse();
  }

  @Test
  void a_final_hash_matches_its_parent_level_too() {
    assertThat(TopicFilter.matches("a/#", "a")).isTrue();
    assertThat(TopicFilter.matches("a/b/#", "a")).isFalse();
  }

  @Test
  void a_hash_alone_matches_every_topic() {
    assertThat(TopicFilter.matches("#", "a")).isTrue();
    assertThat(TopicFilter.matches("#", "a/b/c")).isTrue();
    assertThat(TopicFilter.matches("#", "/leading/slash")).isTrue();
  }

  @Test
  void a_hash_that_is_not_last_matches_nothing() {
    assertThat(TopicFilter.matches("a/#/c", "a/b/c")).isFalse();
  }

  @Test
  void a_shared_subscription_matches_as_its_filter() {
    assertThat(TopicFilter.matches("$share/controllers/kelvin/+/ack", "kelvin/n07/ack"))
        .isTrue();
    assertThat(TopicFilter.matches("$share/controllers/kelvin/+/ack", "kelvin/n07/cmd"))
        .isFalse();
    assertThat(TopicFilter.matches("$share/g/#", "any/topic")).isTrue();
  }

  @Test
  void a_topic_starting_with_dollar_is_not_matched_by_a_wildcard_at_the_first_level() {
    assertThat(TopicFilter.matches("#", "$SYS/broker/uptime")).isFalse();
    assertThat(TopicFilter.matches("+/broker/uptime", "$SYS/broker/uptime")).isFalse();
    assertThat(TopicFilter.matches("$share/g/#", "$SYS/broker/uptime")).isFalse();
  }

  @Test
  void a_topic_starting_with_dollar_is_matched_by_a_filter_naming_that_level() {
    assertThat(TopicFilter.matches("$SYS/#", "$SYS/broker/uptime")).isTrue();
    assertThat(TopicFilter.matches("$SYS/+/uptime", "$SYS/broker/uptime")).isTrue();
  }

  @Test
  void level_counts_must_agree_without_a_hash() {
    assertThat(TopicFilter.matches("a/b", "a/b/c")).isFalse();
    assertThat(TopicFilter.matches("a/b/c", "a/b")).isFalse();
    assertThat(TopicFilter.matches("a/b", "a/b/")).as("a trailing slash adds a level")
        .isFalse();
  }

  @Test
  void unshared_strips_the_share_prefix_and_group_only() {
    assertThat(TopicFilter.unshared("$share/group/a/+/c")).isEqualTo("a/+/c");
    assertThat(TopicFilter.unshared("a/+/c")).isEqualTo("a/+/c");
  }

  @Test
  void a_grant_covers_the_same_filter_and_narrower_ones() {
    assertThat(TopicFilter.covers("k/+/node/+/telemetry", "k/+/node/+/telemetry")).isTrue();
    assertThat(TopicFilter.covers("k/+/node/+/telemetry", "k/a/node/n01/telemetry")).isTrue();
    assertThat(TopicFilter.covers("k/#", "k/+/node/#")).isTrue();
    assertThat(TopicFilter.covers("k/#", "k")).isTrue();
  }

  @Test
  void a_grant_does_not_cover_a_wider_filter() {
    assertThat(TopicFilter.covers("k/a/node/n01/cmd", "k/+/node/+/cmd")).isFalse();
    assertThat(TopicFilter.covers("k/+/node/+/cmd", "k/+/node/#")).isFalse();
    assertThat(TopicFilter.covers("k/+/node/+/cmd", "#")).isFalse();
    assertThat(TopicFilter.covers("k/a/node/n01/cmd", "k/a/node/n01/cmd/ack")).isFalse();
  }
}
