package dev.kelvin.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import org.junit.jupiter.api.Test;

class NodeReadingTest {

  @Test
  void a_reading_without_any_measurement_is_refused() {
    assertThatThrownBy(() -> new NodeReading(NodeId.of("site-a", "n01"), RackId.UNKNOWN,
        MutableClock.START, 1, MetricValues.empty()))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_FIELD))
        .hasMessageContaining("site-a/n01").hasMessageContaining("power_w");
  }

  @Test
  void a_negative_sequence_number_is_refused() {
    assertThatThrownBy(() -> Readings.reading().seq(-1).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("seq");
  }

  @Test
  void a_minimum_frequency_above_the_maximum_is_inconsistent() {
    assertThatThrownBy(() -> Readings.reading()
        .with(NodeMetric.CPU_FREQ_MIN_MHZ, 3000).with(NodeMetric.CPU_FREQ_MAX_MHZ, 1200).build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.INCONSISTENT))
        .hasMessageContaining("swapped");
  }

  @Test
  void convenience_accessors_read_the_metrics() {
    NodeReading reading = Readings.reading().with(NodeMetric.POWER_WATTS, 312.5)
        .without(NodeMetric.CPU_TEMP_CELSIUS).build();
    assertThat(reading.powerWatts()).hasValue(312.5);
    assertThat(reading.cpuTempCelsius()).isEmpty();
    assertThat(reading.cpuFreqCapMhz()).hasValue(3000);
  }
}
