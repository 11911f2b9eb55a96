package dev.kelvin.simulator.scenario;

import dev.kelvin.simulator.power.GpuPowerLimitCurve;
import java.util.Objects;
import java.util.Optional;

/**
 * The GPUs in each node of a site: how many, which model (its Zeus power-limit curve) and what
 * one draws while no job holds it.
 *
 * <p>Idle power: {@value #DEFAULT_IDLE_WATTS} W by default, the median hourly power of the
 * Cornell BioHPC A40 GPUs over the hours their utilisation and memory use stayed at 0
 * ({@code biohpc-gpu-server-telemetry}, servers cbsugpu05 and cbsugpu06, 25,114 hours: 29.1
 * W each). For the V100, P100 and RTX 6000 the reference data hold no idle measurement; the
 * same figure is an assumption for them ({@code gpu_idle_w} sets another).
 *
 * @param perNode GPUs in each node, 0 for none
 * @param curve the model's power-limit curve; empty exactly when there are no GPUs
 * @param idleWatts what one GPU draws while its node is up and no job holds it, W
 */
public record SiteGpus(int perNode, Optional<GpuPowerLimitCurve> curve, double idleWatts) {
  /** The median idle power of the BioHPC A40s, W. */
  public static final double DEFAULT_IDLE_WATTS = 29;
  /** The most GPUs one node may have (a DGX or HGX board has 8; 16 in the largest). */
  public static final int MAX_PER_NODE = 16;
  /** Nodes without GPUs: what every site had before GPUs were modelled. */
  public static final SiteGpus NONE = new SiteGpus(0, Optional.empty(), DEFAULT_IDLE_WATTS);

  public SiteGpus {
    Objects.requireNonNull(curve, "curve");
    if (perNode < 0 || perNode > MAX_PER_NODE) {
      throw new IllegalArgumentException("gpus per node must be within 0.." + MAX_PER_NODE
          + ", was " + perNode);
    }
    if ((perNode > 0) != curve.isPresent()) {
      throw new IllegalArgumentException("nodes with GPUs need a GPU model and nodes without"
          + " none: " + perNode + " GPUs per node, model " + curve.map(GpuPowerLimitCurve::gpu)
          .orElse("none"));
    }
    if (!(idleWatts >= 0) || idleWatts > curve.map(GpuPowerLimitCurve::minLimitWatts)
        .orElse(Double.MAX_VALUE)) {
      throw new IllegalArgumentException("GPU idle power must be >= 0 W and at most the lowest"
          + " power limit, was " + idleWatts + " W");
    }
  }

  /** {@code perNode} GPUs of the model {@code curve} measures, idle at the default. */
  public static SiteGpus of(int perNode, GpuPowerLimitCurve curve) {
    return new SiteGpus(perNode, Optional.of(curve), DEFAULT_IDLE_WATTS);
  }
}
