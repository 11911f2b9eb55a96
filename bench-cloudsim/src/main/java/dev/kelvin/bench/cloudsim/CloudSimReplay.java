package dev.kelvin.bench.cloudsim;

import dev.kelvin.simulator.trace.SwfJob;
import dev.kelvin.simulator.trace.SwfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.cloudsimplus.brokers.DatacenterBroker;
import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.cloudlets.Cloudlet;
import org.cloudsimplus.cloudlets.CloudletSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.power.models.PowerModelHostSimple;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.schedulers.cloudlet.CloudletSchedulerSpaceShared;
import org.cloudsimplus.utilizationmodels.UtilizationModel;
import org.cloudsimplus.utilizationmodels.UtilizationModelFull;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;

/**
 * Replays a Standard Workload Format trace in CloudSim Plus, the way {@code kelvin bench
 * simulate} compares Kelvin's simulator with it: one datacenter of one-PE hosts, each running
 * one one-PE VM with a space-shared cloudlet scheduler; every job becomes one cloudlet per
 * processor, submitted with a delay equal to its submit time and as long as its trace run time
 * at the host's MIPS. CloudSim Plus has no batch queue: the broker maps cloudlets to VMs round
 * robin when they are submitted, and a cloudlet whose VM is busy waits in that VM's scheduler.
 *
 * <p>Prints one JSON line on stdout ({@link ReplayFigures#toJson()}); its log goes to stderr,
 * warnings only.
 */
public final class CloudSimReplay {
  /** The logback configuration that keeps stdout for the figures. */
  static final String LOG_CONFIG = "kelvin-bench-cloudsim-logback.xml";
  /** Million instructions per second of a PE: a cloudlet's length is its run time times it. */
  static final long MIPS = 1_000;
  private static final long HOST_RAM_MB = 2_048;
  private static final long HOST_BW_MBPS = 10_000;
  private static final long HOST_STORAGE_MB = 100_000;
  private static final long VM_RAM_MB = 1_024;
  private static final long VM_BW_MBPS = 1_000;
  private static final long VM_SIZE_MB = 10_000;
  private static final double JOULES_PER_KWH = 3.6e6;
  private static final int EXIT_USAGE = 2;
  private static final int EXIT_FAILED = 1;

  private final ReplayOptions options;

  public CloudSimReplay(ReplayOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    System.setProperty("logback.configurationFile", LOG_CONFIG);
    ReplayOptions options;
    try {
      options = ReplayOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("cloudsim replay: " + e.getMessage());
      System.exit(EXIT_USAGE);
      return;
    }
    try {
      System.out.println(new CloudSimReplay(options).run().toJson());
    } catch (RuntimeException e) {
      System.err.println("cloudsim replay failed: " + e);
      e.printStackTrace();
      System.exit(EXIT_FAILED);
    }
  }

  /** Reads the trace, runs the simulation to its end and returns what it measured. */
  public ReplayFigures run() {
    long startNanos = System.nanoTime();
    List<SwfJob> jobs = jobs();
    CloudSimPlus simulation = new CloudSimPlus();
    List<Host> hosts = hosts();
    DatacenterSimple datacenter = new DatacenterSimple(simulation, hosts);
    PowerSampler sampler = null;
    if (options.sampleEveryS() > 0) {
      datacenter.setSchedulingInterval(options.sampleEveryS());
      sampler = new PowerSampler(simulation, hosts, options.sampleEveryS());
      simulation.addOnClockTickListener(sampler);
    }
    DatacenterBroker broker = new DatacenterBrokerSimple(simulation);
    broker.submitVmList(vms());
    List<Cloudlet> cloudlets = new ArrayList<>();
    long skipped = cloudlets(jobs, cloudlets);
    broker.submitCloudletList(cloudlets);
    simulation.start();

    double makespanS = cloudlets.stream().mapToDouble(Cloudlet::getFinishTime).max().orElse(0);
    double energyKwh = energyKwh(sampler, cloudlets, makespanS);
    long finished = cloudlets.stream().filter(Cloudlet::isFinished).count();
    double wallS = (System.nanoTime() - startNanos) / 1e9;
    return new ReplayFigures(wallS, processCpuS(), peakResidentMib(), cloudlets.size(),
        finished, energyKwh, makespanS, skipped);
  }

