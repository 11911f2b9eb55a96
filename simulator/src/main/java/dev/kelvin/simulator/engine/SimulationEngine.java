package dev.kelvin.simulator.engine;

import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.loop.LapseReason;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.simulator.report.SimulationResult;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs one scenario to its end in virtual time and returns what happened. Jobs are submitted
 * at their trace times, queued and started by the batch scheduler, and end when their work is
 * done at the clock their nodes allow; the control loop ticks at the scenario's interval
 * through the same ports as in production; energy is integrated exactly at every event. The
 * run ends when the last job has ended, and no earlier than the trace window's end.
 *
 * <p>Same setup, same result: every choice is drawn from the scenario's seed, events at one
 * instant run in the order they were scheduled, and nothing reads the wall clock.
 */
public final class SimulationEngine {
  /** A run still going this long after its horizon and its last submission is stuck. */
  static final double STUCK_AFTER_S = 365 * 86_400.0;
  private static final Duration STEP = Duration.ofDays(1);
  private static final Duration PLOT_EVERY = Duration.ofHours(1);

  private final SimulationSetup setup;
  private final SimTime time;
  private final Datacenter dc;
  private final JobBook jobs;
  private final Telemetry telemetry;
  private final Setpoints setpoints;
  private final SimulatedActions actions;
  private final SimulatedCluster cluster;
  private final Timeline timeline = new Timeline();
  private final NodeFailures failures;
  private final SiteConditions conditions;
  private final ScenarioEvents events;
  private double finishedAtS = Double.NaN;
  private ControlLoop loop;

  public SimulationEngine(SimulationSetup setup) {
    this.setup = setup;
    Scenario scenario = setup.scenario();
    this.time = new SimTime(setup.start());
    NodePower power = new NodePower(setup.nodePower(), scenario.power().minClockRatio(),
        scenario.power().offWatts(), scenario.power().computeBoundShare());
    this.dc = new Datacenter(scenario.sites(), power, setup.thermal(), scenario.cooling(),
        setup.start().atZone(ZoneOffset.UTC).getHour());
    this.jobs = new JobBook(dc, time, setup.batch(), setup.jobs(), scenario.seed(),
        scenario.failures().checkpointEvery().toMillis() / 1000.0, this::drained);
    Sensors sensors = new Sensors(setup.failures().precursors(),
        scenario.telemetry().cpuTempNoiseC(), scenario.seed());
    this.setpoints = new Setpoints(dc, jobs, time, setup.clock(),
        scenario.power().bootTime().toMillis() / 1000.0);
    this.telemetry = new Telemetry(dc, scenario.telemetry().window(), sensors, setpoints);
    this.conditions = new SiteConditions(dc, jobs, time, timeline,
        scenario.power().bootTime().toMillis() / 1000.0);
    this.actions = new SimulatedActions(dc, jobs, time, new NodeIndex(dc), setpoints,
        timeline, conditions);
    JobViews jobViews = new JobViews(dc, jobs, time,
        new DeferrableJobs(scenario.trace().deferrableShare(), scenario.seed()));
    this.cluster = new SimulatedCluster(dc, jobViews, telemetry, time, setup.clock(), setpoints,
        setup.cpuTempLimitC(), scenario.sites(), sensors, conditions);
    this.failures = new NodeFailures(dc, jobs, time, setup.failures().plan(), timeline,
        setup.failures().precursors());
    this.events = new ScenarioEvents(time, conditions, scenario.sites());
  }

