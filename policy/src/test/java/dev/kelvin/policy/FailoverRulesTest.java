package dev.kelvin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The disaster-recovery rules: a site fails over only on two independent signals, to the
 * healthy site whose budget covers its load; one signal alone only warns.
 */
class FailoverRulesTest {
  private static final RuleParameters DEFAULTS = RuleParameters.defaults();

  /**
   * site-a runs 800 W of jobs on two nodes; site-b (budget 5 kW, 600 W drawn) can take it,
   * site-c (budget 1.2 kW, 600 W drawn) cannot.
   */
  private static World twoSitesAndATightOne(Duration siteASilence) {
    World world = new World().site("site-a", 10_000).site("site-b", 5_000)
        .site("site-c", 1_200);
    for (String name : List.of("n01", "n02")) {
      if (siteASilence.isZero()) {
        world.node("site-a", name, 400);
      } else {
        world.silentNode("site-a", name, 400, siteASilence);
      }
      world.node("site-b", name, 300).node("site-c", name, 300);
    }
    return world.running("j1", "site-a", "n01").running("j2", "site-a", "n02");
  }

  private static List<Action> decide(World world) {
    return World.decide(DEFAULTS, world, List.of());
  }

  @Test
  void fails_a_site_over_when_a_cooling_failure_and_a_lost_site_lease_confirm_each_other() {
    World world = twoSitesAndATightOne(Duration.ofMinutes(2))
        .alarm("site-a", FacilityKind.ALARM_COOLING_FAILURE, "crac-1", 120);

    List<Action> actions = decide(world);

    assertThat(actions).singleElement().isInstanceOfSatisfying(FailoverSite.class, failover -> {
      assertThat(failover.from()).isEqualTo(SiteId.of("site-a"));
      assertThat(failover.to()).isEqualTo(SiteId.of("site-b"));
      assertThat(failover.rule()).isEqualTo("failover-site");
      assertThat(failover.reason()).contains("ALARM_COOLING_FAILURE from crac-1", "lease lost",
          "800 W", "site-b", "4400 W");
    });
  }

  @Test
  void only_warns_on_a_cooling_failure_while_the_site_is_still_heard() {
    World world = twoSitesAndATightOne(Duration.ZERO)
        .alarm("site-a", FacilityKind.ALARM_COOLING_FAILURE, "crac-1", 120);

    List<Action> actions = decide(world);

    assertThat(actions).singleElement().isInstanceOfSatisfying(Notify.class, notice -> {
      assertThat(notice.severity()).isEqualTo(Notify.Severity.WARNING);
      assertThat(notice.rule()).isEqualTo("failover-unconfirmed");
      assertThat(notice.subject()).isEqualTo("site-a");
      assertThat(notice.message()).contains("one signal only");
    });
  }

  @Test
  void does_nothing_when_a_site_is_silent_without_any_alarm() {
    assertThat(decide(twoSitesAndATightOne(Duration.ofMinutes(10)))).isEmpty();
  }

  @Test
  void waits_for_the_lease_to_be_lost_for_the_whole_lease_lost_after_time() {
    World justUnder = twoSitesAndATightOne(Duration.ofSeconds(59))
        .alarm("site-a", FacilityKind.ALARM_COOLING_FAILURE, "crac-1", 120);
    World atLimit = twoSitesAndATightOne(Duration.ofSeconds(60))
        .alarm("site-a", FacilityKind.ALARM_COOLING_FAILURE, "crac-1", 120);

    assertThat(decide(justUnder)).extracting(Action::type).containsExactly(ActionType.NOTIFY);
    assertThat(decide(atLimit)).extracting(Action::type)
        .containsExactly(ActionType.FAILOVER_SITE);
  }

  @Test
  void fails_over_on_two_alarms_of_different_kinds_from_different_sensors() {
    World world = twoSitesAndATightOne(Duration.ZERO)
        .alarm("site-a", FacilityKind.UTILITY_POWER_LOSS, "pdu-1", 30)
        .alarm("site-a", FacilityKind.UPS_ON_BATTERY, "ups-1", 30);

    assertThat(decide(world)).extracting(Action::type)
        .containsExactly(ActionType.FAILOVER_SITE);
  }

  @Test
  void only_warns_on_two_alarms_from_one_sensor_or_of_one_kind() {
    World oneSensor = twoSitesAndATightOne(Duration.ZERO)
        .alarm("site-a", FacilityKind.ALARM_FIRE, "panel", 30)
        .alarm("site-a", FacilityKind.ALARM_FLOOD, "panel", 30);
    World oneKind = twoSitesAndATightOne(Duration.ZERO)
        .alarm("site-a", FacilityKind.ALARM_FIRE, "smoke-1", 30)
        .alarm("site-a", FacilityKind.ALARM_FIRE, "smoke-2", 30);

    assertThat(decide(oneSensor)).extracting(Action::type).containsExactly(ActionType.NOTIFY);
    assertThat(decide(oneKind)).extracting(Action::type).containsExactly(ActionType.NOTIFY);
  }

