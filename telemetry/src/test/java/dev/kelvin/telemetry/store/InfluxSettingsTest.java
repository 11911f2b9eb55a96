package dev.kelvin.telemetry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store's settings: defaults, refusals that name the key, a password never shown. */
class InfluxSettingsTest {
  private static final InfluxSettings DEFAULTS = InfluxSettings.defaults(
      URI.create("http://127.0.0.1:8086"), "kelvin", Path.of("/var/lib/kelvin/spool"));

  @Test
  void defaults_batch_20000_points_or_one_second_with_a_1_gib_spool() {
    assertThat(DEFAULTS.batchPoints()).isEqualTo(50_000);
    assertThat(DEFAULTS.flushInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(DEFAULTS.queueBatches()).isEqualTo(4);
    assertThat(DEFAULTS.spoolLimitBytes()).isEqualTo(1L << 30);
    assertThat(DEFAULTS.retryMin()).isEqualTo(Duration.ofSeconds(1));
    assertThat(DEFAULTS.retryMax()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DEFAULTS.retentionPolicy()).isEmpty();
  }

  @Test
  void to_string_never_shows_the_password() {
    InfluxSettings settings = DEFAULTS.withLogin("kelvin", "s3cret-Pa55");

    assertThat(settings.toString()).contains("as kelvin (password hidden)")
        .doesNotContain("s3cret-Pa55");
  }

  @Test
  void refuses_a_url_with_a_login_in_it_without_repeating_the_password() {
    assertThatThrownBy(() -> InfluxSettings.defaults(
        URI.create("http://kelvin:s3cret@127.0.0.1:8086"), "kelvin", Path.of("spool")))
        .hasMessageStartingWith("store.influx.url ").hasMessageContaining("no login in it")
        .message().doesNotContain("s3cret");
  }

  @Test
  void refuses_a_url_that_is_not_http() {
    assertThatThrownBy(() -> InfluxSettings.defaults(URI.create("tcp://127.0.0.1:8086"),
        "kelvin", Path.of("spool"))).hasMessageStartingWith("store.influx.url ");
  }

  @Test
  void refuses_a_batch_size_outside_its_range_naming_the_key_and_the_unit() {
    assertThatThrownBy(() -> DEFAULTS.withBatching(0, Duration.ofSeconds(1), 4))
        .hasMessage("store.influx.batch_points must be within 1..50000 points, was 0");
  }

  @Test
  void refuses_a_flush_interval_given_in_the_wrong_unit() {
    assertThatThrownBy(() -> DEFAULTS.withBatching(100, Duration.ofMillis(1), 4))
        .hasMessageStartingWith("store.influx.flush_interval must be within 10..60000 ms,"
            + " was 1 ms");
  }

  @Test
  void refuses_a_spool_limit_below_one_spool_segment() {
    assertThatThrownBy(() -> DEFAULTS.withSpool(Path.of("spool"), 1_024))
        .hasMessageStartingWith("store.influx.spool_limit must be at least one spool segment");
  }

  @Test
  void the_disk_spool_gets_the_folder_and_the_limit() {
    InfluxSettings settings = DEFAULTS.withSpool(Path.of("/data/spool"), 64L << 20);

    assertThat(settings.spoolSettings().folder()).isEqualTo(Path.of("/data/spool"));
    assertThat(settings.spoolSettings().limitBytes()).isEqualTo(64L << 20);
    assertThat(settings.spoolSettings().fsync()).isTrue();
  }

  @Test
  void refuses_a_longest_retry_wait_shorter_than_the_first() {
    assertThatThrownBy(() -> DEFAULTS.withRetry(Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .hasMessageStartingWith("store.influx.retry_max must be within 10000..");
  }

  @Test
  void refuses_a_blank_database() {
    assertThatThrownBy(() -> InfluxSettings.defaults(URI.create("http://127.0.0.1:8086"), " ",
        Path.of("spool"))).hasMessageStartingWith("store.influx.database ");
  }
}
