package dev.kelvin.telemetry.decode;

import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one message decoded to: the node readings and facility readings it carries, in the
 * order they appeared, and each part that was refused with its reason. A message may keep
 * some readings and refuse others (a batch with one bad reading among good ones).
 */
public record Decoded(List<NodeReading> nodes, List<FacilityReading> facility,
    List<ValidationException> refused) {
  public Decoded {
    nodes = List.copyOf(nodes);
    facility = List.copyOf(facility);
    refused = List.copyOf(refused);
  }

  /** A message that carried one node reading. */
  public static Decoded of(NodeReading reading) {
    return new Decoded(List.of(reading), List.of(), List.of());
  }

  /** A message that carried nothing to keep and nothing wrong (a Sparkplug death, say). */
  public static Decoded empty() {
    return new Decoded(List.of(), List.of(), List.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether the message carried nothing at all. */
  public boolean isEmpty() {
    return nodes.isEmpty() && facility.isEmpty() && refused.isEmpty();
  }

  /** Collects the parts of one message as a codec reads it. Not thread-safe. */
  public static final class Builder {
    private final List<NodeReading> nodes = new ArrayList<>();
    private final List<FacilityReading> facility = new ArrayList<>();
    private final List<ValidationException> refused = new ArrayList<>();

    private Builder() {}

    public Builder node(NodeReading reading) {
      nodes.add(reading);
      return this;
    }

    public Builder facility(FacilityReading reading) {
      facility.add(reading);
      return this;
    }

    public Builder refused(ValidationException reason) {
      refused.add(reason);
      return this;
    }

    public Decoded build() {
      return new Decoded(nodes, facility, refused);
    }
  }
}
