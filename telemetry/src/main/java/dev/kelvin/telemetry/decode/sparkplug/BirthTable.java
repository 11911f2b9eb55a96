package dev.kelvin.telemetry.decode.sparkplug;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/**
 * The metrics an edge node (NBIRTH) or a device (DBIRTH) declared in its birth certificate:
 * each metric's name, datatype and engineering unit, and the alias that later data messages
 * may send instead of the name. Immutable; a new birth replaces the whole table.
 */
final class BirthTable {
  /** One declared metric; {@code engUnit} is the birth's {@code engUnit} property, if any. */
  record Declared(String name, int datatype, Optional<String> engUnit) {}

  static final BirthTable EMPTY = new BirthTable(Map.of(), Map.of());

  private final Map<Long, Declared> byAlias;
  private final Map<String, Declared> byName;

  private BirthTable(Map<Long, Declared> byAlias, Map<String, Declared> byName) {
    this.byAlias = Map.copyOf(byAlias);
    this.byName = Map.copyOf(byName);
  }

  Optional<Declared> byAlias(long alias) {
    return Optional.ofNullable(byAlias.get(alias));
  }

  Optional<Declared> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  int size() {
    return byName.size();
  }

  static Builder builder() {
    return new Builder();
  }

  /** Collects the metrics of one birth message in order. Not thread-safe. */
  static final class Builder {
    private final Map<Long, Declared> byAlias = new HashMap<>();
    private final Map<String, Declared> byName = new HashMap<>();

    private Builder() {}

    /**
     * Declares {@code metric} of a birth message.
     *
     * @throws ValidationException when it has no name (MISSING_FIELD) or reuses an alias
     *     another name holds (INCONSISTENT)
     */
    Declared declare(Metric metric) {
      if (!metric.hasName() || metric.getName().isEmpty()) {
        throw new ValidationException(RejectReason.MISSING_FIELD, "name", "a birth metric"
            + (metric.hasAlias() ? " with alias " + metric.getAlias() : "") + " has no name:"
            + " NBIRTH and DBIRTH must name every metric they declare");
      }
      Declared declared = new Declared(metric.getName(), SparkplugValues.datatypeOf(metric,
          Optional.empty()), SparkplugValues.engUnit(metric));
      if (metric.hasAlias()) {
        Declared holder = byAlias.get(metric.getAlias());
        if (holder != null && !holder.name().equals(declared.name())) {
          throw new ValidationException(RejectReason.INCONSISTENT, "alias", "birth metric '"
              + WireText.shown(declared.name(), 80) + "' declares alias " + metric.getAlias()
              + ", which '" + WireText.shown(holder.name(), 80) + "' of the same birth"
              + " already holds: aliases must be unique per edge node or device");
        }
        byAlias.put(metric.getAlias(), declared);
      }
      byName.put(declared.name(), declared);
      return declared;
    }

    BirthTable build() {
      return new BirthTable(byAlias, byName);
    }
  }
}
