package dev.kelvin.core.model;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A device inside a node that has metrics and setpoints of its own: a GPU by its index (as
 * NVML numbers them) or a CPU package (socket) by its index. Prints as {@code gpu 1} or
 * {@code cpu_package 0}.
 */
public record Device(Kind kind, int index) implements Comparable<Device> {
  /** The largest device index accepted: more GPUs than this in one node is a bad index. */
  public static final int MAX_INDEX = 1023;
  private static final Comparator<Device> ORDER =
      Comparator.comparing(Device::kind).thenComparingInt(Device::index);

  /** The kinds of device, with the wire name of a device's index field and list. */
  public enum Kind {
    GPU("gpu", "gpus"),
    CPU_PACKAGE("cpu_package", "cpu_packages");

    private final String wireName;
    private final String listName;

    Kind(String wireName, String listName) {
      this.wireName = wireName;
      this.listName = listName;
    }

    /** The field that names a device of this kind on the wire, e.g. {@code gpu}. */
    public String wireName() {
      return wireName;
    }

    /** The telemetry field that lists devices of this kind, e.g. {@code gpus}. */
    public String listName() {
      return listName;
    }

    public static Optional<Kind> fromWireName(String name) {
      for (Kind kind : values()) {
        if (kind.wireName.equals(name)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  public Device {
    Objects.requireNonNull(kind, "kind");
    if (index < 0 || index > MAX_INDEX) {
      throw new IllegalArgumentException(kind.wireName + " index must be within 0.." + MAX_INDEX
          + ", was " + index);
    }
  }

  public static Device gpu(int index) {
    return new Device(Kind.GPU, index);
  }

  public static Device cpuPackage(int index) {
    return new Device(Kind.CPU_PACKAGE, index);
  }

  @Override
  public int compareTo(Device other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return kind.wireName + " " + index;
  }

  /** {@code node}, or {@code gpu 1}: where a metric or setpoint sits, as people read it. */
  public static String describe(Optional<Device> device) {
    return device.map(Device::toString).orElse("node");
  }
}
