package dev.kelvin.actuators.slurm;

import static dev.kelvin.actuators.slurm.Recorded.oneJob;
import static dev.kelvin.actuators.slurm.Recorded.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SlurmJobsTest {
  private static final SiteId SITE = SiteId.of("site-a");

  private static Map<String, Job> byId(String json) {
    Parsed<Job> parsed = SlurmJobs.parse(json, SITE);
    assertThat(parsed.rejects()).isEmpty();
    return parsed.records().stream().collect(Collectors.toMap(job -> job.id().value(),
        Function.identity()));
  }

  private static NodeId node(String name) {
    return new NodeId(SITE, name);
  }

  @Test
  void reads_running_jobs_with_their_node_start_time_limit_and_priority() {
    Job job = byId(read("squeue-running-and-pending.json")).get("1");

    assertThat(job.state()).isEqualTo(Job.State.RUNNING);
    assertThat(job.nodes()).containsExactly(node("n4"));
    assertThat(job.size()).isEqualTo(1);
    assertThat(job.submittedAt()).isEqualTo(Instant.ofEpochSecond(1795776344L));
    assertThat(job.startedAt()).contains(Instant.ofEpochSecond(1795776344L));
    assertThat(job.requestedTime()).isEqualTo(Duration.ofMinutes(30));
    assertThat(job.priority()).isEqualTo(4294901759L);
  }

  @Test
  void reads_pending_jobs_on_no_node_with_the_nodes_they_asked_for_and_no_start_time() {
    Map<String, Job> jobs = byId(read("squeue-running-and-pending.json"));

    assertThat(jobs).containsOnlyKeys("1", "2", "3", "4", "5", "6");
    Job twoNodes = jobs.get("5");
    assertThat(twoNodes.state()).isEqualTo(Job.State.PENDING);
    assertThat(twoNodes.nodes()).isEmpty();
    assertThat(twoNodes.size()).isEqualTo(2);
    assertThat(twoNodes.startedAt()).isEmpty();
    assertThat(jobs.get("6").priority()).isZero();
  }

  @Test
  void expands_the_host_list_of_a_job_on_several_nodes() {
    Job job = byId(read("squeue-multinode-suspended-finished.json")).get("5");

    assertThat(job.nodes()).containsExactly(node("n2"), node("n4"));
    assertThat(job.requestedTime()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void keeps_a_suspended_job_as_running_on_its_nodes_and_leaves_out_ended_jobs() {
    Map<String, Job> jobs = byId(read("squeue-multinode-suspended-finished.json"));

    assertThat(jobs).containsOnlyKeys("1", "2", "3", "5", "6");
    assertThat(jobs.get("3").state()).isEqualTo(Job.State.RUNNING);
    assertThat(jobs.get("3").nodes()).containsExactly(node("n2"));
  }

  @Test
  void gives_a_job_without_a_time_limit_the_stand_in_for_no_limit() {
    Job job = byId(oneJob("\"job_id\":7,\"job_state\":\"PENDING\",\"nodes\":\"\","
        + "\"node_count\":1,\"submit_time\":1795776361,\"time_limit\":null")).get("7");

    assertThat(job.requestedTime()).isEqualTo(SlurmJobs.NO_LIMIT);
  }

  @Test
  void counts_and_skips_a_job_in_an_unknown_state() {
    Parsed<Job> parsed = SlurmJobs.parse(oneJob("\"job_id\":8,\"job_state\":\"LEVITATING\""),
        SITE);

    assertThat(parsed.records()).isEmpty();
    assertThat(parsed.rejects()).containsEntry(SlurmReject.UNKNOWN_STATE, 1);
    assertThat(parsed.messages().get(0)).contains("job 8", "field 'job_state'", "LEVITATING");
  }

  @Test
  void counts_and_skips_a_running_job_without_a_start_time() {
    Parsed<Job> parsed = SlurmJobs.parse(oneJob("\"job_id\":9,\"job_state\":\"RUNNING\","
        + "\"nodes\":\"n1\",\"node_count\":1,\"submit_time\":1795776361,\"start_time\":0,"
        + "\"time_limit\":5"), SITE);

    assertThat(parsed.rejects()).containsEntry(SlurmReject.INCONSISTENT, 1);
    assertThat(parsed.messages().get(0)).contains("job 9", "start time");
  }

  @Test
  void counts_and_skips_a_job_on_a_node_name_kelvin_cannot_take() {
    Parsed<Job> parsed = SlurmJobs.parse(oneJob("\"job_id\":10,\"job_state\":\"RUNNING\","
        + "\"nodes\":\"n#1\",\"node_count\":1,\"submit_time\":1795776361,"
        + "\"start_time\":1795776362,\"time_limit\":5"), SITE);

    assertThat(parsed.rejects()).containsEntry(SlurmReject.BAD_NODE_NAME, 1);
  }

  @Test
  void counts_and_skips_a_job_whose_submit_time_is_missing() {
    Parsed<Job> parsed = SlurmJobs.parse(oneJob("\"job_id\":11,\"job_state\":\"PENDING\","
        + "\"node_count\":1,\"time_limit\":5"), SITE);

    assertThat(parsed.rejects()).containsEntry(SlurmReject.MISSING_FIELD, 1);
    assertThat(parsed.messages().get(0)).contains("job 11", "'submit_time'");
  }

  @Test
  void a_job_whose_comment_carries_kelvins_marker_is_deferrable() {
    Map<String, Job> jobs = byId("{\"meta\":{},\"errors\":[],\"jobs\":[{"
        + pending(21, "kelvin:deferrable night run", 0) + "},{" + pending(22, "night run", 0)
        + "}]}");

    assertThat(jobs.get("21").deferrable()).isTrue();
    assertThat(jobs.get("22").deferrable()).isFalse();
  }

  @Test
  void reports_a_hold_only_while_slurm_shows_the_begin_time_kelvin_set() {
    KelvinHolds holds = new KelvinHolds();
    Instant until = Instant.ofEpochSecond(1_795_780_000L);
    holds.placed(new JobId("23"), until);

    Job kelvins = onlyJob(pending(23, "kelvin:deferrable", 1_795_780_002L), holds);
    Job moved = onlyJob(pending(23, "kelvin:deferrable", 1_795_790_000L), holds);
    Job usersOwn = onlyJob(pending(24, "", 1_795_780_000L), holds);

    assertThat(kelvins.heldUntil()).contains(until);
    assertThat(moved.heldUntil()).as("an operator moved the begin time").isEmpty();
    assertThat(usersOwn.heldUntil()).as("a --begin its user asked for").isEmpty();
  }

  private static Job onlyJob(String fields, KelvinHolds holds) {
    return SlurmJobs.parse(oneJob(fields), SITE, holds).records().get(0);
  }

  /** The fields of a pending job of squeue --json, its comment and begin time (0: none). */
  private static String pending(long id, String comment, long eligibleTime) {
    return "\"job_id\":" + id + ",\"job_state\":\"PENDING\",\"nodes\":\"\","
        + "\"node_count\":1,\"submit_time\":1795776361,\"time_limit\":5,\"comment\":\""
        + comment + "\",\"eligible_time\":" + eligibleTime;
  }
}
