package dev.kelvin.predictor.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceHashTest {

  private static MapProvenance<StringProvenance> map(String... keys) {
    Map<String, StringProvenance> entries = new LinkedHashMap<>();
    for (String key : keys) {
      entries.put(key, new StringProvenance(key, key.toUpperCase(java.util.Locale.ROOT)));
    }
    return new MapProvenance<>(entries);
  }

  @Test
  void renders_a_map_the_same_whatever_its_order() {
    String forward = ProvenanceHash.canonical(map("horizon", "window", "target"));
    String backward = ProvenanceHash.canonical(map("target", "window", "horizon"));

    assertThat(forward).isEqualTo(backward)
        .isEqualTo("{horizon=HORIZON;target=TARGET;window=WINDOW;}");
  }

  @Test
  void renders_different_values_differently() {
    assertThat(ProvenanceHash.canonical(map("horizon")))
        .isNotEqualTo(ProvenanceHash.canonical(map("window")));
  }
}
