package dev.kelvin.datasets.failure;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One placement of one GPU in one node slot of the Titan supercomputer (the cleaned data of
 * Ostrouchov et al., "GPU Lifetimes on Titan Supercomputer", SC'20).
 *
 * @param serial the GPU's serial number
 * @param location the node slot, a Cray name like {@code c11-2c1s4n1}
 * @param inserted when the GPU was put in; empty where the data leaves it blank
 * @param removed when it was taken out, or the end of the data for one still in place
 * @param out whether the GPU was taken out of service
 * @param event the failure that ended the placement, or {@link GpuEvent#NONE}
 */
public record TitanPlacement(String serial, String location, Optional<Instant> inserted,
    Instant removed, boolean out, GpuEvent event) {
  public TitanPlacement {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(inserted, "inserted");
    Objects.requireNonNull(removed, "removed");
    Objects.requireNonNull(event, "event");
  }

  /** Whether the placement ended in a failure. */
  public boolean failed() {
    return event != GpuEvent.NONE;
  }
}
