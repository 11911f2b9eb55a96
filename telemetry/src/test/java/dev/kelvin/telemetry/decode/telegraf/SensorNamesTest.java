package dev.kelvin.telemetry.decode.telegraf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SensorNamesTest {
  private final SensorNames names = new SensorNames(Map.of());

  @ParameterizedTest
  @CsvSource({
      // Dell iDRAC, HPE iLO, Lenovo XCC, Supermicro, Intel, IBM, DCMI; as ipmi_sensor writes
      // them and as Redfish gives them
      "inlet_temp, INLET_TEMP", "System Board Inlet Temp, INLET_TEMP",
      "01-inlet_ambient, INLET_TEMP", "ambient_temp, INLET_TEMP", "bb_inlet_temp, INLET_TEMP",
      "SystemBoardInlet, INLET_TEMP",
      "cpu1_temp, CPU_TEMP", "CPU2 Temp, CPU_TEMP", "cpu_temp, CPU_TEMP", "02-cpu_1, CPU_TEMP",
      "cpu_1_temp, CPU_TEMP", "CPU1, CPU_TEMP", "proc_1_temp, CPU_TEMP",
      "pwr_consumption, NODE_POWER", "total_power, NODE_POWER", "power_meter, NODE_POWER",
      "instantaneous_power_reading, NODE_POWER", "avg_power, NODE_POWER",
      "cpu_power, CPU_POWER", "cpu1_power, CPU_POWER"})
  void known_vendor_names_have_their_role(String name, SensorNames.Role role) {
    assertThat(names.roleOf(name, Optional.empty())).contains(role);
  }

  @ParameterizedTest
  @ValueSource(strings = {"exhaust_temp", "system_board_exhaust_temp", "inlet_exhaust",
      "fan_1a_tach", "planar_vbat", "power_supply_1", "cpu1_vr_temp", "dimm_1_temp",
      "p1_therm_margin", "temp", "pch_temp"})
  void other_sensors_have_no_role(String name) {
    assertThat(names.roleOf(name, Optional.empty())).isEmpty();
  }

  @Test
  void a_sensor_named_temp_is_a_cpu_temperature_on_a_processor_entity_only() {
    assertThat(names.roleOf("temp", Optional.of("3.1"))).contains(SensorNames.Role.CPU_TEMP);
    assertThat(names.roleOf("temp", Optional.of("7.1"))).isEmpty();
  }

  @Test
  void operator_names_come_first() {
    SensorNames custom = new SensorNames(Map.of("exhaust_temp", SensorNames.Role.INLET_TEMP));

    assertThat(custom.roleOf("Exhaust Temp", Optional.empty()))
        .contains(SensorNames.Role.INLET_TEMP);
  }
}
