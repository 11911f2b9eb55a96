package dev.kelvin.simulator.engine;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.simulator.model.DvfsModel;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * CPU frequency caps, node power caps and GPU power limits on simulated nodes, held as a node
 * agent holds them: the value clamped to the hardware's range and read back, held for the
 * lease, renewed when the same action id comes again, and reverted to the hardware default
 * (no cap, the GPU's highest limit) when the lease runs out.
 */
final class Setpoints {
  private final Datacenter dc;
  private final JobBook jobs;
  private final SimTime time;
  private final DvfsModel clock;
  private final double bootS;
  private final ActionId[] freqHolder;
  private final ActionId[] powerHolder;
  private final Scheduler.Task[] freqExpiry;
  private final Scheduler.Task[] powerExpiry;
  private final ActionId[] gpuHolder;
  private final Scheduler.Task[] gpuExpiry;

  Setpoints(Datacenter dc, JobBook jobs, SimTime time, DvfsModel clock, double bootS) {
    this.dc = dc;
    this.jobs = jobs;
    this.time = time;
    this.clock = clock;
    this.bootS = bootS;
    int n = dc.nodes.size;
    freqHolder = new ActionId[n];
    powerHolder = new ActionId[n];
    freqExpiry = new Scheduler.Task[n];
    powerExpiry = new Scheduler.Task[n];
    gpuHolder = new ActionId[dc.gpus.total()];
    gpuExpiry = new Scheduler.Task[dc.gpus.total()];
  }

  double bootS() {
    return bootS;
  }

  double capMhz(int node) {
    return dc.nodes.freqCapRatio[node] * clock.maxMhz();
  }

  double powerCapWatts(int node) {
    double cap = dc.nodes.powerCapW[node];
    return Double.isNaN(cap) ? maxWatts() : cap;
  }

  double minWatts() {
    return dc.power.idleWatts();
  }

  double maxWatts() {
    return dc.power.curve().powerWatts(1, 1);
  }

  ActionResult apply(SetpointAction action, int node) {
    Instant now = time.scheduler().now();
    boolean freq = action instanceof SetCpuFrequencyCap;
    double before = freq ? capMhz(node) : powerCapWatts(node);
    if (freq) {
      dc.nodes.freqCapRatio[node] = clock.clampCap(action.value()) / clock.maxMhz();
    } else {
      dc.nodes.powerCapW[node] = Math.max(minWatts(), Math.min(maxWatts(), action.value()));
    }
    settle(node);
    Instant expires = now.plus(action.lease());
    hold(node, freq, action.id(), time.toSeconds(expires));
    double after = freq ? capMhz(node) : powerCapWatts(node);
    String detail = after == action.value() ? "applied" : "clamped to the hardware's range";
    return new ActionResult(action.id(), Outcome.APPLIED, now, OptionalDouble.of(before),
        OptionalDouble.of(after), Optional.of(expires), detail);
  }

  private void hold(int node, boolean freq, ActionId id, double expiresS) {
    hold(freq ? freqHolder : powerHolder, freq ? freqExpiry : powerExpiry, node, id, expiresS,
        () -> {
          if (freq) {
            dc.nodes.freqCapRatio[node] = 1;
          } else {
            dc.nodes.powerCapW[node] = Double.NaN;
          }
          settle(node);
        });
  }

  /**
   * Sets GPU {@code action.gpuIndex()}'s power limit, clamped to its model's measured range as
   * the driver clamps it, and holds it for the lease; the caller has checked that the node has
   * that GPU.
   */
  ActionResult applyGpu(SetGpuPowerLimit action, int node) {
    Instant now = time.scheduler().now();
    int g = action.gpuIndex();
    double before = dc.gpus.limitW(node, g);
    double after = dc.gpus.setLimitW(node, g, action.limitWatts());
    settle(node);
    Instant expires = now.plus(action.lease());
    hold(gpuHolder, gpuExpiry, dc.gpus.slot(node, g), action.id(), time.toSeconds(expires),
        () -> {
          dc.gpus.resetLimit(node, g);
          settle(node);
        });
    String detail = after == action.limitWatts() ? "applied" : "clamped to the "
        + dc.gpus.curve(node).gpu() + "'s range " + Math.round(dc.gpus.minLimitW(node)) + ".."
        + Math.round(dc.gpus.maxLimitW(node)) + " W";
    return new ActionResult(action.id(), Outcome.APPLIED, now, OptionalDouble.of(before),
        OptionalDouble.of(after), Optional.of(expires), detail);
  }

  /**
   * Holds the setpoint of {@code slot} for {@code id} until {@code expiresS}, then runs
   * {@code revert} unless another action has taken the slot since.
   */
  private void hold(ActionId[] holder, Scheduler.Task[] expiry, int slot, ActionId id,
      double expiresS, Runnable revert) {
    if (expiry[slot] != null) {
      expiry[slot].cancel();
    }
    holder[slot] = id;
    expiry[slot] = time.at("lease expiry", expiresS, () -> {
      if (id.equals(holder[slot])) {
        holder[slot] = null;
        revert.run();
      }
    });
  }

  private void settle(int node) {
    double nowS = time.nowS();
    if (dc.refresh(node, nowS)) {
      jobs.clockChanged(node, nowS);
    }
  }
}
