package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.scenario.*;
import dev.kelvin.simulator.trace.*;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchPerfTest {
  @Test
  void kth() {
    long t0 = System.nanoTime();
    SwfTrace trace = SwfReader.read(Path.of("../../shared/data/swf-kth-sp2-1996/KTH-SP2-1996-2.1-cln.swf.gz"));
    List<TraceJob> jobs = new ArrayList<>();
    for (SwfJob j : trace.jobs()) {
      if (j.runSeconds() < 0 || j.processors().isEmpty()) continue;
      long req = j.requestedSeconds() > 0 ? j.requestedSeconds() : Math.max(1, j.runSeconds());
      jobs.add(new TraceJob(j.jobNumber(), j.submitSeconds(), (int) j.processors().getAsLong(), j.runSeconds(), req, 1, 0));
    }
    jobs.sort(Comparator.comparingLong(TraceJob::submitS));
    long t1 = System.nanoTime();
    int nodes = Integer.getInteger("nodes", 1000);
    String sample = System.getProperty("sample", "");
    Scenario sc = EngineFixtures.scenario(nodes, 20, sample.isEmpty() ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(sample))));
    SimulationSetup setup = EngineFixtures.setup(sc, jobs, 0, Optional.empty());
    var r = new SimulationEngine(setup).run(Progress.NONE);
    long t2 = System.nanoTime();
    System.out.printf("read %.2f s, run %.2f s, jobs %d, events %d, energy %.1f kWh, util %.3f, wait %.0f%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, jobs.size(), r.summary().events(), r.summary().energyKwh(), r.summary().utilisation(), r.summary().meanWaitS());
  }
}
