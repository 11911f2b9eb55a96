package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one line gives towards readings, as a measurement's mapping reads it: typed field
 * access that refuses a known field of the wrong type, and values checked against their
 * metric's range as they are added, each refusal naming the line, the column, the Telegraf
 * field and the Kelvin metric. Not thread-safe; one per line.
 */
final class LineValues {
  private final Line line;
  private final List<Contribution> contributions = new ArrayList<>();

  LineValues(Line line) {
    this.line = line;
  }

  Line line() {
    return line;
  }

  Optional<String> tag(String key) {
    return line.tag(key);
  }

  /**
   * The value of numeric field {@code key}, or empty when the line has no such field.
   *
   * @throws ValidationException as {@code wrong_type} when the field is a string or boolean
   */
  OptionalDouble number(String key, String unit) {
    Field field = line.fields().get(key);
    if (field == null) {
      return OptionalDouble.empty();
    }
    if (!field.isNumber()) {
      throw refuse(RejectReason.WRONG_TYPE, field, field.type().description() + " "
          + field.shown() + " where a number of " + unit + " belongs");
    }
    return OptionalDouble.of(field.number());
  }

  /**
   * The value of field {@code key}, a percentage, as a ratio 0-1; empty when absent.
   *
   * @throws ValidationException when it is not a number within 0..100
   */
  OptionalDouble percentAsRatio(String key) {
    OptionalDouble percent = number(key, "%");
    if (percent.isPresent() && !(percent.getAsDouble() >= 0 && percent.getAsDouble() <= 100)) {
      throw refuse(RejectReason.OUT_OF_RANGE, line.fields().get(key), "must be within"
          + " 0..100 %, was " + line.fields().get(key).shown());
    }
    return percent.isPresent() ? OptionalDouble.of(percent.getAsDouble() / 100)
        : OptionalDouble.empty();
  }

  /** The device of {@code kind} whose index tag {@code tag} gives; empty without the tag. */
  Optional<Device> device(Device.Kind kind, String tag) {
    Optional<String> index = line.tag(tag);
    if (index.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Device(kind, Integer.parseInt(index.get())));
    } catch (IllegalArgumentException bad) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, tag, "line " + line.number()
          + ": " + line.measurement() + " tag " + tag + " = " + LineCursor.shown(index.get())
          + " is not a " + kind.wireName() + " index within 0.." + Device.MAX_INDEX);
    }
  }

  /** Adds {@code value} (from field {@code fromField}) to the node's {@code metric}. */
  void node(NodeMetric metric, Aggregation aggregation, String member, double value,
      String fromField) {
    add(Target.node(metric), aggregation, member, value, fromField);
  }

  /** Adds {@code value} (from field {@code fromField}) to {@code device}'s {@code metric}. */
  void device(Device device, NodeMetric metric, Aggregation aggregation, String member,
      double value, String fromField) {
    add(Target.on(device, metric), aggregation, member, value, fromField);
  }

  private void add(Target target, Aggregation aggregation, String member, double value,
      String fromField) {
    try {
      target.metric().check(value);
    } catch (ValidationException outOfRange) {
      Field field = line.fields().get(fromField);
      throw new ValidationException(outOfRange.reason(), fromField, where(field)
          + line.measurement() + " field " + fromField + " as " + target.metric().wireName()
          + ": " + outOfRange.getMessage());
    }
    contributions.add(new Contribution(target, aggregation, member, value));
  }

  List<Contribution> contributions() {
    return contributions;
  }

  private ValidationException refuse(RejectReason reason, Field field, String problem) {
    return new ValidationException(reason, field.key(), where(field) + line.measurement()
        + " field " + field.key() + ": " + problem);
  }

  private String where(Field field) {
    return "line " + line.number() + (field == null ? "" : ", column " + field.column()) + ": ";
  }
}
