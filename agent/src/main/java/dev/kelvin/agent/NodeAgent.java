package dev.kelvin.agent;

import dev.kelvin.agent.lease.Lease;
import dev.kelvin.agent.lease.SetpointLeases;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.port.NodeHardware;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.mqtt.MqttFailure;
import dev.kelvin.mqtt.MqttSessionException;
import dev.kelvin.mqtt.MqttTransport;
import dev.kelvin.mqtt.SessionStats;
import dev.kelvin.mqtt.StrictJson;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent of one node. Every {@code publishInterval} it samples the hardware and publishes
 * the reading ({@link TelemetryWire} JSON, QoS 1, not retained) on the node's telemetry topic,
 * with the value and limits of every setpoint the hardware supports. It applies setpoint
 * commands from the node's command topic under a lease (see {@link SetpointLeases}) and
 * answers each on {@code cmd/ack}. Its status topic says {@code online} (retained) while it is
 * connected and {@code offline} (its Last Will, retained) once it is gone.
 *
 * <p>While the broker is away, readings wait in a backlog of up to
 * {@link AgentSettings#BACKLOG_SPAN} and are published oldest first after reconnecting; what
 * overflows is counted in {@link AgentStats#readingsDropped()}. The session reconnects on its
 * own, backing off from {@code publishInterval} to 30 s.
 *
 * <p>Time comes from two schedulers: {@code ticks} runs the publish tick (it may be shared by
 * many agents: a tick samples, encodes and queues asynchronous publishes, never waiting for the
 * broker), {@code leases} runs lease expiry (see {@link LeaseExpiry} for why apart). A tick
 * that fails, even with an Error from a driver, is counted in {@link AgentStats#tickFailures()},
 * logged at most once a minute, and the next tick runs as planned.
 *
 * <p>{@link #close()} restores every held setpoint to its hardware default (a clean shutdown
 * never leaves the node throttled, just as a lost controller does not), publishes
 * {@code offline}, and disconnects, even when a tick is stuck in the hardware.
 */
public final class NodeAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);
  private static final Duration TICK_WAIT = Duration.ofSeconds(2);

  private enum State { NEW, STARTED, CLOSED }

  private final AgentSettings settings;
  private final Scheduler ticks;
  private final Scheduler leaseScheduler;
  private final NodeId node;
  private final HardwareReadings readings;
  private final SetpointLeases leases;
  private final CommandHandler commands;
  private final AgentConnection connection;
  private final LeaseExpiry expiry;
  private final PerKeyThrottle warnings;
  private final ReentrantLock tickLock = new ReentrantLock();
  private final LongAdder sampleFailures = new LongAdder();
  private final LongAdder tickFailures = new LongAdder();
  private final Object lifecycle = new Object();
  private State state = State.NEW;
  private Scheduler.Task tickTask;
  private long seq;

  /**
   * @param ticks runs the publish tick and the MQTT session's reconnects; may be shared
   * @param leases runs lease expiry: in live mode a scheduler of this agent's own
   */
  public NodeAgent(AgentSettings settings, NodeHardware hardware, MqttTransport transport,
      Scheduler ticks, Scheduler leases) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ticks = Objects.requireNonNull(ticks, "ticks");
    this.leaseScheduler = Objects.requireNonNull(leases, "leases");
    this.node = hardware.node();
    this.readings = new HardwareReadings(hardware);
    this.warnings = new PerKeyThrottle(WARN_EVERY, ticks.clock(), 8);
    this.leases = new SetpointLeases(hardware, ticks.clock(), settings.maxLease(),
        settings.maxClockSkew());
    this.commands = new CommandHandler(node, this.leases, ticks.clock());
    this.connection = new AgentConnection(settings, node, transport, ticks, commands, warnings);
    this.expiry = new LeaseExpiry(node, this.leases, settings.publishInterval(), warnings);
  }

  /**
   * Starts lease expiry, connects (client id {@code kelvin-agent-<site>-<node>}), subscribes
   * to the command topic, publishes {@code online}, and starts the publish tick. When the
   * broker cannot be reached the agent starts anyway, keeps its readings and retries in the
   * background, unless {@link AgentSettings#requireBrokerAtStart()}.
   *
   * @throws AgentException when the broker refuses the login or the client id (a configuration
   *     error that retrying cannot fix), or cannot be reached and the settings require it
   * @throws IllegalStateException when called twice or after {@link #close()}
   */
  public void start() {
    synchronized (lifecycle) {
      if (state != State.NEW) {
        throw new IllegalStateException("the agent of " + node + " was already " + (state
            == State.STARTED ? "started" : "closed") + "; create a new NodeAgent to restart");
      }
      state = State.STARTED;
      expiry.start(leaseScheduler);
    }
    Optional<MqttFailure> notYet;
    try {
      notYet = connection.open();
    } catch (MqttSessionException e) {
      close();
      throw new AgentException("the agent of " + node + " cannot start: " + e.getMessage());
    }
    notYet.ifPresent(unreachable -> LOG.warn("{}: {}; starting anyway, keeping readings and"
        + " retrying in the background", node, unreachable.message()));
    synchronized (lifecycle) {
      if (state == State.STARTED) {
        tickTask = ticks.every(node + " publish tick", Duration.ZERO,
            settings.publishInterval(), this::tick);
      }
    }
  }

  /** What the agent has done so far. */
  public AgentStats stats() {
    TelemetryOutbox outbox = connection.outbox();
    return new AgentStats(outbox.published(), outbox.failures(), outbox.dropped(),
        outbox.size(), sampleFailures.sum(), tickFailures.sum() + expiry.failures(),
        commands.applied(), commands.rejected(), commands.refusals(), commands.duplicates(),
        commands.failed(), commands.malformed(),
        expiry.expired(), leases.held().size(), connection.isConnected());
  }

  /** The MQTT session's counts. */
  public SessionStats sessionStats() {
    return connection.stats();
  }

  /** The setpoints held under a lease now. */
  public List<Lease> leases() {
    return leases.held();
  }

  public NodeId node() {
    return node;
  }

  /** The MQTT client id: {@code kelvin-agent-<site>-<node>}. */
  public String clientId() {
    return settings.clientId(node);
  }

  /**
   * Stops the tick and lease expiry, restores every setpoint held under a lease to its
   * hardware default, publishes {@code offline} (retained) and disconnects. The setpoints are
   * restored first and under no lock the tick holds, so a tick stuck in the hardware cannot
   * keep the node throttled. Readings still unsent are counted as dropped. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
      if (tickTask != null) {
        tickTask.cancel();
      }
    }
    expiry.close();
    int reverted = leases.revertAllAndClose();
    awaitTickInProgress();
    int unsent = connection.close();
    LOG.info("{}: agent closed; restored {} setpoint(s) to default, {} reading(s) unsent",
        node, reverted, unsent);
  }

  /**
   * Lets a tick in progress finish before the connection closes under it, for a couple of
   * seconds at most; later ticks see the agent closed and do nothing.
   */
  private void awaitTickInProgress() {
    try {
      if (tickLock.tryLock(TICK_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
        tickLock.unlock();
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.warn("{}: a publish tick is still running after {} s (stuck sampling the hardware?);"
        + " closing without waiting for it", node, TICK_WAIT.toSeconds());
  }

  private boolean running() {
    synchronized (lifecycle) {
      return state == State.STARTED;
    }
  }

  private void tick() {
    if (!tickLock.tryLock()) {
      return;
    }
    try {
      if (!running()) {
        return;
      }
      sample();
      if (running()) {
        connection.tick();
      }
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      tickFailures.increment();
      if (warnings.allow("tick")) {
        LOG.error("{}: a publish tick failed ({} so far); the next one runs as planned", node,
            tickFailures.sum(), e);
      }
    } finally {
      tickLock.unlock();
    }
  }

  private void sample() {
    try {
      NodeReading reading = readings.read(ticks.now(), seq);
      connection.outbox().add(seq, StrictJson.write(TelemetryWire.encode(reading)));
      seq++;
    } catch (RuntimeException e) {
      sampleFailures.increment();
      if (warnings.allow("sample")) {
        LOG.warn("{}: could not sample the hardware, skipping this reading ({} so far): {}",
            node, sampleFailures.sum(), e.getMessage());
      }
    }
  }
}
