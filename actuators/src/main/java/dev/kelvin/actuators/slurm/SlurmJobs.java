package dev.kelvin.actuators.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The jobs of a {@code squeue --json} answer (which ignores every filter, so this filters):
 * {@code PENDING} and {@code RUNNING} jobs are kept; a {@code SUSPENDED} job is kept as
 * RUNNING, since it still holds its nodes (they are allocated, and its work is lost if they
 * fail); a job that has ended or is ending is left out. A pending job's {@code start_time} is
 * Slurm's estimate and is not read; its {@code eligible_time} is its begin time, which tells a
 * hold Kelvin placed ({@link KelvinHolds}). A job whose {@code comment} carries
 * {@link SlurmSettings#DEFERRABLE_MARKER} is deferrable: its user lets Kelvin hold it back.
 * {@code time_limit} is in minutes; a job without a limit (null, or Slurm's INFINITE) is given
 * {@link #NO_LIMIT}.
 */
final class SlurmJobs {
  /** The requested time of a job Slurm lets run without a limit. */
  static final Duration NO_LIMIT = Duration.ofDays(365);
  /** Slurm's NO_VAL and INFINITE for 32-bit fields. */
  private static final long INFINITE_MINUTES = 0xFFFFFFFEL;
  private static final Set<String> ENDED = Set.of("COMPLETING", "COMPLETED", "CANCELLED",
      "FAILED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY",
      "REQUEUED", "REQUEUE_HOLD", "SPECIAL_EXIT", "REVOKED", "RESIZING", "STOPPED");

  private SlurmJobs() {}

  /** The jobs of {@code json}, none held by Kelvin. */
  static Parsed<Job> parse(String json, SiteId site) {
    return parse(json, site, new KelvinHolds());
  }

  /** The jobs of {@code json}; a pending job Kelvin holds carries its hold's end. */
  static Parsed<Job> parse(String json, SiteId site, KelvinHolds holds) {
    Parsed.Builder<Job> parsed = new Parsed.Builder<>();
    for (JsonNode record : SlurmJson.list("squeue --json", json, "jobs")) {
      try {
        job(record, site, holds).ifPresent(parsed::add);
      } catch (RejectedRecord rejected) {
        parsed.reject(rejected);
      }
    }
    return parsed.build();
  }

  private static Optional<Job> job(JsonNode record, SiteId site, KelvinHolds holds) {
    long number = SlurmJson.number(record, "job_id", "a job of squeue --json");
    String what = "job " + number;
    String slurmState = SlurmJson.text(record, "job_state", what);
    Optional<Job.State> state = state(slurmState, what);
    if (state.isEmpty()) {
      return Optional.empty();
    }
    boolean running = state.get() == Job.State.RUNNING;
    List<NodeId> nodes = running ? nodes(record, site, what) : List.of();
    int size = (int) Math.max(nodes.size(), Math.min(Integer.MAX_VALUE,
        Math.max(1, SlurmJson.number(record, "node_count", what))));
    Instant submitted = SlurmJson.time(record, "submit_time", what).orElseThrow(() ->
        new RejectedRecord(SlurmReject.MISSING_FIELD, what + ": field 'submit_time' is missing"
            + " or 0 (a job Slurm has not accepted yet?)"));
    Optional<Instant> started = running ? SlurmJson.time(record, "start_time", what)
        : Optional.empty();
    JobId id = new JobId(Long.toString(number));
    Optional<Instant> heldUntil = running ? Optional.empty()
        : holds.until(id, SlurmJson.time(record, "eligible_time", what));
    try {
      return Optional.of(new Job(id, site, state.get(), nodes, size, submitted, started,
          limit(record, what), priority(record, what), deferrable(record), Optional.empty(),
          heldUntil));
    } catch (IllegalArgumentException e) {
      throw new RejectedRecord(SlurmReject.INCONSISTENT, what + " (" + slurmState + "): "
          + e.getMessage());
    }
  }

  private static Optional<Job.State> state(String slurmState, String what) {
    switch (slurmState) {
      case "PENDING":
        return Optional.of(Job.State.PENDING);
      case "RUNNING":
      case "SUSPENDED":
        return Optional.of(Job.State.RUNNING);
      default:
        if (ENDED.contains(slurmState)) {
          return Optional.empty();
        }
        throw new RejectedRecord(SlurmReject.UNKNOWN_STATE, what + ": field 'job_state' is '"
            + slurmState + "', a state Kelvin does not know (PENDING, RUNNING, SUSPENDED or"
            + " one that has ended): a Slurm newer than 22.05?");
    }
  }

  private static List<NodeId> nodes(JsonNode record, SiteId site, String what) {
    String list = SlurmJson.text(record, "nodes", what);
    List<String> names;
    try {
      names = Hostlist.expand(list);
    } catch (IllegalArgumentException e) {
      throw new RejectedRecord(SlurmReject.BAD_VALUE, what + ": field 'nodes': "
          + e.getMessage());
    }
    List<NodeId> nodes = new ArrayList<>(names.size());
    for (String name : names) {
      nodes.add(SlurmNodes.nodeId(site, name, what));
    }
    return nodes;
  }

  private static Duration limit(JsonNode record, String what) {
    JsonNode value = record.get("time_limit");
    if (value == null || value.isNull()) {
      return NO_LIMIT;
    }
    long minutes = SlurmJson.number(record, "time_limit", what);
    if (minutes >= INFINITE_MINUTES) {
      return NO_LIMIT;
    }
    if (minutes <= 0) {
      throw new RejectedRecord(SlurmReject.BAD_VALUE, what + ": field 'time_limit' must be a"
          + " positive number of minutes, was " + minutes);
    }
    return Duration.ofMinutes(minutes);
  }

  /** Whether the job's comment carries {@link SlurmSettings#DEFERRABLE_MARKER}. */
  private static boolean deferrable(JsonNode record) {
    return SlurmJson.textOr(record, "comment", "").contains(SlurmSettings.DEFERRABLE_MARKER);
  }

  private static long priority(JsonNode record, String what) {
    JsonNode value = record.get("priority");
    return value == null || value.isNull() ? 0 : SlurmJson.number(record, "priority", what);
  }
}