  /**
   * Runs the scenario to its end.
   *
   * @throws SimulationException when an event fails, the control loop reports a problem, or
   *     jobs are still waiting a year after the last submission (all nodes drained, say)
   */
  public SimulationResult run(Progress progress) {
    jobs.start();
    failures.start();
    events.schedule(scenario().events());
    startTariffs();
    setup.control().ifPresent(this::startControl);
    Scenario scenario = setup.scenario();
    scenario.telemetry().sampleEvery().ifPresentOrElse(
        period -> time.every("telemetry sample", period, () -> telemetry.sample(time.nowS())),
        () -> time.every("plot sample", PLOT_EVERY, () -> telemetry.plot(time.nowS())));
    if (setup.horizonS() > 0) {
      time.at("trace window end", setup.horizonS(), this::windowEnded);
    }
    while (!time.stopped()) {
      time.scheduler().advanceBy(STEP);
      time.rethrow();
      progress.update(time.nowS(), jobs.outcomes().size() + jobs.neverFit(), jobs.total());
      checkStuck();
    }
    progress.update(finishedAtS, jobs.outcomes().size() + jobs.neverFit(), jobs.total());
    return new ResultAssembler(setup, dc, jobs, telemetry, actions, timeline)
        .assemble(finishedAtS, time.events());
  }

  private Scenario scenario() {
    return setup.scenario();
  }

  /** Sites with a daily carbon or price profile change tariff on every hour of the day. */
  private void startTariffs() {
    if (scenario().sites().stream().noneMatch(ScenarioSite::hasDailyProfile)) {
      return;
    }
    int startHour = setup.start().atZone(ZoneOffset.UTC).getHour();
    time.every("tariff", Duration.ofHours(1), () -> {
      int hour = (startHour + (int) Math.round(time.nowS() / 3600)) % 24;
      for (int s = 0; s < scenario().sites().size(); s++) {
        ScenarioSite site = scenario().sites().get(s);
        dc.ledger.setTariff(s, site.carbonAt(hour), site.priceAt(hour), time.nowS());
      }
    });
  }

  private void startControl(ControlFactory factory) {
    loop = factory.create(cluster, actions, time.scheduler());
    time.every("control tick", setup.scenario().control().interval(), () -> {
      TickReport report = loop.tick(time.scheduler().now());
      if (!report.problems().isEmpty()) {
        throw new SimulationException("the control loop reported a problem at "
            + report.at() + ": " + report.problems().get(0));
      }
    });
  }

  /**
   * The held setpoints the control loop gave up during the run, counted by reason (its log
   * says so at most once a simulated minute per reason, which in a year of simulated time is
   * a great many lines): empty without control.
   */
  public SortedMap<String, Long> lapses() {
    SortedMap<String, Long> counts = new TreeMap<>();
    if (loop != null) {
      for (LapseReason reason : LapseReason.values()) {
        if (loop.lapses(reason) > 0) {
          counts.put(reason.label(), loop.lapses(reason));
        }
      }
    }
    return counts;
  }

  /**
   * The node failures that happened in the run so far, in time order, each with whether it
   * gave warning: what a failure predictor's recorded training data is labelled with.
   */
  public List<HappenedFailure> failuresThatHappened() {
    return failures.happenedFailures();
  }

  private void drained() {
    if (time.nowS() >= setup.horizonS()) {
      finish(time.nowS());
    }
  }

  private void windowEnded() {
    if (jobs.submitted() == jobs.total() && jobs.queuedJobs() == 0
        && jobs.runningJobs() == 0) {
      finish(time.nowS());
    }
  }

  private void finish(double atS) {
    if (!time.stopped()) {
      finishedAtS = atS;
      telemetry.plot(atS);
      dc.ledger.freeze(atS);
      time.stop();
    }
  }

  private void checkStuck() {
    double lastSubmitS = setup.jobs().isEmpty() ? 0
        : setup.jobs().get(setup.jobs().size() - 1).submitS();
    double limitS = Math.max(setup.horizonS(), lastSubmitS) + STUCK_AFTER_S;
    if (!time.stopped() && time.nowS() > limitS) {
      throw new SimulationException("the run is stuck: " + jobs.queuedJobs() + " jobs still"
          + " queued and " + jobs.runningJobs() + " running " + (long) (time.nowS() / 86_400)
          + " days in, a year after the last submission (every node drained or off?)");
    }
  }
}
