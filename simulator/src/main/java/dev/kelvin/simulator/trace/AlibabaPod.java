package dev.kelvin.simulator.trace;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * One pod (task) of the Alibaba GPU cluster trace v2023 ("openb"), as its pod list states it.
 * Times are whole seconds from the trace's own start.
 *
 * @param name the pod's name ({@code openb-pod-0042})
 * @param cpuMilli the CPU it asks for, in thousandths of a core
 * @param memoryMib the memory it asks for, in MiB
 * @param numGpu the GPUs it asks for (0 for a CPU pod)
 * @param gpuMilli the share of each of its GPUs, in thousandths of a GPU (1000: whole GPUs,
 *     below: a GPU-sharing pod)
 * @param gpuSpec the GPU models it may run on, {@code |}-separated; empty for any
 * @param qos its quality-of-service class ({@code LS}, {@code BE}, {@code Burstable},
 *     {@code Guaranteed})
 * @param phase its Kubernetes phase when the trace was taken
 * @param creationS when it was created
 * @param deletionS when it was deleted, when the trace knows
 * @param scheduledS when it was bound to a node, when it was
 */
public record AlibabaPod(String name, long cpuMilli, long memoryMib, int numGpu, int gpuMilli,
    String gpuSpec, String qos, Phase phase, long creationS, OptionalLong deletionS,
    OptionalLong scheduledS) {

  /** Kubernetes' pod phases. */
  public enum Phase {
    PENDING, RUNNING, SUCCEEDED, FAILED, UNKNOWN;

    static Phase parse(String text) {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
  }
}
