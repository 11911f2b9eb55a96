package dev.kelvin.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacilityWireTest {
  private static final SiteId SITE = SiteId.of("site-a");
  private static final SensorId UPS = new SensorId("ups-1");
  private final List<FacilityReading> kept = new ArrayList<>();
  private final List<ValidationException> refused = new ArrayList<>();

  @Test
  void one_reading_round_trips() {
    FacilityReading reading = new FacilityReading(UPS, SITE,
        Instant.ofEpochMilli(1_763_900_000_000L), FacilityKind.UPS_LOAD_RATIO, 0.42);
    FacilityWire.decode(SITE, UPS, FacilityWire.encode(reading), kept::add, refused::add);
    assertThat(kept).containsExactly(reading);
  }

  @Test
  void several_kinds_share_the_message_time_and_a_bad_one_is_refused_alone() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("v", 1L);
    json.put("ts_ms", 1_763_900_000_000L);
    json.put("readings", List.of(Map.of("kind", "ups_load_ratio", "value", 0.4),
        Map.of("kind", "ups_on_battery", "value", 7.0),
        Map.of("kind", "smoke_level", "value", 1.0),
        Map.of("kind", "alarm_fire", "value", 1.0)));
    FacilityWire.decode(SITE, UPS, json, kept::add, refused::add);
    assertThat(kept).extracting(FacilityReading::kind)
        .containsExactly(FacilityKind.UPS_LOAD_RATIO, FacilityKind.ALARM_FIRE);
    assertThat(kept).allSatisfy(reading ->
        assertThat(reading.at().toEpochMilli()).isEqualTo(1_763_900_000_000L));
    assertThat(refused).extracting(ValidationException::field)
        .containsExactly("readings[1].value", "readings[2].kind");
    assertThat(refused).extracting(ValidationException::reason)
        .containsOnly(RejectReason.OUT_OF_RANGE);
  }
}
