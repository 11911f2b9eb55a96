package dev.kelvin.agent;

import dev.kelvin.agent.lease.Lease;
import dev.kelvin.agent.lease.SetpointLeases;
import dev.kelvin.agent.mqtt.MqttFailure;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.port.NodeHardware;
import dev.kelvin.core.wire.TelemetryWire;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent of one node. Every {@code publishInterval} it samples the hardware and publishes
 * the reading ({@link TelemetryWire} JSON, QoS 1, not retained) on
 * {@code topics.nodeTelemetry(node)}. It applies setpoint commands from
 * {@code topics.nodeCommand(node)} under a lease (see {@link SetpointLeases}) and answers each
 * on {@code topics.nodeCommandAck(node)}. Its status topic says {@code online} (retained) while
 * it is connected and {@code offline} (its Last Will, retained) once it is gone.
 *
 * <p>While the broker is away, readings wait in a backlog of up to
 * {@link AgentSettings#BACKLOG_SPAN} and are published oldest first after reconnecting; what
 * overflows is counted in {@link AgentStats#readingsDropped()}. The agent reconnects on its
 * own, backing off from {@code publishInterval} to 30 s.
 *
 * <p>Many agents may share one scheduler: a tick samples, encodes and queues asynchronous
 * publishes, and never waits for the broker. A tick that fails, even with an Error from a
 * driver, is counted in {@link AgentStats#tickFailures()}, logged at most once a minute, and
 * the next tick runs as planned. MQTT callbacks run on Paho's threads.
 *
 * <p>Leases are checked every {@code publishInterval} too, but on a daemon thread of the
 * agent's own, {@code <client id>-leases} (see {@link LeaseExpiry} for why), sharing no lock
 * with the tick: a sample that throws or hangs cannot keep a cap past its lease.
 *
 * <p>{@link #close()} restores every held setpoint to its hardware default (a clean shutdown
 * never leaves the node throttled, just as a lost controller does not), publishes
 * {@code offline}, and disconnects, even when the scheduler was shut down first or a tick is
 * stuck in the hardware.
 */
public final class NodeAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);
  private static final Duration TICK_WAIT = Duration.ofSeconds(2);

  private enum State { NEW, STARTED, CLOSED }

  private final AgentSettings settings;
  private final NodeHardware hardware;
  private final InstantSource clock;
  private final ScheduledExecutorService scheduler;
  private final NodeId node;
  private final RackId rack;
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
  private ScheduledFuture<?> ticks;
  private long seq;

  /**
   * @param scheduler runs the publish tick; may be shared by many agents, and is not shut down
   *     by {@link #close()} (lease expiry runs on a thread of the agent's own)
   * @throws IllegalArgumentException when the MQTT client cannot be built for the endpoint
   */
  public NodeAgent(AgentSettings settings, NodeHardware hardware, InstantSource clock,
      ScheduledExecutorService scheduler) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.hardware = Objects.requireNonNull(hardware, "hardware");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.node = hardware.node();
    this.rack = hardware.rack();
    this.warnings = new PerKeyThrottle(WARN_EVERY, clock, 8);
    this.leases = new SetpointLeases(hardware, clock, settings.maxLease());
    this.commands = new CommandHandler(node, leases, clock);
    this.connection = new AgentConnection(settings, node, clock, commands, warnings);
    this.expiry = new LeaseExpiry(node, clientId() + "-leases", leases,
        settings.publishInterval(), warnings);
  }

  /**
   * Starts the lease-expiry thread, connects (client id {@code kelvin-agent-<site>-<node>}),
   * subscribes to the command topic, publishes {@code online}, and starts the publish tick.
   * Waits for the first connect (about 0.3 s on loopback, most of it Paho's own start-up), at
   * most a few seconds. When the broker cannot be reached the agent starts anyway, keeps its
   * readings and retries in the background.
   *
   * @throws AgentException when the broker refuses the login or the client id: a configuration
   *     error that retrying cannot fix
   * @throws IllegalStateException when called twice or after {@link #close()}
   */
  public void start() {
    synchronized (lifecycle) {
      if (state != State.NEW) {
        throw new IllegalStateException("the agent of " + node + " was already " + (state
            == State.STARTED ? "started" : "closed") + "; create a new NodeAgent to restart");
      }
      state = State.STARTED;
      expiry.start();
    }
    Optional<MqttFailure> failure = connection.open();
    if (failure.isPresent() && !failure.get().retriable()) {
      close();
      throw new AgentException("the agent of " + node + " cannot start: "
          + failure.get().message());
    }
    failure.ifPresent(unreachable -> LOG.warn("{}: {}; starting anyway, keeping readings and"
        + " retrying in the background", node, unreachable.message()));
    synchronized (lifecycle) {
      if (state == State.STARTED) {
        connection.reportInBackground();
        ticks = scheduler.scheduleAtFixedRate(this::tick, 0,
            settings.publishInterval().toNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }

  /** What the agent has done so far. */
  public AgentStats stats() {
    TelemetryOutbox outbox = connection.outbox();
    return new AgentStats(outbox.published(), outbox.failures(), outbox.dropped(),
        outbox.size(), sampleFailures.sum(), tickFailures.sum() + expiry.failures(),
        commands.applied(), commands.rejected(), commands.failed(), commands.malformed(),
        expiry.expired(), leases.held().size(), connection.isConnected());
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
    return AgentConnection.clientId(node);
  }

  /**
   * Stops the tick and the lease-expiry thread, restores every setpoint held under a lease to
   * its hardware default, publishes {@code offline} (retained) and disconnects, waiting a few
   * seconds at most. The setpoints are restored first and under no lock the tick holds, so
   * neither a scheduler shut down before this call nor a tick stuck in the hardware keeps the
   * node throttled. Readings still unsent are counted as dropped. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
      if (ticks != null) {
        ticks.cancel(false);
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
      Instant now = clock.instant();
      sample(now);
      if (running()) {
        connection.tick(now);
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

  private void sample(Instant now) {
    try {
      NodeReading reading = new NodeReading(node, rack, now, seq, hardware.sample());
      connection.outbox().add(seq, Json.write(TelemetryWire.encode(reading)));
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
