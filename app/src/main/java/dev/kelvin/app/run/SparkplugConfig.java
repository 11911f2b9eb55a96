package dev.kelvin.app.run;

import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.telemetry.decode.sparkplug.MetricMapping;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugMapping;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code telemetry.sparkplug} section: Sparkplug B facility gateways, off unless enabled.
 * Extra metric mappings are a list, {@code metrics: [{name: "Chiller 3/Leaving Water Temp",
 * kind: crac_supply_temp_celsius, unit: "°F"}]}, each replacing a default of the same name.
 */
final class SparkplugConfig {
  private record Entry(String name, MetricMapping mapping) { }

  private SparkplugConfig() {}

  static Optional<SparkplugSettings> read(ConfigTree section) {
    SparkplugSettings defaults = SparkplugSettings.defaults();
    boolean enabled = section.bool("enabled", false);
    List<String> groups = section.stringList("groups", List.of());
    Duration rebirth = section.duration("rebirth_interval", defaults.rebirthInterval(),
        Duration.ZERO, Duration.ofHours(1));
    int maxEdgeNodes = section.integer("max_edge_nodes", defaults.maxEdgeNodes(), 1,
        1_000_000);
    int maxPayload = (int) Math.min(Integer.MAX_VALUE,
        section.bytes("max_payload", defaults.maxPayloadBytes()));
    List<Entry> entries = section.sections("metrics", SparkplugConfig::entry);
    Map<String, MetricMapping> extra = new LinkedHashMap<>();
    entries.forEach(entry -> extra.put(entry.name(), entry.mapping()));
    SparkplugSettings settings = section.build(() -> defaults
        .withGroups(new HashSet<>(groups)).withRebirthInterval(rebirth)
        .withLimits(maxEdgeNodes, defaults.maxDevicesPerEdgeNode(), maxPayload)
        .withMapping(SparkplugMapping.defaults().withAll(extra)));
    return enabled ? Optional.of(settings) : Optional.empty();
  }

  private static FacilityKind kindOf(String name) {
    for (FacilityKind kind : FacilityKind.values()) {
      if (kind.name().equalsIgnoreCase(name.strip())) {
        return kind;
      }
    }
    throw new IllegalArgumentException("kind '" + name + "' is not a facility kind; one of "
        + Arrays.toString(FacilityKind.values()).toLowerCase(Locale.ROOT));
  }

  private static Entry entry(ConfigTree element) {
    String name = element.string("name", "");
    String kind = element.string("kind", "");
    String unit = element.string("unit", "");
    return element.build(() -> {
      if (name.isEmpty() || kind.isEmpty()) {
        throw new IllegalArgumentException("a metric mapping needs its name and its kind");
      }
      return new Entry(name, unit.isEmpty() ? MetricMapping.of(kindOf(kind))
          : MetricMapping.parse(kind, unit));
    });
  }
}
