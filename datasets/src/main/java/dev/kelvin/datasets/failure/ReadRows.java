package dev.kelvin.datasets.failure;

import java.util.List;
import java.util.Objects;

/**
 * The records read from a data file and the rows that could not be read.
 *
 * @param records the good records, in file order
 * @param bad the bad rows, counted by reason; {@link BadRows#check()} has passed
 */
public record ReadRows<T>(List<T> records, BadRows bad) {
  public ReadRows {
    records = List.copyOf(records);
    Objects.requireNonNull(bad, "bad");
  }
}
