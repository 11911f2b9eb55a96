package dev.kelvin.simulator.engine;

import dev.kelvin.core.time.Scheduler;
import dev.kelvin.simulator.report.JobOutcome;
import dev.kelvin.simulator.report.Series;
import dev.kelvin.simulator.sched.BatchScheduler;
import dev.kelvin.simulator.sched.Placement;
import dev.kelvin.simulator.sched.PlannedEnd;
import dev.kelvin.simulator.sched.QueuedJob;
import dev.kelvin.simulator.trace.TraceJob;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The jobs of a run: each is submitted at its trace time to a site's queue, started by the
 * batch scheduler on whole free nodes, progresses at the rate its nodes' clocks allow and
 * ends when its work is done. One dispatch runs per instant at which anything was submitted
 * or freed, after every other event of that instant.
 */
final class JobBook {
  private final Datacenter dc;
  private final SimTime time;
  private final BatchScheduler batch;
  private final List<TraceJob> jobs;
  private final SiteChooser sites;
  private final SiteQueues queues;
  private final List<List<JobRun>> running = new ArrayList<>();
  private final BitSet[] free;
  private final List<JobOutcome> outcomes = new ArrayList<>();
  private final Runnable onDrained;
  private final double checkpointEveryS;
  private int nextSubmit;
  private int runningJobs;
  private int neverFit;
  private int interruptions;
  private double nodeSecondsLost;
  private boolean dispatchQueued;

  JobBook(Datacenter dc, SimTime time, BatchScheduler batch, List<TraceJob> jobs, long seed,
      double checkpointEveryS, Runnable onDrained) {
    this.checkpointEveryS = checkpointEveryS;
    this.dc = dc;
    this.time = time;
    this.batch = batch;
    this.jobs = List.copyOf(jobs);
    this.onDrained = onDrained;
    this.sites = new SiteChooser(dc, new SplittableRandom(seed));
    free = new BitSet[dc.siteCount()];
    queues = new SiteQueues(dc.siteCount(), time);
    for (int s = 0; s < dc.siteCount(); s++) {
      running.add(new ArrayList<>());
      free[s] = new BitSet(dc.siteSize(s));
      free[s].set(0, dc.siteSize(s));
    }
  }

  /** Schedules the first submission; each submission schedules the next. */
  void start() {
    scheduleNextSubmit();
    if (jobs.isEmpty()) {
      time.soon("all jobs done", this::checkDrained);
    }
  }

  private void scheduleNextSubmit() {
    if (nextSubmit < jobs.size()) {
      TraceJob next = jobs.get(nextSubmit);
      time.at("job submit", next.submitS(), () -> submit(next));
    }
  }

  private void submit(TraceJob job) {
    nextSubmit++;
    scheduleNextSubmit();
    int site = sites.choose(job.nodes());
    if (site < 0) {
      neverFit++;
      checkDrained();
      return;
    }
    enqueue(site, new PendingJob(job, time.nowS(), job.runS(), 0));
  }

  private void enqueue(int site, PendingJob pending) {
    queues.add(site, pending);
    requestDispatch();
  }

  /** Asks for one dispatch at this instant, after the events already due now. */
  void requestDispatch() {
    if (!dispatchQueued) {
      dispatchQueued = true;
      time.soon("dispatch", this::dispatch);
    }
  }

  private void dispatch() {
    dispatchQueued = false;
    double nowS = time.nowS();
    for (int s = 0; s < dc.siteCount(); s++) {
      List<QueuedJob> queue = queues.of(s);
      if (queue.isEmpty() || free[s].isEmpty()) {
        continue;
      }
      List<Placement> started = batch.pick((long) Math.floor(nowS), queue, free[s],
          plannedEnds(s));
      for (Placement placement : started) {
        begin(s, placement, nowS);
      }
    }
    queues.record();
  }

  private List<PlannedEnd> plannedEnds(int site) {
    List<JobRun> runs = running.get(site);
    List<PlannedEnd> ends = new ArrayList<>(runs.size());
    for (JobRun run : runs) {
      ends.add(new PlannedEnd(run.nodes.length, (long) Math.ceil(run.limitS())));
    }
    return ends;
  }

  private void begin(int site, Placement placement, double nowS) {
    PendingJob pending = queues.started(placement.job().id());
    TraceJob job = pending.trace();
    int[] nodes = placement.nodes().clone();
    for (int k = 0; k < nodes.length; k++) {
      nodes[k] += dc.siteStart(site);
    }
    JobRun run = new JobRun(job, site, nodes, pending.submitS(), nowS, pending.workS(),
        pending.restarts());
    for (int i : nodes) {
      dc.nodes.state[i] = NodeTable.BUSY;
      dc.nodes.utilRatio[i] = job.utilRatio();
      dc.gpus.hold(i, job.gpusPerNode());
      dc.nodes.job[i] = run;
      dc.refresh(i, nowS);
    }
    dc.ledger.addBusy(site, nodes.length, nowS);
    running.get(site).add(run);
    runningJobs++;
    run.rate = rateOf(run);
    scheduleEnd(run, nowS);
  }

  private void scheduleEnd(JobRun run, double nowS) {
    run.end = time.at("job end", run.endS(), () -> finish(run));
  }

  /** A node of a running job changed pace (clock or GPU limit): its rate and end follow. */
  void clockChanged(int node, double nowS) {
    JobRun run = dc.nodes.job[node];
    if (run == null) {
      return;
    }
    run.progressTo(nowS);
    double rate = rateOf(run);
    if (rate != run.rate) {
      run.rate = rate;
      run.end.cancel();
      scheduleEnd(run, nowS);
    }
  }

