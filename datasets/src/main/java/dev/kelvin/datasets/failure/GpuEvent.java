package dev.kelvin.datasets.failure;

/** How a GPU placement on Titan ended, as the SC'20 data records it. */
public enum GpuEvent {
  /** Removed, or still in place at the end of the data, without a failure. */
  NONE,
  /** A double-bit ECC error. */
  DBE,
  /** The GPU fell off the bus. */
  OTB
}
