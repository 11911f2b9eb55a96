package dev.kelvin.telemetry.decode.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.FacilityKind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MetricMappingTest {

  @ParameterizedTest
  @EnumSource(FacilityKind.class)
  void every_facility_kind_has_a_unit_a_gateway_can_send_it_in(FacilityKind kind) {
    MetricMapping mapping = MetricMapping.of(kind);

    assertThat(mapping.unit().dimension()).isEqualTo(EngineeringUnit.dimensionOf(kind));
    assertThat(mapping.unit().convert(1.0)).isEqualTo(1.0);
  }

  @Test
  void the_default_mapping_covers_every_facility_kind() {
    Set<FacilityKind> mapped = SparkplugMapping.defaults().entries().values().stream()
        .map(MetricMapping::kind).collect(Collectors.toSet());

    assertThat(mapped).isEqualTo(EnumSet.allOf(FacilityKind.class));
  }

  @Test
  void units_convert_into_the_unit_of_their_kinds() {
    assertThat(EngineeringUnit.FAHRENHEIT.convert(212)).isCloseTo(100, within(1e-9));
    assertThat(EngineeringUnit.KELVIN.convert(293.15)).isCloseTo(20, within(1e-9));
    assertThat(EngineeringUnit.KILOWATTS.convert(1.5)).isEqualTo(1_500);
    assertThat(EngineeringUnit.MEGAWATTS.convert(2)).isEqualTo(2_000_000);
    assertThat(EngineeringUnit.PERCENT.convert(85)).isEqualTo(0.85);
    assertThat(EngineeringUnit.MINUTES.convert(15)).isEqualTo(900);
    assertThat(EngineeringUnit.PER_MWH.convert(90)).isEqualTo(0.09);
  }

  @Test
  void symbols_match_exactly_so_milliwatts_are_not_megawatts() {
    assertThat(EngineeringUnit.fromSymbol("MW")).contains(EngineeringUnit.MEGAWATTS);
    assertThat(EngineeringUnit.fromSymbol(" °F ")).contains(EngineeringUnit.FAHRENHEIT);
    assertThat(EngineeringUnit.fromSymbol("mW")).isEmpty();
    assertThat(EngineeringUnit.fromSymbol("kw")).isEmpty();
  }

  @Test
  void a_unit_of_another_dimension_is_refused_naming_the_units_that_fit() {
    assertThatThrownBy(() -> new MetricMapping(FacilityKind.PDU_POWER_WATTS,
        EngineeringUnit.FAHRENHEIT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PDU_POWER_WATTS").hasMessageContaining("kW");
  }

  @Test
  void parse_names_an_unknown_kind_or_unit() {
    assertThatThrownBy(() -> MetricMapping.parse("crac_fan_speed", "rpm"))
        .hasMessageContaining("crac_fan_speed").hasMessageContaining("crac_running");
    assertThatThrownBy(() -> MetricMapping.parse("pdu_power_watts", "hp"))
        .hasMessageContaining("'hp'").hasMessageContaining("[W, kW, MW]");
  }

  @Test
  void an_operator_entry_replaces_the_default_of_the_same_name() {
    SparkplugMapping mapping = SparkplugMapping.defaults().withAll(Map.of("UPS/Load",
        new MetricMapping(FacilityKind.UPS_LOAD_RATIO, EngineeringUnit.RATIO)));

    assertThat(mapping.lookup("UPS/Load")).contains(
        new MetricMapping(FacilityKind.UPS_LOAD_RATIO, EngineeringUnit.RATIO));
    assertThat(SparkplugMapping.defaults().lookup("UPS/Load").orElseThrow().unit())
        .isEqualTo(EngineeringUnit.PERCENT);
  }

  @Test
  void a_blank_metric_name_is_refused() {
    assertThatThrownBy(() -> SparkplugMapping.of(Map.of(" ",
        MetricMapping.of(FacilityKind.ALARM_FIRE)))).hasMessageContaining("blank");
  }
}
