package dev.kelvin.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.policy.CarbonSettings;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.policy.RulePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped carbon hold rule after a day of a solar grid ({@link GridOutlookTest#solarCarbon}:
 * clean from 09:00 to 15:00), in virtual time: a deferrable job is held only where a clean time
 * is expected before its latest start, and only until it begins.
 */
class CarbonHoldOutlookTest {
  private static final Instant DAY_TWO = GridOutlookTest.MIDNIGHT.plus(Duration.ofDays(1));
  private RulePolicy policy;

  @BeforeEach
  void run_through_a_day_of_grid_readings() {
    CarbonSettings carbon = new CarbonSettings(400, 0.30, 0.10, 100, Duration.ofSeconds(30),
        Duration.ofMinutes(2), Duration.ofHours(12));
    policy = RulePolicy.load(RuleParameters.defaults().with(carbon),
        new ActionIds(GridOutlookTest.MIDNIGHT));
    for (Instant at = GridOutlookTest.MIDNIGHT; at.isBefore(DAY_TWO.plus(Duration.ofHours(20)));
        at = at.plus(Duration.ofMinutes(10))) {
      assertThat(decide(at, Optional.empty())).isEmpty();
    }
  }

  private List<Action> decide(Instant at, Optional<Job> job) {
    ClusterSnapshot grid = GridOutlookTest.grid(at, GridOutlookTest.solarCarbon(at), 0.1);
    TreeMap<JobId, Job> jobs = new TreeMap<>();
    job.ifPresent(pending -> jobs.put(pending.id(), pending));
    return policy.decide(new ClusterSnapshot(at, grid.nodes(), grid.sites(), jobs), List.of());
  }

  private static Job deferrable(Instant submitted, Duration requested) {
    return new Job(new JobId("d1"), GridOutlookTest.SITE, Job.State.PENDING, List.of(), 1,
        submitted, Optional.empty(), requested, 1, true, Optional.empty());
  }

  @Test
  void does_not_hold_a_job_whose_latest_start_comes_before_the_grid_is_clean() {
    Instant eight = DAY_TWO.plus(Duration.ofHours(20));
    Job job = deferrable(eight, Duration.ofHours(1)); // latest start 07:00, clean from 09:00

    assertThat(decide(eight, Optional.of(job))).isEmpty();
  }

  @Test
  void holds_a_job_that_can_start_in_the_clean_hours_until_they_begin() {
    Instant eleven = DAY_TWO.plus(Duration.ofHours(23));
    Job job = deferrable(eleven, Duration.ofHours(1)); // latest start 10:00

    List<Action> atEleven = decide(eleven, Optional.of(job));
    assertThat(atEleven).singleElement().isInstanceOfSatisfying(HoldJob.class, hold -> {
      assertThat(hold.until()).isEqualTo(eleven.plus(Duration.ofHours(1)));
      assertThat(hold.reason()).contains("clean and cheap again in about 600 min");
    });
    Instant half = DAY_TWO.plus(Duration.ofHours(32)).plus(Duration.ofMinutes(30));
    for (Instant at = eleven.plus(Duration.ofMinutes(10)); at.isBefore(half);
        at = at.plus(Duration.ofMinutes(10))) {
      decide(at, Optional.empty());
    }
    assertThat(decide(half, Optional.of(job))).singleElement()
        .isInstanceOfSatisfying(HoldJob.class, hold -> assertThat(hold.until())
            .as("held to 09:00, not an hour more").isEqualTo(half.plus(Duration.ofMinutes(30))));
  }
}
