package dev.kelvin.simulator.power;

import java.util.Objects;

/**
 * The system one SPECpower_ssj2008 result measured, per node: SPEC's multi-node results give
 * totals for a set of identical nodes, and the reader divides cores and chips by {@code nodes}.
 *
 * @param name the system name as the results list it (not unique: one system may have several
 *     results, with different processors or settings)
 * @param vendor the hardware vendor
 * @param processor the processor as the result describes it
 * @param nodes how many identical nodes the published result measured together
 * @param coresPerNode CPU cores in one node
 * @param chipsPerNode CPU sockets in one node
 * @param processorMhz the processor's nominal clock
 * @param disclosureUrl the result's full disclosure at spec.org, which identifies it
 */
public record SpecPowerSystem(String name, String vendor, String processor, int nodes,
    int coresPerNode, int chipsPerNode, double processorMhz, String disclosureUrl) {
  public SpecPowerSystem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(disclosureUrl, "disclosureUrl");
    if (nodes < 1 || coresPerNode < 1 || chipsPerNode < 1) {
      throw new IllegalArgumentException("nodes, coresPerNode and chipsPerNode must be >= 1,"
          + " were " + nodes + ", " + coresPerNode + ", " + chipsPerNode);
    }
  }

  /** The result's id, the disclosure file name without its extension. */
  public String resultId() {
    String file = disclosureUrl.substring(disclosureUrl.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  @Override
  public String toString() {
    return name + " [" + processor + ", " + resultId() + "]";
  }
}