  /**
   * The job's pace: that of its slowest node, where a node's pace is the lower of what its
   * clock allows the compute-bound share ({@link NodePower#progressRate}) and its GPUs'
   * relative throughput under their limits.
   */
  private double rateOf(JobRun run) {
    double slowest = 1;
    double slowestGpu = 1;
    for (int i : run.nodes) {
      slowest = Math.min(slowest, dc.nodes.clockRatio[i]);
      slowestGpu = Math.min(slowestGpu, dc.nodes.gpuPaceRatio[i]);
    }
    double cpuRate = dc.power.progressRate(slowest);
    return slowestGpu < 1 ? Math.min(cpuRate, slowestGpu) : cpuRate;
  }

  private void finish(JobRun run) {
    double nowS = time.nowS();
    release(run, nowS);
    outcomes.add(new JobOutcome(run.trace.id(), run.nodes.length, run.trace.submitS(),
        run.startS, nowS, run.trace.runS(), true));
    requestDispatch();
    checkDrained();
  }

  private void release(JobRun run, double nowS) {
    for (int i : run.nodes) {
      dc.nodes.state[i] = NodeTable.IDLE;
      dc.nodes.utilRatio[i] = 0;
      dc.gpus.hold(i, 0);
      dc.nodes.job[i] = null;
      dc.refresh(i, nowS);
      nodeChanged(i);
    }
    dc.ledger.addBusy(run.siteIndex, -run.nodes.length, nowS);
    running.get(run.siteIndex).remove(run);
    runningJobs--;
  }

  /**
   * Stops the job running on node {@code node} and queues it again in its submit order. With
   * {@code checkpointNow} (a migration by checkpoint and restart) it keeps all its work;
   * otherwise (a node failure, a plain requeue) it keeps the work up to its last periodic
   * checkpoint, and the rest is lost.
   *
   * @return whether a job was running there
   */
  boolean interrupt(int node, boolean checkpointNow) {
    JobRun run = dc.nodes.job[node];
    return run != null && interrupt(run, checkpointNow, run.siteIndex);
  }

  private boolean interrupt(JobRun run, boolean checkpointNow, int requeueSite) {
    double nowS = time.nowS();
    run.progressTo(nowS);
    run.end.cancel();
    double done = run.workDoneS();
    double kept = checkpointNow ? done
        : Math.floor(done / checkpointEveryS) * checkpointEveryS;
    nodeSecondsLost += (done - kept) * run.nodes.length;
    interruptions++;
    release(run, nowS);
    enqueue(requeueSite, new PendingJob(run.trace, run.submitS, run.trace.runS() - kept,
        run.restarts + 1));
    return true;
  }

  /**
   * Fails site {@code from} over to site {@code to}: no new job goes to {@code from}, its
   * queued jobs that fit {@code to} move there in their order, and its running jobs that fit
   * are checkpointed and queued at {@code to}.
   *
   * @return how many jobs moved
   */
  int failover(int from, int to) {
    sites.close(from);
    int moved = 0;
    for (JobRun run : List.copyOf(running.get(from))) {
      if (run.nodes.length <= dc.siteSize(to)) {
        interrupt(run, true, to);
        moved++;
      }
    }
    moved += queues.move(from, to, dc.siteSize(to));
    requestDispatch();
    return moved;
  }

  /**
   * Keeps the queued job {@code id} from starting until {@code untilS}; then it goes back in its
   * queue's submit order and a dispatch follows.
   *
   * @return whether it was waiting in a queue
   */
  boolean hold(long id, double untilS) {
    if (!queues.hold(id, untilS)) {
      return false;
    }
    time.at("hold end", untilS, () -> {
      if (queues.release(id, time.nowS())) {
        requestDispatch();
      }
    });
    return true;
  }

  /**
   * Lifts the hold on {@code id} now.
   *
   * @return whether it was held
   */
  boolean release(long id) {
    boolean released = queues.release(id, Double.POSITIVE_INFINITY);
    if (released) {
      requestDispatch();
    }
    return released;
  }

  /** The held jobs of {@code site} and until when, seconds from the run's start. */
  Map<QueuedJob, Double> held(int site) {
    return queues.held(site);
  }

  /** The running job of this trace id, if any: for migration by job id. */
  Optional<JobRun> runningJob(long id) {
    for (List<JobRun> runs : running) {
      for (JobRun run : runs) {
        if (run.trace.id() == id) {
          return Optional.of(run);
        }
      }
    }
    return Optional.empty();
  }

  /** Node {@code i}'s state or drain flag changed: it may be free for jobs now, or no more. */
  void nodeChanged(int i) {
    int site = dc.nodes.site[i];
    int local = i - dc.siteStart(site);
    boolean wasFree = free[site].get(local);
    boolean isFree = dc.nodes.free(i);
    free[site].set(local, isFree);
    if (isFree && !wasFree) {
      requestDispatch();
    }
  }

  private void checkDrained() {
    if (nextSubmit == jobs.size() && queues.size() == 0 && runningJobs == 0) {
      onDrained.run();
    }
  }

  int queuedJobs() {
    return queues.size();
  }

  int runningJobs() {
    return runningJobs;
  }

  int submitted() {
    return nextSubmit;
  }

  int total() {
    return jobs.size();
  }

  int neverFit() {
    return neverFit;
  }

  /** Job runs stopped by a failure or a requeue before their end. */
  int interruptions() {
    return interruptions;
  }

  /** Node-hours of work lost to interruptions (at full clock). */
  double nodeHoursLost() {
    return nodeSecondsLost / 3600;
  }

  List<JobOutcome> outcomes() {
    return outcomes;
  }

  List<JobRun> running(int site) {
    return running.get(site);
  }

  /** The jobs waiting in {@code site}'s queue, in submit order. */
  List<QueuedJob> queued(int site) {
    return queues.of(site);
  }

  Series queueLength() {
    return queues.length();
  }
}
