package dev.kelvin.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The site side of the live state: facility readings, alarms, jobs and budgets. */
class SiteStateTest {
  private static final Instant T0 = MutableClock.START;
  private static final SiteId SITE_A = SiteId.of("site-a");
  private static final SiteId SITE_B = SiteId.of("site-b");
  private static final SensorId PANEL = new SensorId("fire-panel-1");
  private static final SensorId CRAC = new SensorId("crac-2");

  private final ClusterState state = new ClusterState(StateSettings.defaults());

  @Test
  void a_snapshot_lists_each_site_with_the_racks_its_nodes_report() {
    state.admit(Readings.reading().node("n01").rack("r1").build(), T0);
    state.admit(Readings.reading().node("n02").rack("r2").build(), T0);

    SiteView site = state.snapshot(T0).site(SITE_A).orElseThrow();

    assertThat(site.racks()).containsExactly(RackId.of("r1"), RackId.of("r2"));
  }

  @Test
  void keeps_the_latest_reading_of_each_facility_sensor_and_kind() {
    state.admit(crac(T0, 18.0), T0);
    state.admit(crac(T0.plusSeconds(5), 19.5), T0.plusSeconds(5));

    assertThat(state.admit(crac(T0.plusSeconds(1), 30), T0.plusSeconds(6)))
        .isEqualTo(Admission.LATE);
    assertThat(state.snapshot(T0.plusSeconds(6)).site(SITE_A).orElseThrow()
        .facility(FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS))
        .singleElement().extracting(FacilityReading::value).isEqualTo(19.5);
  }

  @Test
  void refuses_facility_readings_from_the_future_and_duplicates() {
    assertThat(state.admit(crac(T0.plusSeconds(60), 18), T0)).isEqualTo(Admission.CLOCK_SKEW);
    state.admit(crac(T0, 18), T0);
    assertThat(state.admit(crac(T0, 18), T0.plusSeconds(1))).isEqualTo(Admission.DUPLICATE);
  }

  @Test
  void an_alarm_stays_open_from_when_it_was_first_raised_until_it_is_cleared() {
    state.admit(fire(T0, 1), T0);
    state.admit(fire(T0.plusSeconds(10), 1), T0.plusSeconds(10));

    List<Alarm> open = state.snapshot(T0.plusSeconds(10)).site(SITE_A).orElseThrow()
        .openAlarms();
    assertThat(open).singleElement().satisfies(alarm -> {
      assertThat(alarm.raisedAt()).isEqualTo(T0);
      assertThat(alarm.lastSeen()).isEqualTo(T0.plusSeconds(10));
      assertThat(alarm.kind()).isEqualTo(FacilityKind.ALARM_FIRE);
    });

    state.admit(fire(T0.plusSeconds(20), 0), T0.plusSeconds(20));
    assertThat(state.snapshot(T0.plusSeconds(20)).site(SITE_A).orElseThrow().openAlarms())
        .isEmpty();
  }

  @Test
  void an_alarm_from_a_sensor_that_fell_silent_stays_open() {
    state.admit(fire(T0, 1), T0);
    assertThat(state.snapshot(T0.plus(Duration.ofHours(1))).site(SITE_A).orElseThrow()
        .openAlarms()).hasSize(1);
  }

  @Test
  void jobs_of_a_site_are_replaced_whole_by_each_report() {
    state.replaceJobs(SITE_A, List.of(running("101", "n01"), pending("102")));
    state.replaceJobs(SITE_A, List.of(running("103", "n02")));

    ClusterSnapshot snapshot = state.snapshot(T0);
    assertThat(snapshot.jobs().keySet()).containsExactly(new JobId("103"));
    assertThat(snapshot.jobsOn(NodeId.of("site-a", "n02"))).extracting(Job::id)
        .containsExactly(new JobId("103"));
    assertThat(snapshot.site(SITE_A)).isPresent();
  }

  @Test
  void refuses_a_job_reported_under_another_site() {
    assertThatThrownBy(() -> state.replaceJobs(SITE_B, List.of(running("7", "n01"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("site-b");
  }

  @Test
  void node_availability_of_a_site_is_replaced_whole_by_each_report() {
    NodeId n01 = NodeId.of("site-a", "n01");
    NodeId n02 = NodeId.of("site-a", "n02");
    state.replaceAvailability(SITE_A, List.of(
        NodeAvailability.of(n01, NodeAvailability.State.IDLE, T0),
        NodeAvailability.of(n02, NodeAvailability.State.BUSY, T0)));
    state.replaceAvailability(SITE_A, List.of(
        NodeAvailability.of(n02, NodeAvailability.State.SUSPENDED, T0.plusSeconds(60))));

    ClusterSnapshot snapshot = state.snapshot(T0.plusSeconds(90));
    assertThat(snapshot.availability().keySet()).containsExactly(n02);
    assertThat(snapshot.availability(n02)).map(NodeAvailability::state)
        .contains(NodeAvailability.State.SUSPENDED);
    assertThat(snapshot.availability(n01)).isEmpty();
  }

  @Test
  void refuses_the_availability_of_a_node_reported_under_another_site() {
    NodeAvailability n01 = NodeAvailability.of(NodeId.of("site-a", "n01"),
        NodeAvailability.State.IDLE, T0);

    assertThatThrownBy(() -> state.replaceAvailability(SITE_B, List.of(n01)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("site-b")
        .hasMessageContaining("site-a/n01");
  }

  @Test
  void budgets_appear_on_their_site_and_name_their_racks() {
    state.replaceBudgets(List.of(PowerBudget.ofSite(SITE_B, 400_000),
        PowerBudget.ofRack(SITE_B, RackId.of("r9"), 30_000)));

    SiteView site = state.snapshot(T0).site(SITE_B).orElseThrow();
    assertThat(site.siteBudget()).map(PowerBudget::limitWatts).contains(400_000.0);
    assertThat(site.rackBudget(RackId.of("r9"))).map(PowerBudget::limitWatts)
        .contains(30_000.0);
    assertThat(site.racks()).contains(RackId.of("r9"));
  }

  private static FacilityReading crac(Instant at, double celsius) {
    return new FacilityReading(CRAC, SITE_A, at, FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS, celsius);
  }

  private static FacilityReading fire(Instant at, double raised) {
    return new FacilityReading(PANEL, SITE_A, at, FacilityKind.ALARM_FIRE, raised);
  }

  private static Job running(String id, String node) {
    return new Job(new JobId(id), SITE_A, Job.State.RUNNING, List.of(NodeId.of("site-a", node)),
        1, T0.minusSeconds(600), Optional.of(T0.minusSeconds(300)), Duration.ofHours(2), 10,
        false, Optional.empty());
  }

  private static Job pending(String id) {
    return new Job(new JobId(id), SITE_A, Job.State.PENDING, List.of(), 4, T0.minusSeconds(60),
        Optional.empty(), Duration.ofHours(1), 5, true, Optional.empty());
  }
}
