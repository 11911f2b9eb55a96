package dev.kelvin.telemetry.decode.telegraf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegrafSettingsTest {

  @Test
  void defaults_read_telegrafs_default_topics_in_nanoseconds_with_the_node_in_host() {
    TelegrafSettings settings = TelegrafSettings.defaults();

    assertThat(settings.topicFilter()).isEqualTo("telegraf/#");
    assertThat(settings.precision()).isEqualTo(Precision.NANOSECONDS);
    assertThat(settings.nodeTagFor("cpu")).isEqualTo("host");
    assertThat(settings.nodeTagFor("redfish_thermal_temperatures")).isEqualTo("source");
  }

  @Test
  void a_sensor_name_mapped_to_a_metric_kelvin_cannot_feed_from_a_sensor_is_refused() {
    assertThatThrownBy(() -> TelegrafSettings.defaults()
        .withSensorNames(Map.of("gpu_temp", "gpu_temp_c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpu_temp_c").hasMessageContaining("inlet_temp_c");
  }

  @Test
  void empty_tags_and_limits_below_one_are_refused_naming_the_setting() {
    assertThatThrownBy(() -> TelegrafSettings.defaults().withNodeTag(" "))
        .hasMessageContaining("nodeTag");
    assertThatThrownBy(() -> TelegrafSettings.defaults().withLimits(1, 0, 1))
        .hasMessageContaining("maxLineChars").hasMessageContaining("characters");
  }

  @Test
  void precisions_are_known_by_their_label() {
    assertThat(Precision.fromLabel("MS")).contains(Precision.MILLISECONDS);
    assertThat(Precision.fromLabel("h")).isEmpty();
  }
}
