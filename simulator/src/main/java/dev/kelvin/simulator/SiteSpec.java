package dev.kelvin.simulator;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.simulator.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A simulated site: {@code racks} racks of {@code nodesPerRack} identical nodes, the inlet air
 * temperature of each rack, and the workload they run. Nodes are named {@code n01}, {@code n02},
 * ... across the racks in order; racks {@code r1}, {@code r2}, ...
 *
 * @param site the site's id
 * @param racks how many racks, at least 1
 * @param nodesPerRack how many nodes in each rack, at least 1
 * @param node the hardware of every node
 * @param rackInletCelsius the inlet air temperature of each rack, °C, one per rack
 * @param workload the shape of the job stream
 */
public record SiteSpec(SiteId site, int racks, int nodesPerRack, NodeSpec node,
    List<Double> rackInletCelsius, WorkloadSpec workload) {
  /** The seed the demo runs with: with it, a node on rack r2 overheats within 90 s. */
  public static final long DEMO_SEED = 42;

  /** More nodes than this belong in a trace replay, not in a live demo. */
  public static final int MAX_NODES = 10_000;

  public SiteSpec {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(workload, "workload");
    requireCounts(racks, nodesPerRack);
    rackInletCelsius = checkInlets(racks, rackInletCelsius);
  }

  /**
   * The demo site {@code site-a}: racks r1 and r2 of 16 default nodes each (n01-n16 in r1,
   * n17-n32 in r2), the demo workload, inlet 24 °C in r1 and 26 °C in r2, whose hot-aisle
   * containment leaks, so that r2's nodes overheat first under heavy jobs.
   */
  public static SiteSpec demo() {
    return new SiteSpec(SiteId.of("site-a"), 2, 16, NodeSpec.defaults(), List.of(24.0, 26.0),
        WorkloadSpec.demo());
  }

  /** How many nodes the site has. */
  public int nodeCount() {
    return racks * nodesPerRack;
  }

  /** The id of the node at {@code index} (0-based), e.g. {@code site-a/n01} for 0. */
  public NodeId nodeId(int index) {
    int width = Math.max(2, Integer.toString(nodeCount()).length());
    String number = Integer.toString(checkIndex(index) + 1);
    return new NodeId(site, "n" + "0".repeat(width - number.length()) + number);
  }

  /** The rack of the node at {@code index}, e.g. {@code r1}. */
  public RackId rackOf(int index) {
    return RackId.of("r" + (checkIndex(index) / nodesPerRack + 1));
  }

  /** The inlet temperature of the node at {@code index}, °C. */
  public double inletCelsius(int index) {
    return rackInletCelsius.get(checkIndex(index) / nodesPerRack);
  }

  private int checkIndex(int index) {
    return Objects.checkIndex(index, nodeCount());
  }

  private static void requireCounts(int racks, int nodesPerRack) {
    if (racks < 1 || nodesPerRack < 1) {
      throw new IllegalArgumentException("a site needs racks >= 1 and nodesPerRack >= 1, was "
          + racks + " racks of " + nodesPerRack + " nodes");
    }
    if ((long) racks * nodesPerRack > MAX_NODES) {
      throw new IllegalArgumentException("a simulated site holds at most " + MAX_NODES
          + " nodes, was " + racks + " racks of " + nodesPerRack + " nodes");
    }
  }

  private static List<Double> checkInlets(int racks, List<Double> inlets) {
    Objects.requireNonNull(inlets, "rackInletCelsius");
    if (inlets.size() != racks) {
      throw new IllegalArgumentException("rackInletCelsius needs one temperature per rack: "
          + racks + " racks but " + inlets.size() + " temperatures " + inlets);
    }
    List<Double> checked = new ArrayList<>(inlets.size());
    for (int i = 0; i < inlets.size(); i++) {
      Double inlet = inlets.get(i);
      if (inlet == null) {
        throw new IllegalArgumentException("rackInletCelsius of rack r" + (i + 1)
            + " is missing (null)");
      }
      checked.add(NodeSpec.checkMetric("rackInletCelsius of rack r" + (i + 1),
          NodeMetric.INLET_TEMP_CELSIUS, inlet));
    }
    return List.copyOf(checked);
  }
}
