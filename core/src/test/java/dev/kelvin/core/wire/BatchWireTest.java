package dev.kelvin.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchWireTest {
  private static final SiteId SITE = SiteId.of("site-a");
  private final List<NodeReading> kept = new ArrayList<>();
  private final List<ValidationException> refused = new ArrayList<>();

  @Test
  void a_site_batch_round_trips_every_reading_of_every_node() {
    List<NodeReading> readings = List.of(
        Readings.reading().node(NodeId.of("site-a", "n01")).seq(1).build(),
        Readings.reading().node(NodeId.of("site-a", "n02")).seq(9)
            .with(NodeMetric.POWER_WATTS, 410).build());
    BatchWire.decode(SITE, Optional.empty(), BatchWire.encode(readings), kept::add,
        refused::add);
    assertThat(kept).containsExactlyElementsOf(readings);
    assertThat(refused).isEmpty();
  }

  @Test
  void one_bad_reading_is_refused_with_its_index_and_the_others_are_kept() {
    List<Object> entries = new ArrayList<>();
    entries.add(entry("n01", 300.0));
    entries.add(entry("n02", -5.0));
    entries.add(entry("n03", 310.0));
    BatchWire.decode(SITE, Optional.empty(), batch(entries), kept::add, refused::add);
    assertThat(kept).extracting(reading -> reading.node().name()).containsExactly("n01", "n03");
    assertThat(refused).singleElement().satisfies(bad -> {
      assertThat(bad.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
      assertThat(bad.field()).isEqualTo("readings[1].power_w");
    });
  }

  @Test
  void a_reading_of_a_site_batch_must_name_its_node() {
    Map<String, Object> nameless = entry("n01", 300.0);
    nameless.remove("node");
    BatchWire.decode(SITE, Optional.empty(), batch(List.of(nameless)), kept::add,
        refused::add);
    assertThat(refused).singleElement().extracting(ValidationException::reason)
        .isEqualTo(RejectReason.MISSING_FIELD);
  }

  @Test
  void on_a_node_topic_a_reading_naming_another_node_is_refused() {
    NodeId n01 = NodeId.of("site-a", "n01");
    BatchWire.decode(SITE, Optional.of(n01), batch(List.of(entry("n01", 300.0),
        entry("n02", 300.0))), kept::add, refused::add);
    assertThat(kept).hasSize(1);
    assertThat(refused).singleElement().extracting(ValidationException::reason)
        .isEqualTo(RejectReason.TOPIC_MISMATCH);
  }

  @Test
  void a_batch_whose_readings_are_not_a_list_is_refused_whole() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("v", 1L);
    json.put("readings", "n01");
    assertThatThrownBy(() -> BatchWire.decode(SITE, Optional.empty(), json, kept::add,
        refused::add)).isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).reason()).isEqualTo(RejectReason.WRONG_TYPE);
  }

  private static Map<String, Object> batch(List<?> entries) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("v", 1L);
    json.put("readings", entries);
    return json;
  }

  private static Map<String, Object> entry(String node, double watts) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("node", node);
    entry.put("ts_ms", 1_763_900_000_000L);
    entry.put("seq", 1L);
    entry.put("power_w", watts);
    return entry;
  }
}
