package dev.kelvin.app.run;

import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.telemetry.decode.telegraf.Precision;
import dev.kelvin.telemetry.decode.telegraf.TelegrafSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code telemetry.telegraf} section: Telegraf's MQTT output in InfluxDB line protocol,
 * off unless enabled. Extra BMC sensor names are a list, {@code sensor_names: [{name:
 * "sys_pwr", metric: power_w}]}.
 */
final class TelegrafConfig {
  private record SensorName(String name, String metric) { }

  private TelegrafConfig() {}

  static Optional<TelegrafSettings> read(ConfigTree section) {
    TelegrafSettings d = TelegrafSettings.defaults();
    boolean enabled = section.bool("enabled", false);
    String filter = section.string("topic_filter", d.topicFilter());
    String precision = section.string("precision", d.precision().label());
    String site = section.string("default_site", d.defaultSite().value());
    String nodeTag = section.string("node_tag", d.nodeTag());
    String siteTag = section.string("site_tag", d.siteTag());
    String rackTag = section.string("rack_tag", d.rackTag());
    int maxPayload = (int) Math.min(Integer.MAX_VALUE,
        section.bytes("max_payload", d.maxPayloadBytes()));
    int maxLines = section.integer("max_lines", d.maxLines(), 1, 1_000_000);
    List<SensorName> names = section.sections("sensor_names", element -> element.build(() ->
        new SensorName(element.string("name", ""), element.string("metric", ""))));
    Map<String, String> sensorNames = new LinkedHashMap<>();
    names.forEach(name -> sensorNames.put(name.name(), name.metric()));
    TelegrafSettings settings = section.build(() -> new TelegrafSettings(filter,
        precision(precision), SiteId.of(site), nodeTag, d.nodeTagByMeasurement(), siteTag,
        rackTag, maxPayload, d.maxLineChars(), maxLines, d.maxRunningAggregates(),
        sensorNames));
    return enabled ? Optional.of(settings) : Optional.empty();
  }

  private static Precision precision(String label) {
    for (Precision precision : Precision.values()) {
      if (precision.label().equals(label)) {
        return precision;
      }
    }
    throw new IllegalArgumentException("precision must be ns, us, ms or s (Telegraf's"
        + " precision setting), was '" + label + "'");
  }
}
