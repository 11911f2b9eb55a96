package dev.kelvin.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kelvin.simulator.engine.Progress;
import dev.kelvin.simulator.engine.SimulationEngine;
import dev.kelvin.simulator.report.RunSummary;
import dev.kelvin.simulator.trace.SwfReader;
import dev.kelvin.simulator.trace.TraceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KTH SP2 validation scenarios ({@code scenarios/validation/kth-sp2-*.yaml}: the whole
 * trace on its own 100 nodes, no control, no failures) replayed through the plan and engine
 * {@code kelvin simulate} uses, against what the trace itself recorded. Skipped when the
 * reference data ({@code kelvin.data.dir}) is absent.
 *
 * <p>Why these bands: the replay runs the same jobs for the same run times on a machine of the
 * same size, so the work and the span must match the trace's almost exactly; the utilisations
 * differ by 2 % only because the simulator counts from the trace's second 0 and the first
 * submission comes 6.9 days later (the cleaned log dropped jobs 1 to 14). KTH ran EASY
 * backfilling on the same requested times; what the simulator leaves out (down time, dedicated
 * time, priorities, queue limits, jobs removed when the log was cleaned) only ever kept jobs
 * waiting on the real machine, so simulated EASY waits may be shorter than recorded, but not by
 * an order of magnitude (at least a quarter of the recorded mean), and not notably longer (at
 * most a quarter more). Plain FCFS, which KTH did not run, must wait far longer than the EASY
 * machine recorded.
 */
class KthValidationTest {
  private static final String TRACE = "swf-kth-sp2-1996/KTH-SP2-1996-2.1-cln.swf.gz";
  private static final Path SCENARIOS = Path.of("..", "scenarios", "validation");
  private static final int NODES = 100;
  private static final double DAY_S = 86_400;

  private static Path dataDir;
  private static TraceRecord recorded;

  @BeforeAll
  static void read_what_the_trace_recorded() {
    dataDir = Path.of(System.getProperty(DataFolder.PROPERTY, DataFolder.DEFAULT));
    Path trace = dataDir.resolve(TRACE);
    assumeTrue(Files.isRegularFile(trace), "reference data not present: " + trace);
    recorded = TraceRecord.of(SwfReader.read(trace), NODES);
  }

  /** The shipped scenario, its trace taken from the reference data folder wherever that is. */
  private static RunSummary replay(String scenarioName, Path temp) throws IOException {
    String text = Files.readString(SCENARIOS.resolve(scenarioName))
        .replace("../../../shared/data/", dataDir.toAbsolutePath().normalize() + "/");
    Path file = Files.writeString(temp.resolve(scenarioName), text);
    SimulationPlan plan = SimulationPlan.of(ScenarioFiles.read(file), dataDir);
    return new SimulationEngine(plan.setup()).run(Progress.NONE).summary();
  }

  @Test
  void easy_replay_does_the_recorded_work_over_the_recorded_span(@TempDir Path temp)
      throws IOException {
    RunSummary easy = replay("kth-sp2-easy.yaml", temp);

    assertThat(easy.jobsCompleted()).isEqualTo(recorded.jobs());
    double busyNodeS = easy.utilisation() * NODES * easy.makespanS();
    assertThat(busyNodeS).isCloseTo(recorded.processorSeconds(),
        within(recorded.processorSeconds() * 1e-3));
    assertThat(easy.makespanS()).isCloseTo(recorded.lastEndS(), within(DAY_S));
    assertThat(easy.utilisation()).isCloseTo(recorded.utilisation(),
        within(recorded.utilisation() * 0.03));
  }

  @Test
  void easy_replay_waits_of_the_same_order_as_the_machine_that_ran_easy(@TempDir Path temp)
      throws IOException {
    RunSummary easy = replay("kth-sp2-easy.yaml", temp);

    double recordedWaitS = recorded.meanWaitS().orElseThrow();
    assertThat(easy.meanWaitS()).isBetween(recordedWaitS / 4, recordedWaitS * 1.25);
    double recordedSlowdown = recorded.meanBoundedSlowdown().orElseThrow();
    assertThat(easy.meanBoundedSlowdown())
        .isBetween(recordedSlowdown / 4, recordedSlowdown * 1.25);
  }

  @Test
  void plain_fcfs_replay_waits_far_longer_than_the_machine_that_ran_easy(@TempDir Path temp)
      throws IOException {
    RunSummary fcfs = replay("kth-sp2-fcfs.yaml", temp);

    assertThat(fcfs.jobsCompleted()).isEqualTo(recorded.jobs());
    assertThat(fcfs.meanWaitS()).isGreaterThan(5 * recorded.meanWaitS().orElseThrow());
  }
}
