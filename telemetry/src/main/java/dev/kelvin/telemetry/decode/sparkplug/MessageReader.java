package dev.kelvin.telemetry.decode.sparkplug;

import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import dev.kelvin.telemetry.decode.Decoded;
import dev.kelvin.telemetry.decode.sparkplug.BirthTable.Declared;
import dev.kelvin.telemetry.decode.sparkplug.EngineeringUnit.Dimension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/**
 * Reads the metrics of one Sparkplug message into facility readings of one sensor: resolves
 * aliases, looks the name up in the mapping, reads the value by its datatype, converts its
 * unit and checks it against its kind. A bad metric is refused with its reason and position,
 * the others are kept. One per message; not thread-safe.
 */
final class MessageReader {
  private final SparkplugMapping mapping;
  private final SparkplugCounters counters;
  private final SiteId site;
  private final SensorId sensor;
  private final Instant messageTime;
  private final Decoded.Builder out = Decoded.builder();
  private int unknownAliases;

  /**
   * @param messageTime the payload's timestamp, or the receive time when it has none: the
   *     time of every metric that carries no timestamp of its own
   */
  MessageReader(SparkplugMapping mapping, SparkplugCounters counters, SiteId site,
      SensorId sensor, Instant messageTime) {
    this.mapping = mapping;
    this.counters = counters;
    this.site = site;
    this.sensor = sensor;
    this.messageTime = messageTime;
  }

  /** Reads the metrics of an NBIRTH or DBIRTH, declaring each into {@code table}. */
  MessageReader birth(List<Metric> metrics, BirthTable.Builder table) {
    for (int i = 0; i < metrics.size(); i++) {
      Metric metric = metrics.get(i);
      try {
        Declared declared = table.declare(metric);
        read(metric, declared.name(), Optional.of(declared));
      } catch (ValidationException refused) {
        out.refused(located(refused, i, metric));
      }
    }
    return this;
  }

  /** Reads the metrics of an NDATA or DDATA, resolving names and aliases by {@code table}. */
  MessageReader data(List<Metric> metrics, BirthTable table) {
    for (int i = 0; i < metrics.size(); i++) {
      Metric metric = metrics.get(i);
      try {
        resolve(metric, table);
      } catch (ValidationException refused) {
        out.refused(located(refused, i, metric));
      }
    }
    return this;
  }

  /** Metrics sent by an alias that the table did not declare. */
  int unknownAliases() {
    return unknownAliases;
  }

  Decoded decoded() {
    return out.build();
  }

  private void resolve(Metric metric, BirthTable table) {
    if (metric.hasName() && !metric.getName().isEmpty()) {
      read(metric, metric.getName(), table.byName(metric.getName()));
      return;
    }
    if (!metric.hasAlias()) {
      throw new ValidationException(RejectReason.MISSING_FIELD, "name", "the metric has"
          + " neither a name nor an alias: a gateway sends one of them with every metric");
    }
    Optional<Declared> declared = table.byAlias(metric.getAlias());
    if (declared.isEmpty()) {
      unknownAliases++;
      counters.unknownAliases.increment();
      throw new ValidationException(RejectReason.MISSING_FIELD, "alias", "alias "
          + Long.toUnsignedString(metric.getAlias()) + " is not declared by the current"
          + " birth (NBIRTH/DBIRTH), so the metric has no name: a rebirth was requested");
    }
    read(metric, declared.get().name(), declared);
  }

  private void read(Metric metric, String name, Optional<Declared> declared) {
    Optional<MetricMapping> mapped = mapping.lookup(name);
    if (mapped.isEmpty()) {
      if (!isSparkplugOwn(name)) {
        counters.unmappedMetrics.increment();
      }
      return;
    }
    if (metric.getIsNull()) {
      counters.nullValues.increment();
      return;
    }
    FacilityKind kind = mapped.get().kind();
    boolean binary = EngineeringUnit.dimensionOf(kind) == Dimension.BINARY;
    double raw = SparkplugValues.number(metric, SparkplugValues.datatypeOf(metric, declared),
        binary);
    double value = binary ? requireTwoStates(raw)
        : unitOf(metric, declared, mapped.get()).convert(raw);
    out.facility(new FacilityReading(sensor, site, timeOf(metric), kind, value));
  }

  /** The metric's own engUnit, else its birth's, else the mapping's unit. */
  private static EngineeringUnit unitOf(Metric metric, Optional<Declared> declared,
      MetricMapping mapped) {
    Optional<String> engUnit = SparkplugValues.engUnit(metric)
        .or(() -> declared.flatMap(Declared::engUnit));
    if (engUnit.isEmpty()) {
      return mapped.unit();
    }
    EngineeringUnit unit = EngineeringUnit.fromSymbol(engUnit.get()).orElseThrow(() ->
        new ValidationException(RejectReason.INCONSISTENT, "engUnit", "engUnit '"
            + WireText.shown(engUnit.get(), 40) + "' is not a unit Kelvin converts; known: "
            + EngineeringUnit.knownSymbols()));
    if (unit.dimension() != mapped.unit().dimension()) {
      throw new ValidationException(RejectReason.INCONSISTENT, "engUnit", "engUnit '"
          + unit.symbol() + "' is a unit of " + unit.dimension().name().toLowerCase(
              java.util.Locale.ROOT) + ", but the metric maps onto " + mapped.kind() + " in "
          + mapped.kind().unit() + ": fix the mapping or the gateway's engUnit");
    }
    return unit;
  }

  private static double requireTwoStates(double raw) {
    if (raw != 0 && raw != 1) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, "value", "an alarm or state"
          + " is 0 or 1 (or a Boolean), was " + raw);
    }
    return raw;
  }

  private Instant timeOf(Metric metric) {
    if (!metric.hasTimestamp()) {
      return messageTime;
    }
    return SparkplugCodec.instantOf(metric.getTimestamp(), "timestamp");
  }

  private static boolean isSparkplugOwn(String name) {
    return name.equals("bdSeq") || name.startsWith("Node Control/")
        || name.startsWith("Device Control/") || name.startsWith("Properties/");
  }

  private static ValidationException located(ValidationException refused, int index,
      Metric metric) {
    String label = metric.hasName() && !metric.getName().isEmpty()
        ? "'" + WireText.shown(metric.getName(), 80) + "'"
        : metric.hasAlias() ? "alias " + Long.toUnsignedString(metric.getAlias()) : "unnamed";
    return new ValidationException(refused.reason(), refused.field(), "metric " + index + " ("
        + label + "): " + refused.getMessage());
  }
}
