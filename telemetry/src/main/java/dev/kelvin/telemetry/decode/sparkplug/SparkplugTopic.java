package dev.kelvin.telemetry.decode.sparkplug;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import java.util.Objects;
import java.util.Optional;

/**
 * One Sparkplug B topic, {@code {namespace}/{group}/{type}/{edge}[/{device}]}, or the host
 * state topic {@code {namespace}/STATE/{host}} (Sparkplug 3.0). The device level is present
 * exactly for the device message types.
 *
 * @param device the device id for DBIRTH, DDATA, DDEATH and DCMD, else empty
 */
public record SparkplugTopic(String group, MessageType type, String edge,
    Optional<String> device) {

  /** The Sparkplug B message types; the command and state types carry no readings. */
  public enum MessageType {
    NBIRTH, NDATA, NDEATH, NCMD, DBIRTH, DDATA, DDEATH, DCMD, STATE;

    /** Whether topics of this type name a device after the edge node. */
    public boolean isDeviceLevel() {
      return this == DBIRTH || this == DDATA || this == DDEATH || this == DCMD;
    }

    /** Whether a host application leaves messages of this type alone (commands, state). */
    public boolean isIgnored() {
      return this == NCMD || this == DCMD || this == STATE;
    }

    /** Whether a message of this type carries a {@code seq} of its edge node's sequence. */
    public boolean isSequenced() {
      return this == NDATA || this == DBIRTH || this == DDATA || this == DDEATH;
    }
  }

  public SparkplugTopic {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(edge, "edge");
    Objects.requireNonNull(device, "device");
  }

  /**
   * Reads {@code topic} under {@code namespace} (normally {@code spBv1.0}).
   *
   * @throws ValidationException with reason BAD_TOPIC naming what is wrong
   */
  public static SparkplugTopic parse(String namespace, String topic) {
    String prefix = namespace + "/";
    if (topic == null || !topic.startsWith(prefix)) {
      throw bad(topic, namespace, "does not start with " + prefix);
    }
    String[] levels = topic.substring(prefix.length()).split("/", -1);
    if (levels.length == 2 && levels[0].equals("STATE")) {
      return new SparkplugTopic("", MessageType.STATE, levels[1], Optional.empty());
    }
    if (levels.length < 3 || levels.length > 4) {
      throw bad(topic, namespace, "has " + (levels.length + 1) + " levels where 4 (edge node)"
          + " or 5 (device) belong");
    }
    MessageType type = typeOf(levels[1], topic, namespace);
    if (type.isDeviceLevel() != (levels.length == 4)) {
      throw bad(topic, namespace, type + (type.isDeviceLevel()
          ? " names a device: the topic needs a device level after the edge node id"
          : " is an edge node message: the topic has no device level"));
    }
    for (String level : levels) {
      if (level.isEmpty()) {
        throw bad(topic, namespace, "has an empty level");
      }
    }
    Optional<String> device = levels.length == 4 ? Optional.of(levels[3]) : Optional.empty();
    return new SparkplugTopic(levels[0], type, levels[2], device);
  }

  /** The topic an edge node reads its commands on: {@code {namespace}/{group}/NCMD/{edge}}. */
  public String nodeCommandTopic(String namespace) {
    return namespace + "/" + group + "/" + MessageType.NCMD + "/" + edge;
  }

  private static MessageType typeOf(String level, String topic, String namespace) {
    for (MessageType type : MessageType.values()) {
      if (type != MessageType.STATE && type.name().equals(level)) {
        return type;
      }
    }
    throw bad(topic, namespace, "has message type '" + WireText.shown(level, 40)
        + "', not one of NBIRTH NDATA NDEATH DBIRTH DDATA DDEATH NCMD DCMD");
  }

  private static ValidationException bad(String topic, String namespace, String why) {
    return new ValidationException(RejectReason.BAD_TOPIC, "topic", "Sparkplug topic '"
        + WireText.shown(String.valueOf(topic), 120) + "' " + why + "; expected " + namespace
        + "/{group}/{NBIRTH|NDATA|NDEATH}/{edge node} or " + namespace
        + "/{group}/{DBIRTH|DDATA|DDEATH}/{edge node}/{device}");
  }
}
