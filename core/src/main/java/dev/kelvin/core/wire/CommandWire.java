package dev.kelvin.core.wire;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The schema of commands and acknowledgements between controller and node agent, version 1.
 *
 * <pre>
 * cmd:     {"v":1, "id":"a-t4k2qz-000017", "type":"set_cpu_freq_cap", "cpu_freq_cap_mhz":2400,
 *           "lease_s":120, "issued_ts_ms":1763900000000, "rule":"thermal-cap-cpu"}
 *           (GPU setpoints add "gpu":0)
 * cmd/ack: {"v":1, "id":"a-t4k2qz-000017", "status":"applied", "before":2600, "after":2400,
 *           "lease_expires_ts_ms":1763900120000, "ts_ms":1763900000050, "message":"..."}
 * </pre>
 */
public final class CommandWire {
  public static final int VERSION = 1;

  private CommandWire() {}

  public static Map<String, Object> encode(NodeCommand command) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("v", VERSION);
    out.put("id", command.id());
    out.put("type", command.kind().commandType());
    command.device().ifPresent(device -> out.put(device.kind().wireName(), device.index()));
    out.put(command.kind().valueField(), command.value());
    out.put("lease_s", command.lease().toMillis() / 1000.0);
    out.put("issued_ts_ms", command.issuedAt().toEpochMilli());
    out.put("rule", command.rule());
    return out;
  }

  /** @throws ValidationException naming the field at fault */
  public static NodeCommand decodeCommand(Map<String, ?> json) {
    Fields fields = new Fields(json);
    requireVersion(fields);
    String id = fields.requireString("id");
    String type = fields.requireString("type");
    SetpointKind kind = SetpointKind.fromCommandType(type).orElseThrow(() ->
        new ValidationException(RejectReason.OUT_OF_RANGE, "type", "command type '" + type
            + "' is not known to this agent; known: set_cpu_freq_cap, set_gpu_power_limit,"
            + " set_node_power_cap"));
    Optional<Device> device = device(fields, kind);
    double value = positive(fields, kind.valueField(), kind.unit());
    double leaseSeconds = positive(fields, "lease_s", "s");
    Instant issuedAt = Instant.ofEpochMilli(fields.requireLong("issued_ts_ms"));
    String rule = fields.optionalString("rule").orElse("unknown");
    return new NodeCommand(id, kind, device, value,
        Duration.ofMillis((long) Math.ceil(leaseSeconds * 1000)), issuedAt, rule);
  }

  public static Map<String, Object> encode(CommandAck ack) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("v", VERSION);
    out.put("id", ack.id());
    out.put("status", ack.status().label());
    ack.before().ifPresent(value -> out.put("before", value));
    ack.after().ifPresent(value -> out.put("after", value));
    ack.leaseExpiresAt().ifPresent(at -> out.put("lease_expires_ts_ms", at.toEpochMilli()));
    out.put("ts_ms", ack.at().toEpochMilli());
    out.put("message", ack.message());
    return out;
  }

  /** @throws ValidationException naming the field at fault */
  public static CommandAck decodeAck(Map<String, ?> json) {
    Fields fields = new Fields(json);
    requireVersion(fields);
    String id = fields.requireString("id");
    String status = fields.requireString("status");
    CommandAck.Status parsed;
    try {
      parsed = CommandAck.Status.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, "status", "ack status '" + status
          + "' is not one of applied, rejected, failed");
    }
    OptionalDouble before = fields.optionalDouble("before");
    OptionalDouble after = fields.optionalDouble("after");
    Optional<Instant> leaseExpiresAt = fields.has("lease_expires_ts_ms")
        ? Optional.of(Instant.ofEpochMilli(fields.requireLong("lease_expires_ts_ms")))
        : Optional.empty();
    Instant at = Instant.ofEpochMilli(fields.requireLong("ts_ms"));
    String message = fields.optionalString("message").orElse("");
    return new CommandAck(id, parsed, before, after, leaseExpiresAt, at, message);
  }

  /** The device a command names ({@code "gpu": 1}), checked against where its kind sits. */
  private static Optional<Device> device(Fields fields, SetpointKind kind) {
    Optional<Device> device = Optional.empty();
    for (Device.Kind deviceKind : Device.Kind.values()) {
      if (fields.has(deviceKind.wireName())) {
        if (device.isPresent()) {
          throw new ValidationException(RejectReason.INCONSISTENT, deviceKind.wireName(),
              "a command names one device at most, but names " + device.get() + " and a "
                  + deviceKind.wireName());
        }
        device = Optional.of(new Device(deviceKind, index(fields, deviceKind.wireName())));
      }
    }
    try {
      return kind.requireDevice(device);
    } catch (IllegalArgumentException misplaced) {
      String field = device.map(d -> d.kind().wireName()).orElse("type");
      throw new ValidationException(RejectReason.INCONSISTENT, field, misplaced.getMessage());
    }
  }

  private static int index(Fields fields, String field) {
    long index = fields.requireLong(field);
    if (index < 0 || index > Device.MAX_INDEX) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, field,
          field + " must be a device index within 0.." + Device.MAX_INDEX + ", was " + index);
    }
    return (int) index;
  }

  private static void requireVersion(Fields fields) {
    long version = fields.requireLong("v");
    if (version != VERSION) {
      throw new ValidationException(RejectReason.UNSUPPORTED_VERSION, "v",
          "command format v=" + version + " is not supported; this build speaks v=" + VERSION);
    }
  }

  private static double positive(Fields fields, String field, String unit) {
    double value = fields.requireDouble(field);
    if (!Double.isFinite(value) || value <= 0) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, field,
          field + " must be a finite number > 0 " + unit + ", was " + value);
    }
    return value;
  }
}
