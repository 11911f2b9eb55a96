package dev.kelvin.core.wire;

import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Kelvin JSON for facility sensors, on {@code {prefix}/{site}/facility/{sensor}}: one reading,
 * or several kinds the sensor measured at once.
 *
 * <pre>
 * {"v":1, "ts_ms":1763900000000, "kind":"crac_supply_temp_celsius", "value":18.5}
 * {"v":1, "ts_ms":1763900000000, "readings":[{"kind":"ups_load_ratio", "value":0.42},
 *                                            {"kind":"ups_on_battery", "value":0}]}
 * </pre>
 *
 * {@code kind} is a {@link FacilityKind} in lower case, {@code value} is in the kind's unit
 * (alarms: 0 clear, 1 raised); an entry may carry its own {@code ts_ms}. Entries are checked
 * one by one: a bad one is refused with its index, the others kept.
 */
public final class FacilityWire {
  public static final String KIND = "kind";
  public static final String VALUE = "value";
  private static final int MAX_READINGS = 256;

  private FacilityWire() {}

  /** The reading as an ordered map ready for a JSON writer. */
  public static Map<String, Object> encode(FacilityReading reading) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(TelemetryWire.V, TelemetryWire.VERSION);
    out.put(TelemetryWire.TS_MS, reading.at().toEpochMilli());
    out.put(KIND, label(reading.kind()));
    out.put(VALUE, reading.value());
    return out;
  }

  /** The wire name of {@code kind}: its constant in lower case. */
  public static String label(FacilityKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Decodes {@code json} received on the topic of {@code sensor} at {@code site}, handing each
   * valid reading to {@code kept} and each refused entry to {@code refused}.
   *
   * @throws ValidationException when the message itself is refused (version, time, shape)
   */
  public static void decode(SiteId site, SensorId sensor, Map<String, ?> json,
      Consumer<FacilityReading> kept, Consumer<ValidationException> refused) {
    Fields fields = new Fields(json);
    long version = fields.requireLong(TelemetryWire.V);
    if (version != TelemetryWire.VERSION) {
      throw new ValidationException(RejectReason.UNSUPPORTED_VERSION, TelemetryWire.V,
          "facility format v=" + version + " is not supported, this controller reads v="
              + TelemetryWire.VERSION);
    }
    if (!BatchWire.isBatch(json)) {
      kept.accept(reading(site, sensor, fields, TelemetryWire.timestampMs(fields)));
      return;
    }
    long batchMs = fields.has(TelemetryWire.TS_MS) ? TelemetryWire.timestampMs(fields) : -1;
    List<Map<String, ?>> entries = fields.optionalObjects(BatchWire.READINGS, MAX_READINGS);
    for (int i = 0; i < entries.size(); i++) {
      String where = BatchWire.READINGS + "[" + i + "]";
      try {
        Fields entry = new Fields(entries.get(i));
        long ms = entry.has(TelemetryWire.TS_MS) || batchMs < 0
            ? TelemetryWire.timestampMs(entry) : batchMs;
        kept.accept(reading(site, sensor, entry, ms));
      } catch (ValidationException bad) {
        refused.accept(new ValidationException(bad.reason(), where + "." + bad.field(),
            where + ": " + bad.getMessage()));
      }
    }
  }

  private static FacilityReading reading(SiteId site, SensorId sensor, Fields fields,
      long ms) {
    return new FacilityReading(sensor, site, Instant.ofEpochMilli(ms), kind(fields),
        fields.requireDouble(VALUE));
  }

  private static FacilityKind kind(Fields fields) {
    String name = fields.requireString(KIND);
    try {
      return FacilityKind.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, KIND, "kind '"
          + WireText.shown(name, 64) + "' is not a facility kind; known: " + known());
    }
  }

  private static String known() {
    StringBuilder out = new StringBuilder();
    for (FacilityKind kind : FacilityKind.values()) {
      out.append(out.length() == 0 ? "" : ", ").append(label(kind));
    }
    return out.toString();
  }
}
