package dev.kelvin.telemetry.decode.sparkplug;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.util.List;
import java.util.Optional;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric.ValueCase;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertyValue;

/**
 * Reads the values of Sparkplug B metrics as they are on the wire (the Sparkplug B protobuf
 * schema that Tahu ships), one metric at a time: the datatype codes, the number a metric
 * carries and its {@code engUnit} property.
 */
final class SparkplugValues {
  static final int UNKNOWN = 0;
  static final int INT8 = 1;
  static final int INT16 = 2;
  static final int INT32 = 3;
  static final int INT64 = 4;
  static final int UINT8 = 5;
  static final int UINT16 = 6;
  static final int UINT32 = 7;
  static final int UINT64 = 8;
  static final int FLOAT = 9;
  static final int DOUBLE = 10;
  static final int BOOLEAN = 11;
  static final int STRING = 12;
  static final int TEXT = 14;
  /** The property a gateway names a metric's engineering unit with (Tahu, Ignition). */
  static final String ENG_UNIT = "engUnit";

  private static final List<String> NAMES = List.of("Unknown", "Int8", "Int16", "Int32",
      "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float", "Double", "Boolean", "String",
      "DateTime", "Text", "UUID", "DataSet", "Bytes", "File", "Template");

  private SparkplugValues() {}

  static String datatypeName(int datatype) {
    return datatype >= 0 && datatype < NAMES.size() ? NAMES.get(datatype)
        : "datatype " + datatype;
  }

  /**
   * The datatype of {@code metric}: its own when it sends one, else the one its birth
   * declared, else what its value field says (int, long, float, double, boolean, string).
   */
  static int datatypeOf(Metric metric, Optional<BirthTable.Declared> declared) {
    if (metric.hasDatatype() && metric.getDatatype() != UNKNOWN) {
      return metric.getDatatype();
    }
    if (declared.isPresent()) {
      return declared.get().datatype();
    }
    return switch (metric.getValueCase()) {
      case INT_VALUE -> INT32;
      case LONG_VALUE -> INT64;
      case FLOAT_VALUE -> FLOAT;
      case DOUBLE_VALUE -> DOUBLE;
      case BOOLEAN_VALUE -> BOOLEAN;
      case STRING_VALUE -> STRING;
      default -> UNKNOWN;
    };
  }

  /** The metric's {@code engUnit} property when it carries a non-blank one. */
  static Optional<String> engUnit(Metric metric) {
    if (!metric.hasProperties()) {
      return Optional.empty();
    }
    PropertySet properties = metric.getProperties();
    int count = Math.min(properties.getKeysCount(), properties.getValuesCount());
    for (int i = 0; i < count; i++) {
      PropertyValue value = properties.getValues(i);
      if (ENG_UNIT.equals(properties.getKeys(i)) && !value.getIsNull()
          && (value.getType() == STRING || value.getType() == TEXT)
          && !value.getStringValue().isBlank()) {
        return Optional.of(value.getStringValue().strip());
      }
    }
    return Optional.empty();
  }

  /**
   * The number {@code metric} carries as {@code datatype}: integers and floats as they are,
   * Boolean true as 1 and false as 0 when {@code binary}, the kinds of two states.
   *
   * @throws ValidationException WRONG_TYPE for any other datatype, a Boolean where a
   *     quantity belongs, or a value field that does not fit the datatype
   */
  static double number(Metric metric, int datatype, boolean binary) {
    return switch (datatype) {
      case INT8, INT16, INT32 -> field(metric, datatype, ValueCase.INT_VALUE)
          .getIntValue();
      case UINT8, UINT16, UINT32 -> unsignedInt(metric, datatype);
      case INT64 -> field(metric, datatype, ValueCase.LONG_VALUE).getLongValue();
      case UINT64 -> unsignedLong(field(metric, datatype, ValueCase.LONG_VALUE).getLongValue());
      case FLOAT -> field(metric, datatype, ValueCase.FLOAT_VALUE).getFloatValue();
      case DOUBLE -> field(metric, datatype, ValueCase.DOUBLE_VALUE).getDoubleValue();
      case BOOLEAN -> booleanNumber(metric, binary);
      default -> throw wrongType(datatype, "a number" + (binary ? " or a Boolean" : ""));
    };
  }

  /** An unsigned 64-bit integer (Sparkplug UInt64, bdSeq) as a Java long when it fits. */
  static double unsignedLong(long bits) {
    return bits >= 0 ? bits : (double) (bits >>> 1) * 2.0 + (bits & 1);
  }

  private static double unsignedInt(Metric metric, int datatype) {
    if (metric.getValueCase() == ValueCase.LONG_VALUE) {
      return metric.getLongValue();
    }
    return Integer.toUnsignedLong(field(metric, datatype, ValueCase.INT_VALUE).getIntValue());
  }

  private static double booleanNumber(Metric metric, boolean binary) {
    if (!binary) {
      throw wrongType(BOOLEAN, "a number (a Boolean maps only onto alarms and states)");
    }
    return field(metric, BOOLEAN, ValueCase.BOOLEAN_VALUE).getBooleanValue() ? 1 : 0;
  }

  private static Metric field(Metric metric, int datatype, ValueCase expected) {
    if (metric.getValueCase() != expected) {
      throw new ValidationException(RejectReason.WRONG_TYPE, "value", "datatype "
          + datatypeName(datatype) + " carries its value in "
          + expected.name().toLowerCase(java.util.Locale.ROOT) + ", but the metric has "
          + metric.getValueCase().name().toLowerCase(java.util.Locale.ROOT)
          + ": the gateway encodes the metric against its declared datatype");
    }
    return metric;
  }

  private static ValidationException wrongType(int datatype, String expected) {
    return new ValidationException(RejectReason.WRONG_TYPE, "datatype", "datatype "
        + datatypeName(datatype) + " where " + expected + " belongs: map only numeric or"
        + " Boolean metrics, or fix the metric's datatype in the gateway");
  }
}
