package dev.kelvin.datasets.failure;

import java.time.Instant;
import java.util.Objects;

/**
 * One disk failure event in an HPC parallel file system (the OLCF Alpine and LANL Campaign data
 * of George, Hanley and Zimmer, FTXS 2024).
 *
 * @param system {@code alpine} or {@code campaign}
 * @param enclosure the disk enclosure, as {@code SSC/SSU/Enclosure} (Alpine) or {@code
 *     Server/Rack/Enclosure} (Campaign)
 * @param slot the disk's slot in the enclosure
 * @param at when the event was logged
 * @param action what was done ({@code cycle} or {@code replacement} on Campaign; {@code
 *     replacement} on Alpine, whose log records only failed disks)
 */
public record DiskFailure(String system, String enclosure, String slot, Instant at,
    String action) {
  public DiskFailure {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(enclosure, "enclosure");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
  }
}