  @Test
  void ignores_alarms_that_do_not_endanger_the_site() {
    World world = twoSitesAndATightOne(Duration.ofMinutes(2))
        .alarm("site-a", FacilityKind.ALARM_WATER_LEAK, "leak-1", 120);

    assertThat(decide(world)).isEmpty();
  }

  @Test
  void skips_sites_with_an_alarm_or_a_lost_lease_and_takes_the_most_headroom() {
    World world = new World().site("site-a", 10_000).site("site-b", 5_000)
        .site("site-c", 9_000).site("site-d", 9_000).site("site-e", 2_000)
        .silentNode("site-a", "n01", 400, Duration.ofMinutes(2))
        .node("site-b", "n01", 300).node("site-c", "n01", 300)
        .silentNode("site-d", "n01", 300, Duration.ofMinutes(2)).node("site-e", "n01", 300)
        .running("j1", "site-a", "n01")
        .alarm("site-a", FacilityKind.ALARM_FIRE, "smoke-1", 60)
        .alarm("site-c", FacilityKind.ALARM_WATER_LEAK, "leak-1", 60);

    List<Action> actions = decide(world);

    assertThat(actions).filteredOn(FailoverSite.class::isInstance).singleElement()
        .extracting(action -> ((FailoverSite) action).to()).isEqualTo(SiteId.of("site-b"));
  }

  @Test
  void breaks_a_tie_in_headroom_by_the_lower_site_id() {
    World world = new World().site("site-a", 10_000).site("site-c", 5_000)
        .site("site-b", 5_000).silentNode("site-a", "n01", 400, Duration.ofMinutes(2))
        .node("site-b", "n01", 300).node("site-c", "n01", 300)
        .running("j1", "site-a", "n01")
        .alarm("site-a", FacilityKind.ALARM_FLOOD, "water-1", 60);

    assertThat(decide(world)).singleElement().isInstanceOfSatisfying(FailoverSite.class,
        failover -> assertThat(failover.to()).isEqualTo(SiteId.of("site-b")));
  }

  @Test
  void does_not_fail_over_again_a_site_whose_work_has_moved() {
    World world = new World().site("site-a", 10_000).site("site-b", 5_000)
        .silentNode("site-a", "n01", 400, Duration.ofMinutes(2)).node("site-b", "n01", 300)
        .alarm("site-a", FacilityKind.ALARM_FLOOD, "water-1", 60);

    assertThat(decide(world)).extracting(Action::type)
        .doesNotContain(ActionType.FAILOVER_SITE);
  }

  @Test
  void sends_a_critical_notice_when_no_healthy_site_has_the_headroom() {
    assertThat(decide(lossWithTargetBudget(699))).singleElement()
        .isInstanceOfSatisfying(Notify.class, notice -> {
          assertThat(notice.severity()).isEqualTo(Notify.Severity.CRITICAL);
          assertThat(notice.rule()).isEqualTo("failover-site");
          assertThat(notice.message()).contains("no healthy site", "400 W");
        });
  }

  @Test
  void fails_over_to_a_site_whose_headroom_just_covers_the_load() {
    assertThat(decide(lossWithTargetBudget(700))).extracting(Action::type)
        .containsExactly(ActionType.FAILOVER_SITE);
  }

  /** site-a silent with a fire and 400 W of jobs; site-b draws 300 W of {@code budgetWatts}. */
  private static World lossWithTargetBudget(double budgetWatts) {
    return new World().site("site-a", 10_000).site("site-b", budgetWatts)
        .silentNode("site-a", "n01", 400, Duration.ofMinutes(2)).node("site-b", "n01", 300)
        .running("j1", "site-a", "n01")
        .alarm("site-a", FacilityKind.ALARM_FIRE, "smoke-1", 60);
  }

  @Test
  void does_not_read_suspended_nodes_silence_as_a_lost_lease() {
    World world = twoSitesAndATightOne(Duration.ZERO)
        .silentNode("site-a", "n01", 20, Duration.ofHours(1))
        .silentNode("site-a", "n02", 20, Duration.ofHours(1))
        .state("site-a", "n01", NodeAvailability.State.SUSPENDED, Duration.ofHours(1))
        .state("site-a", "n02", NodeAvailability.State.SUSPENDED, Duration.ofHours(1))
        .alarm("site-a", FacilityKind.ALARM_COOLING_FAILURE, "crac-1", 120);

    // the idle rules wake the two to restore the spare pool; no failover
    assertThat(decide(world)).extracting(Action::type)
        .containsExactlyInAnyOrder(ActionType.NOTIFY, ActionType.WAKE_NODE, ActionType.WAKE_NODE);
  }
}
