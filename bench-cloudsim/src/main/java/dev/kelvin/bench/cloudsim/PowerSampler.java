package dev.kelvin.bench.cloudsim;

import java.util.List;
import org.cloudsimplus.core.Simulation;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.listeners.EventInfo;
import org.cloudsimplus.listeners.EventListener;

/**
 * Samples every host's power at 0, {@code intervalS}, 2 x {@code intervalS}, ... simulated
 * seconds and adds up the energy, each sample standing for the interval that follows it, as a
 * site's power series would.
 *
 * <p>CloudSim Plus 8 tells its clock-tick listeners about a time once the clock has moved past
 * it, when every event of that time has been handled: the hosts then hold the state they keep
 * until the clock's new time. So each tick takes every sample due before the new time from
 * the hosts' present state (one read serves them all: nothing changes in between).
 */
final class PowerSampler implements EventListener<EventInfo> {
  private static final double JOULES_PER_KWH = 3.6e6;

  private final Simulation simulation;
  private final List<? extends Host> hosts;
  private final double intervalS;
  private double nextSampleS;
  private double energyJoules;

  PowerSampler(Simulation simulation, List<? extends Host> hosts, double intervalS) {
    this.simulation = simulation;
    this.hosts = hosts;
    this.intervalS = intervalS;
  }

  @Override
  public void update(EventInfo tick) {
    sampleBefore(simulation.clock());
  }

  /** Takes the samples due before {@code timeS} from the hosts' present state. */
  void sampleBefore(double timeS) {
    if (nextSampleS >= timeS) {
      return;
    }
    long due = (long) Math.ceil((timeS - nextSampleS) / intervalS);
    energyJoules += siteWatts() * intervalS * due;
    nextSampleS += due * intervalS;
  }

  double energyKwh() {
    return energyJoules / JOULES_PER_KWH;
  }

  private double siteWatts() {
    double watts = 0;
    for (Host host : hosts) {
      watts += host.getPowerModel().getPower();
    }
    return watts;
  }
}
