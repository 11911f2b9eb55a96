package dev.kelvin.agent;

import dev.kelvin.core.model.Device;

import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.NodeHardware;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;

/**
 * A node in memory for tests: a CPU frequency cap of 1200-3000 MHz (default 3000) that the
 * hardware rounds down to 100 MHz steps, two GPUs with power limits of 100-400 W (default
 * 300), no node power cap. Tests can make writes or samples fail (or hang) and move a setpoint
 * behind the agent's back. Thread-safe, as the agent calls it from its tick and from MQTT threads.
 */
public final class FakeNodeHardware implements NodeHardware {
  public static final SetpointLimits CPU_LIMITS = new SetpointLimits(1200, 3000, 3000);
  public static final SetpointLimits GPU_LIMITS = new SetpointLimits(100, 400, 300);
  public static final Optional<Device> NO_DEVICE = Optional.empty();

  private record Key(SetpointKind kind, Optional<Device> device) {}

  private final NodeId node;
  private final Map<Key, Double> setpoints = new HashMap<>();
  private final Map<Key, Integer> writes = new HashMap<>();
  private int setpointCalls;
  private String failWrites;
  private String failSamples;
  private volatile Runnable beforeSample = () -> {};

  public FakeNodeHardware(NodeId node) {
    this.node = node;
    setpoints.put(new Key(SetpointKind.CPU_FREQ_CAP, NO_DEVICE), CPU_LIMITS.defaultValue());
    for (int gpu = 0; gpu < 2; gpu++) {
      setpoints.put(new Key(SetpointKind.GPU_POWER_LIMIT, Optional.of(Device.gpu(gpu))),
          GPU_LIMITS.defaultValue());
    }
  }

  public FakeNodeHardware() {
    this(NodeId.of("site-a", "n01"));
  }

  @Override
  public NodeId node() {
    return node;
  }

  @Override
  public RackId rack() {
    return RackId.of("r1");
  }

  @Override
  public List<Device> devices() {
    return List.of(Device.gpu(0), Device.gpu(1));
  }

  @Override
  public Sample sample() {
    beforeSample.run();
    return sampleNow();
  }

  private synchronized Sample sampleNow() {
    if (failSamples != null) {
      throw new HardwareException(failSamples);
    }
    MetricValues node = MetricValues.builder()
        .set(NodeMetric.POWER_WATTS, 300)
        .set(NodeMetric.CPU_TEMP_CELSIUS, 60)
        .set(NodeMetric.CPU_UTIL_RATIO, 0.5)
        .set(NodeMetric.CPU_FREQ_CAP_MHZ, cpuCapMhz())
        .set(NodeMetric.CPU_FREQ_MIN_MHZ, CPU_LIMITS.min())
        .set(NodeMetric.CPU_FREQ_MAX_MHZ, CPU_LIMITS.max())
        .build();
    TreeMap<Device, MetricValues> gpus = new TreeMap<>();
    for (Device gpu : devices()) {
      gpus.put(gpu, MetricValues.builder().set(NodeMetric.GPU_POWER_WATTS, 250)
          .set(NodeMetric.GPU_TEMP_CELSIUS, 61).build());
    }
    return new Sample(node, gpus);
  }

  @Override
  public synchronized boolean supports(SetpointKind kind, Optional<Device> device) {
    return setpoints.containsKey(new Key(kind, device));
  }

  @Override
  public synchronized SetpointLimits limits(SetpointKind kind, Optional<Device> device) {
    setpointCalls++;
    requireSupported(kind, device);
    return kind == SetpointKind.CPU_FREQ_CAP ? CPU_LIMITS : GPU_LIMITS;
  }

  @Override
  public synchronized double apply(SetpointKind kind, Optional<Device> device, double value) {
    setpointCalls++;
    requireSupported(kind, device);
    if (failWrites != null) {
      throw new HardwareException(failWrites);
    }
    double held = kind == SetpointKind.CPU_FREQ_CAP ? Math.floor(value / 100) * 100 : value;
    Key key = new Key(kind, device);
    setpoints.put(key, held);
    writes.merge(key, 1, Integer::sum);
    return held;
  }

  @Override
  public synchronized double read(SetpointKind kind, Optional<Device> device) {
    setpointCalls++;
    requireSupported(kind, device);
    return setpoints.get(new Key(kind, device));
  }

  public synchronized double cpuCapMhz() {
    return setpoints.get(new Key(SetpointKind.CPU_FREQ_CAP, NO_DEVICE));
  }

  /** Moves a setpoint as another tool on the node would, without counting a write. */
  public synchronized void drift(SetpointKind kind, Optional<Device> device, double value) {
    requireSupported(kind, device);
    setpoints.put(new Key(kind, device), value);
  }

  /** How many times {@link #apply} wrote this setpoint. */
  public synchronized int writes(SetpointKind kind, Optional<Device> device) {
    return writes.getOrDefault(new Key(kind, device), 0);
  }

  /**
   * How many times a setpoint's limits, value or write were asked for ({@link #limits},
   * {@link #read}, {@link #apply}): zero while every command was refused before reaching the
   * hardware. Whether a setpoint is supported at all is not counted.
   */
  public synchronized int setpointCalls() {
    return setpointCalls;
  }

  /** Makes every write fail with {@code message}; null makes them work again. */
  public synchronized void failWrites(String message) {
    failWrites = message;
  }

  /** Makes every sample fail with {@code message}; null makes them work again. */
  public synchronized void failSamples(String message) {
    failSamples = message;
  }

  /**
   * Runs {@code hook} at the start of every {@link #sample()}, outside this object's lock, so
   * that a hook that throws an Error or blocks plays a broken or stuck driver (a hung
   * nvidia-smi) while setpoint writes still work.
   */
  public void beforeSample(Runnable hook) {
    beforeSample = hook;
  }

  private void requireSupported(SetpointKind kind, Optional<Device> device) {
    if (!setpoints.containsKey(new Key(kind, device))) {
      throw new HardwareException(kind + " on " + device + " is not supported by this node");
    }
  }
}
