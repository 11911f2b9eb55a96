package dev.kelvin.simulator.engine;

import static dev.kelvin.simulator.engine.EngineFixtures.event;
import static dev.kelvin.simulator.engine.EngineFixtures.job;
import static dev.kelvin.simulator.engine.EngineFixtures.scenario;
import static dev.kelvin.simulator.engine.EngineFixtures.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.simulator.report.JobOutcome;
import dev.kelvin.simulator.report.Mark;
import dev.kelvin.simulator.report.SimulationResult;
import dev.kelvin.simulator.scenario.ScenarioEvent.Kind;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SiteEventsTest {
  private static final double J_PER_KWH = 3.6e6;

  private static ScenarioSite site(String name, int nodes) {
    return new ScenarioSite(name, nodes, OptionalDouble.empty(), 300, 0.15, 20);
  }

  private static SimulationResult run(SimulationSetup setup) {
    return new SimulationEngine(setup).run(Progress.NONE);
  }

  @Test
  void a_grid_loss_the_ups_covers_changes_nothing_but_raises_the_alarm() {
    SimulationResult result = run(setup(scenario(List.of(site("a", 1)), Optional.empty(),
        List.of(event(Kind.UTILITY_POWER_LOSS, "a", 1800, 300))),
        List.of(job(1, 0, 1, 7200)), 0, Optional.empty()));

    assertThat(result.jobs().get(0).endS()).isCloseTo(7200, within(1e-6));
    assertThat(result.summary().itEnergyKwh()).isCloseTo(7200 * 200 / J_PER_KWH, within(1e-9));
    assertThat(result.marks()).extracting(Mark::label).containsExactly("a utility_power_loss");
  }

  @Test
  void a_grid_loss_longer_than_the_ups_darkens_the_site_and_its_job_starts_over_after_boot() {
    // loss at 1800 s for 1 h, UPS 10 min: dark from 2400 to 5400, booting 120 s at 150 W
    SimulationResult result = run(setup(scenario(List.of(site("a", 1)), Optional.empty(),
        List.of(event(Kind.UTILITY_POWER_LOSS, "a", 1800, 3600))),
        List.of(job(1, 0, 1, 7200)), 0, Optional.empty()));

    JobOutcome outcome = result.jobs().get(0);
    assertThat(outcome.startS()).isCloseTo(5520, within(1e-6));
    assertThat(outcome.endS()).isCloseTo(5520 + 7200, within(1e-6));
    double expectedJ = 2400 * 200 + 120 * 150 + 7200 * 200;
    assertThat(result.summary().itEnergyKwh()).isCloseTo(expectedJ / J_PER_KWH, within(1e-9));
    assertThat(result.summary().nodeHoursLost()).isCloseTo(2400 / 3600.0, within(1e-9));
    assertThat(result.marks()).extracting(Mark::label).containsExactly(
        "a utility_power_loss", "a dark", "a power back, nodes booting");
  }

  @Test
  void a_cooling_failure_stops_the_plant_drawing_and_warms_the_air() {
    // 10 idle nodes for an hour, the plant down for the first half: COP 4 at 20 °C
    List<ClusterSnapshot> seen = new ArrayList<>();
    SimulationResult result = run(setup(scenario(List.of(site("a", 10)), Optional.empty(),
        List.of(event(Kind.COOLING_FAILURE, "a", 0, 1800))), List.of(), 3600,
        Optional.of(EngineFixtures.watch(seen))));

    assertThat(result.summary().itEnergyKwh()).isCloseTo(1.0, within(1e-12));
    assertThat(result.summary().coolingEnergyKwh()).isCloseTo(0.5 / 4, within(1e-12));
    ClusterSnapshot during = seen.get(0);
    assertThat(during.site(SiteId.of("a")).orElseThrow()
        .facility(FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS).get(0).value()).isEqualTo(22 + 15);
    assertThat(during.site(SiteId.of("a")).orElseThrow().openAlarms())
        .extracting(alarm -> alarm.kind()).containsExactly(FacilityKind.ALARM_COOLING_FAILURE);
    assertThat(seen.get(seen.size() - 1).site(SiteId.of("a")).orElseThrow().openAlarms())
        .isEmpty();
  }

  @Test
  void a_site_cut_off_shows_its_nodes_stale_and_does_not_answer_commands() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    SimulationSetup setup = setup(scenario(List.of(site("a", 1)), Optional.empty(),
        List.of(event(Kind.NETWORK_PARTITION, "a", 0, 600))), List.of(job(1, 0, 1, 1200)), 0,
        Optional.of(EngineFixtures.watchAndAct(seen, 100,
            meta -> new SetCpuFrequencyCap(meta, NodeId.of("a", "n0001"), 1500))));

    SimulationResult result = run(setup);

    assertThat(seen.get(0).node(NodeId.of("a", "n0001")).orElseThrow().stale()).isTrue();
    assertThat(seen.get(seen.size() - 1).node(NodeId.of("a", "n0001")).orElseThrow().stale())
        .isFalse();
    assertThat(result.summary().actions()).isEmpty();
    assertThat(result.jobs().get(0).endS()).isCloseTo(1200, within(1e-6));
  }

  @Test
  void a_failover_moves_the_sites_jobs_and_sends_new_ones_elsewhere() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    SimulationResult result = run(setup(scenario(List.of(site("a", 2), site("b", 2)),
        Optional.empty(), List.of()), List.of(job(1, 0, 2, 7200), job(2, 100, 2, 7200),
            job(3, 200, 2, 7200), job(4, 4000, 1, 100)), 0,
        Optional.of(EngineFixtures.watchAndAct(seen, 1000, meta -> new FailoverSite(meta,
            SiteId.of("a"), SiteId.of("b"))))));

    assertThat(result.summary().actions()).containsEntry("failover_site", 1L);
    assertThat(result.summary().jobsCompleted()).isEqualTo(4);
    assertThat(seen.stream().filter(snapshot -> snapshot.at().isBefore(
        EngineFixtures.START.plusSeconds(1000))).flatMap(s -> s.jobs().values().stream())
        .map(Job::site)).contains(SiteId.of("a"));
    assertThat(seen.stream().filter(snapshot -> snapshot.at().isAfter(
        EngineFixtures.START.plusSeconds(1000))).flatMap(s -> s.jobs().values().stream())
        .map(Job::site)).isNotEmpty().containsOnly(SiteId.of("b"));
  }

  @Test
  void carbon_and_cost_follow_the_daily_profile_hour_by_hour() {
    List<Double> carbon = new ArrayList<>(Collections.nCopies(24, 0.0));
    carbon.set(0, 100.0);
    carbon.set(1, 200.0);
    ScenarioSite profiled = new ScenarioSite("a", 1, OptionalDouble.empty(), 300, 0.15, 20,
        Duration.ofMinutes(10), carbon, List.of());

    SimulationResult result = run(setup(scenario(List.of(profiled), Optional.empty(),
        List.of()), List.of(), 7200, Optional.empty()));

    // one idle node: 100 W IT, facility 100 * (1 + 1/4 + 0.08) = 133 W
    assertThat(result.summary().carbonKg()).isCloseTo((0.133 * 100 + 0.133 * 200) / 1000,
        within(1e-9));
    assertThat(result.summary().cost()).isCloseTo(0.266 * 0.15, within(1e-9));
  }
}
