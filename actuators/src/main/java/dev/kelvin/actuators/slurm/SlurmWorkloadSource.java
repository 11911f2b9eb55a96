package dev.kelvin.actuators.slurm;

import dev.kelvin.actuators.slurm.SlurmNodes.SlurmNode;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls Slurm on the scheduler ({@code sinfo --json}, then {@code squeue --json}) and hands the
 * live state each site report whole: node availability and the pending and running jobs. A
 * poll whose command fails, times out or prints what Kelvin cannot read keeps the last good
 * report and is counted (a Slurm hiccup never blanks the cluster); a node or job Kelvin cannot
 * read is counted by reason and skipped, the rest kept. It only reads: changes go through
 * {@link SlurmActuator}.
 */
public final class SlurmWorkloadSource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlurmWorkloadSource.class);
  private static final Duration LOG_EVERY = Duration.ofMinutes(1);
  private static final List<String> JSON = List.of("--json");

  private final SlurmSettings settings;
  private final SlurmQuery query;
  private final Scheduler scheduler;
  private final ClusterState state;
  private final NodeMemory memory = new NodeMemory();
  private final KelvinHolds holds;
  private final Instant started;
  private final Map<SlurmReject, Long> rejects = new EnumMap<>(SlurmReject.class);
  private long pollsOk;
  private long pollsFailed;
  private int nodes;
  private int jobs;
  private Optional<Instant> lastOk = Optional.empty();
  private Optional<Instant> failingSince;
  private Optional<String> lastError = Optional.empty();
  private Optional<Instant> lastLogged = Optional.empty();
  private Scheduler.Task task;

  public SlurmWorkloadSource(SlurmSettings settings, SlurmQuery query, Scheduler scheduler,
      ClusterState state) {
    this(settings, query, scheduler, state, new KelvinHolds());
  }

  /** A source that reports the holds {@code holds} says Kelvin placed (see SlurmActuator). */
  public SlurmWorkloadSource(SlurmSettings settings, SlurmQuery query, Scheduler scheduler,
      ClusterState state, KelvinHolds holds) {
    this.holds = holds;
    this.settings = settings;
    this.query = query;
    this.scheduler = scheduler;
    this.state = state;
    this.started = scheduler.now();
    this.failingSince = Optional.of(started);
  }

  /** Polls now and every {@code poll_interval} from now on. */
  public synchronized SlurmWorkloadSource start() {
    if (task == null) {
      task = scheduler.every("slurm poll", Duration.ZERO, settings.pollInterval(), this::poll);
    }
    return this;
  }

  /** One poll: both commands, then both reports, or neither. */
  public void poll() {
    Instant now = scheduler.now();
    try {
      Parsed<SlurmNode> polledNodes = SlurmNodes.parse(query.run("sinfo", JSON),
          settings.site());
      Parsed<Job> polledJobs = SlurmJobs.parse(query.run("squeue", JSON), settings.site(),
          holds);
      holds.keepOnly(polledJobs.records().stream().filter(job -> job.state() == Job.State.PENDING)
          .map(Job::id).collect(Collectors.toSet()));
      List<NodeAvailability> availability = memory.availability(polledNodes.records(), now);
      state.replaceAvailability(settings.site(), availability);
      state.replaceJobs(settings.site(), polledJobs.records());
      succeeded(now, availability.size(), polledJobs, polledNodes);
    } catch (SlurmQueryException e) {
      failed(now, e.getMessage());
    }
  }

  private synchronized void succeeded(Instant now, int nodeCount, Parsed<Job> polledJobs,
      Parsed<SlurmNode> polledNodes) {
    pollsOk++;
    nodes = nodeCount;
    jobs = polledJobs.records().size();
    polledNodes.rejects().forEach((reason, count) -> rejects.merge(reason, (long) count,
        Long::sum));
    polledJobs.rejects().forEach((reason, count) -> rejects.merge(reason, (long) count,
        Long::sum));
    if (failingSince.isPresent() && pollsFailed > 0) {
      LOG.info("Slurm answers again after {} s: {} node(s), {} job(s)",
          Duration.between(failingSince.get(), now).toSeconds(), nodes, jobs);
    }
    lastOk = Optional.of(now);
    failingSince = Optional.empty();
    int skipped = polledNodes.rejected() + polledJobs.rejected();
    if (skipped > 0 && due(now)) {
      List<String> why = polledNodes.messages().isEmpty() ? polledJobs.messages()
          : polledNodes.messages();
      LOG.warn("Slurm: skipped {} node(s) and {} job(s) Kelvin cannot read, e.g. {}",
          polledNodes.rejected(), polledJobs.rejected(), why.get(0));
    }
  }

  private synchronized void failed(Instant now, String message) {
    pollsFailed++;
    lastError = Optional.of(message);
    if (failingSince.isEmpty()) {
      failingSince = Optional.of(now);
    }
    if (due(now)) {
      LOG.warn("Slurm poll failed, keeping the report of {}: {}",
          lastOk.map(Instant::toString).orElse("(none yet)"), message);
    }
  }

  /** Whether a warning may be logged now: at most one a minute. */
  private boolean due(Instant now) {
    if (lastLogged.isPresent() && Duration.between(lastLogged.get(), now).compareTo(LOG_EVERY)
        < 0) {
      return false;
    }
    lastLogged = Optional.of(now);
    return true;
  }

  public synchronized SlurmStats stats() {
    return new SlurmStats(pollsOk, pollsFailed, nodes, jobs, rejects, lastOk, failingSince,
        lastError);
  }

  public SlurmSettings settings() {
    return settings;
  }

  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel();
    }
  }
}