  /** From the samples when there are any, else from the busy and idle seconds. */
  private double energyKwh(PowerSampler sampler, List<Cloudlet> cloudlets, double makespanS) {
    if (sampler == null) {
      return exactEnergyKwh(cloudlets, makespanS);
    }
    sampler.sampleBefore(makespanS);
    return sampler.energyKwh();
  }

  private List<SwfJob> jobs() {
    List<SwfJob> all = SwfReader.read(options.trace()).jobs();
    return options.jobsLimit() == 0 ? all
        : all.subList(0, Math.min(options.jobsLimit(), all.size()));
  }

  private List<Host> hosts() {
    List<Host> hosts = new ArrayList<>(options.hosts());
    for (int i = 0; i < options.hosts(); i++) {
      Host host = new HostSimple(HOST_RAM_MB, HOST_BW_MBPS, HOST_STORAGE_MB,
          List.of(new PeSimple(MIPS)));
      host.setPowerModel(powerModel());
      hosts.add(host);
    }
    return hosts;
  }

  /**
   * The curve's 0 % and 100 % points as CloudSim Plus's linear model. A one-PE host is either
   * idle or fully busy, so these two points are the whole curve for it. (8.5.7's
   * PowerModelHostSpec cannot serve: it indexes the curve with round(utilisation x points),
   * one decile high, and throws at 100 %.)
   */
  private PowerModelHostSimple powerModel() {
    double[] watts = options.wattsCurve();
    return new PowerModelHostSimple(watts[watts.length - 1], watts[0]);
  }

  private List<Vm> vms() {
    List<Vm> vms = new ArrayList<>(options.hosts());
    for (int i = 0; i < options.hosts(); i++) {
      vms.add(new VmSimple(MIPS, 1, new CloudletSchedulerSpaceShared())
          .setRam(VM_RAM_MB).setBw(VM_BW_MBPS).setSize(VM_SIZE_MB));
    }
    return vms;
  }

  /** Adds one cloudlet per processor of every job; returns the jobs it had to leave out. */
  private static long cloudlets(List<SwfJob> jobs, List<Cloudlet> into) {
    UtilizationModel full = new UtilizationModelFull();
    long skipped = 0;
    for (SwfJob job : jobs) {
      OptionalLong runS = job.knownRunSeconds();
      OptionalLong processors = job.processors();
      if (runS.isEmpty() || processors.isEmpty() || processors.getAsLong() < 1) {
        skipped++;
        continue;
      }
      long lengthMi = Math.max(1, runS.getAsLong() * MIPS);
      for (long p = 0; p < processors.getAsLong(); p++) {
        Cloudlet cloudlet = new CloudletSimple(lengthMi, 1)
            .setUtilizationModelCpu(full)
            .setUtilizationModelRam(UtilizationModel.NULL)
            .setUtilizationModelBw(UtilizationModel.NULL);
        cloudlet.setSubmissionDelay(job.submitSeconds());
        into.add(cloudlet);
      }
    }
    return skipped;
  }

  /**
   * Without samples: a one-PE host is either busy (100 % CPU) or idle, so the energy is the
   * busy PE-seconds (the instructions run over the PE's MIPS) at the curve's 100 % point plus
   * the idle host-seconds at its 0 % point.
   */
  private double exactEnergyKwh(List<Cloudlet> cloudlets, double makespanS) {
    PowerModelHostSimple curve = powerModel();
    double busyS = cloudlets.stream()
        .mapToDouble(c -> c.getFinishedLengthSoFar() / (double) MIPS).sum();
    double idleS = options.hosts() * makespanS - busyS;
    return (busyS * curve.getPower(1) + idleS * curve.getPower(0)) / JOULES_PER_KWH;
  }

  private static double processCpuS() {
    return ProcessHandle.current().info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e9)
        .orElse(-1.0);
  }

  /** {@code VmHWM} of {@code /proc/self/status} in MiB: resident memory, not Java heap. */
  static long peakResidentMib() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)
          .stream()
          .filter(line -> line.startsWith("VmHWM:"))
          .map(line -> line.substring("VmHWM:".length()).replace("kB", "").strip())
          .mapToLong(kib -> Long.parseLong(kib) / 1024)
          .findFirst()
          .orElse(-1);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
