package dev.kelvin.simulator;

import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.simulator.model.DvfsModel;
import dev.kelvin.simulator.model.PowerModel;
import dev.kelvin.simulator.model.RcThermalModel;
import dev.kelvin.simulator.model.SensorNoise;
import dev.kelvin.simulator.random.Seeds;
import dev.kelvin.simulator.workload.WorkSegment;
import dev.kelvin.simulator.workload.Workload;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The physics state of one node, stepped in fixed steps: workload segment, utilisation and clock
 * under the cap, power, CPU temperature, the sensor values with their noise, and the corrected
 * memory error counter ({@link CorrectedErrorCounter}). Sensor noise is drawn once per step, so
 * readings depend only on the steps taken and the caps applied, not on how often they are
 * sampled. Not thread-safe: {@link SimulatedSite} guards it.
 */
final class NodeDynamics {
  private static final double DONE_SECONDS = 1e-9;

  private final NodeId node;
  private final NodeSpec spec;
  private final PowerModel power;
  private final DvfsModel dvfs;
  private final RcThermalModel thermal;
  private final SensorNoise noise;
  private final double inletCelsius;
  private final Workload workload;
  private final SplittableRandom noiseRandom;
  private final CorrectedErrorCounter correctedErrors;

  private double capMhz;
  private double stepCapMhz;
  private double tempCelsius;
  private WorkSegment segment;
  /** The job that ran in the latest step; null when the node was idle. */
  private WorkSegment.Job stepJob;
  private double segmentLeftSeconds;
  private double demandRatio;
  private double utilRatio;
  private double freqMhz;
  private double powerWatts;
  private Instant at;
  private double sensedPowerWatts;
  private double sensedCpuTempCelsius;
  private double sensedInletCelsius;

  NodeDynamics(NodeId node, NodeSpec spec, double inletCelsius, Workload workload, long seed,
      Instant start) {
    this.node = node;
    this.spec = spec;
    this.power = spec.powerModel();
    this.dvfs = spec.dvfs();
    this.thermal = spec.thermal();
    this.noise = spec.noise();
    this.inletCelsius = inletCelsius;
    this.workload = workload;
    this.noiseRandom = Seeds.stream(seed, "sensor-noise", node.toString());
    this.correctedErrors = new CorrectedErrorCounter(node, seed, start);
    this.capMhz = spec.maxMhz();
    this.stepCapMhz = capMhz;
    this.freqMhz = spec.minMhz();
    this.powerWatts = power.powerWatts(0, freqMhz / spec.maxMhz());
    this.tempCelsius = thermal.steadyStateCelsius(inletCelsius, powerWatts);
    this.at = start;
    startSegment(start);
    sense();
  }

  /** Runs the physics from {@code from} for {@code dtSeconds}. */
  void step(Instant from, double dtSeconds) {
    while (segmentLeftSeconds <= DONE_SECONDS) {
      startSegment(from);
    }
    stepCapMhz = capMhz;
    stepJob = segment instanceof WorkSegment.Job job ? job : null;
    demandRatio = stepJob == null ? 0 : stepJob.demandRatio();
    utilRatio = dvfs.utilRatio(demandRatio, stepCapMhz);
    freqMhz = dvfs.reportedMhz(utilRatio, stepCapMhz);
    powerWatts = power.powerWatts(utilRatio, freqMhz / spec.maxMhz());
    tempCelsius = thermal.step(tempCelsius, inletCelsius, powerWatts, dtSeconds);
    segmentLeftSeconds -= stepJob == null ? dtSeconds
        : dvfs.deliveredRatio(utilRatio, stepCapMhz) * dtSeconds;
    at = from.plusNanos(Math.round(dtSeconds * 1e9));
    sense();
  }

  /** Sets the cap that governs the next step; returns the cap as the hardware holds it. */
  double applyCap(double mhz) {
    capMhz = dvfs.clampCap(mhz);
    return capMhz;
  }

  double capMhz() {
    return capMhz;
  }

  MetricValues sample() {
    return MetricValues.builder()
        .set(NodeMetric.POWER_WATTS, sensedPowerWatts)
        .set(NodeMetric.CPU_TEMP_CELSIUS, sensedCpuTempCelsius)
        .set(NodeMetric.CPU_TEMP_LIMIT_CELSIUS, spec.cpuTempLimitCelsius())
        .set(NodeMetric.INLET_TEMP_CELSIUS, sensedInletCelsius)
        .set(NodeMetric.CPU_UTIL_RATIO, utilRatio)
        .set(NodeMetric.CPU_FREQ_MHZ, freqMhz)
        .set(NodeMetric.CPU_FREQ_CAP_MHZ, capMhz)
        .set(NodeMetric.CPU_FREQ_MIN_MHZ, spec.minMhz())
        .set(NodeMetric.CPU_FREQ_MAX_MHZ, spec.maxMhz())
        .set(NodeMetric.ECC_CORRECTABLE_TOTAL, correctedErrors.countAt(at))
        .build();
  }

  NodeState state() {
    Optional<JobId> job = stepJob == null ? Optional.empty() : Optional.of(stepJob.id());
    return new NodeState(node, at, job, demandRatio, utilRatio,
        freqMhz, stepCapMhz, powerWatts, tempCelsius);
  }

  private void startSegment(Instant from) {
    segment = workload.next(node, from);
    if (segment == null) {
      throw new IllegalStateException("workload " + workload.getClass().getSimpleName()
          + " returned no segment for " + node + " at " + from);
    }
    segmentLeftSeconds = segment instanceof WorkSegment.Job job ? job.workSeconds()
        : ((WorkSegment.Idle) segment).length().toNanos() / 1e9;
  }

  /** Draws this step's sensor errors; clamps so a reading is never outside its range. */
  private void sense() {
    sensedPowerWatts = clamp(NodeMetric.POWER_WATTS, noise.power(noiseRandom, powerWatts));
    sensedCpuTempCelsius =
        clamp(NodeMetric.CPU_TEMP_CELSIUS, noise.temp(noiseRandom, tempCelsius));
    sensedInletCelsius =
        clamp(NodeMetric.INLET_TEMP_CELSIUS, noise.temp(noiseRandom, inletCelsius));
  }

  private static double clamp(NodeMetric metric, double value) {
    return Math.max(metric.min(), Math.min(metric.max(), value));
  }
}
