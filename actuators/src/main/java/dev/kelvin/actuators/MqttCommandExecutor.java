package dev.kelvin.actuators;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.Topics.Channel;
import dev.kelvin.core.wire.Topics.NodeTopic;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out approved actions over MQTT: a setpoint becomes a command on the node's
 * {@code cmd} topic, and the agent's ack on {@code cmd/ack}, with the value read back from the
 * hardware, becomes the {@link ActionResult}. Actions no actuator here carries out complete at
 * once as {@code UNSUPPORTED}.
 *
 * <p>Never blocks the caller and never throws for bad input: a missing broker fails the action
 * at once, a silent agent times it out after {@link ActuatorSettings#ackTimeout()}, malformed
 * or unknown acks are counted and logged at most once a minute per node. Acks are handed from
 * Paho's thread to the executor's own thread, which completes the stages, so continuations
 * never run on Paho's thread.
 */
public final class MqttCommandExecutor implements ActionExecutor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttCommandExecutor.class);

  private final ActuatorSettings settings;
  private final InstantSource clock;
  private final PendingAcks pending = new PendingAcks();
  private final CommandJson json = new CommandJson();
  private final ExecutorCounters counters = new ExecutorCounters();
  private final PerKeyThrottle logThrottle;
  private final ScheduledThreadPoolExecutor worker;
  private final MqttLink link;
  private volatile boolean started;
  private volatile boolean closed;

  public MqttCommandExecutor(ActuatorSettings settings, InstantSource clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.logThrottle = new PerKeyThrottle(Duration.ofMinutes(1), clock, 1000);
    this.worker = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "kelvin-actuators-" + settings.clientId());
      thread.setDaemon(true);
      return thread;
    });
    this.link = new MqttLink(settings, this::onMessage);
  }

  /**
   * Connects to the broker (reconnecting automatically from then on) and listens for acks.
   *
   * @throws ActuatorException naming the broker and a likely cause when it cannot connect
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("executor for " + settings.endpoint() + " is closed");
    }
    if (started) {
      throw new IllegalStateException("executor for " + settings.endpoint() + " already started");
    }
    link.connect();
    started = true;
    long sweepMillis = sweepPeriod(settings.ackTimeout()).toMillis();
    worker.scheduleWithFixedDelay(this::expireOverdue, sweepMillis, sweepMillis,
        TimeUnit.MILLISECONDS);
    LOG.info("actuators connected to MQTT broker {} (client id {}); acks on {}, timeout {}",
        settings.endpoint(), settings.clientId(), settings.topics().allNodes(Channel.COMMAND_ACK),
        SetpointCommands.format(settings.ackTimeout()));
  }

  /** Whether the broker connection is up now. */
  public boolean connected() {
    return link.connected();
  }

  @Override
  public CompletionStage<ActionResult> execute(Action action) {
    Objects.requireNonNull(action, "action");
    CompletableFuture<ActionResult> result;
    if (action instanceof SetpointAction setpoint) {
      result = send(setpoint);
    } else if (action instanceof DrainNode || action instanceof ResumeNode
        || action instanceof SuspendNode || action instanceof WakeNode
        || action instanceof MigrateJob || action instanceof FailoverSite
        || action instanceof Notify) {
      result = CompletableFuture.completedFuture(Unsupported.result(action, clock.instant()));
    } else {
      throw new AssertionError(action);
    }
    return result.thenApply(this::counted).minimalCompletionStage();
  }

  /** Counts since construction. */
  public ExecutorStats stats() {
    return counters.stats(pending.size());
  }

  /** Fails every pending command with "executor closed", disconnects and stops the thread. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    pending.close("executor closed", clock.instant());
    link.close();
    worker.shutdownNow();
  }

  private CompletableFuture<ActionResult> send(SetpointAction action) {
    Instant now = clock.instant();
    if (closed) {
      return failed(action, now, "executor closed: " + action.describe() + " for "
          + action.node() + " was not sent");
    }
    if (!link.connected()) {
      return failed(action, now, MqttErrors.notConnected(settings.endpoint()).getMessage()
          + ": " + action.describe() + " for " + action.node() + " was not sent");
    }
    byte[] payload = json.encode(SetpointCommands.command(action, now));
    CompletableFuture<ActionResult> future =
        pending.register(action, now, settings.ackTimeout());
    if (future.isDone()) {
      return future;
    }
    link.publish(settings.topics().nodeCommand(action.node()), payload)
        .whenComplete((ok, error) -> published(action, future, error));
    return future;
  }

  private void published(SetpointAction action, CompletableFuture<ActionResult> future,
      Throwable error) {
    if (error == null) {
      counters.sent();
      return;
    }
    String detail = action.describe() + " for " + action.node() + " was not delivered: "
        + error.getMessage();
    try {
      worker.execute(() -> pending.fail(action.id(), future, detail, clock.instant()));
    } catch (RejectedExecutionException shutDown) {
      pending.fail(action.id(), future, detail, clock.instant());
    }
  }

  /** Called on Paho's thread: hands the message to the executor's own thread. */
  void onMessage(String topic, byte[] payload) {
    try {
      worker.execute(() -> handleAck(topic, payload));
    } catch (RejectedExecutionException shutDown) {
      LOG.debug("ack on {} arrived after close; ignored", topic);
    }
  }

  /** Matches one ack to its pending command; counts and logs what it cannot use. */
  void handleAck(String topic, byte[] payload) {
    Instant now = clock.instant();
    Optional<NodeTopic> from = settings.topics().parseNode(topic);
    if (from.isEmpty() || from.get().channel() != Channel.COMMAND_ACK) {
      malformed(topic, "the topic is not a node's cmd/ack topic under '"
          + settings.topics().prefix() + "'");
      return;
    }
    NodeId node = from.get().node();
    CommandAck ack;
    try {
      ack = json.decodeAck(payload);
    } catch (ValidationException e) {
      malformed(topic, e.getMessage());
      return;
    }
    PendingAcks.Match match = pending.complete(node, ack, now);
    if (match != PendingAcks.Match.COMPLETED) {
      counters.unknownAck();
      if (logThrottle.allow("unknown " + node)) {
        LOG.info("ack '{}' ({}) from {} matches no command this controller awaits{}: late after"
            + " its timeout, a duplicate, or another controller's (logged once a minute per"
            + " node)", ack.id(), ack.status().label(), node,
            match == PendingAcks.Match.WRONG_NODE ? " from that node" : "");
      }
    }
  }

  private void malformed(String topic, String why) {
    counters.malformedAck();
    if (logThrottle.allow("malformed " + topic)) {
      LOG.warn("malformed ack on {} ignored: {} (logged once a minute per topic)", topic, why);
    }
  }

  private void expireOverdue() {
    try {
      int expired = pending.expire(clock.instant());
      if (expired > 0) {
        LOG.warn("{} command(s) got no ack within {}", expired,
            SetpointCommands.format(settings.ackTimeout()));
      }
    } catch (RuntimeException e) {
      LOG.error("checking command timeouts failed; will try again", e);
    }
  }

  /** Counts a result before any caller sees it, so that stats agree with what callers saw. */
  private ActionResult counted(ActionResult result) {
    counters.result(result);
    return result;
  }

  private static CompletableFuture<ActionResult> failed(SetpointAction action, Instant at,
      String detail) {
    return CompletableFuture.completedFuture(
        ActionResult.of(action.id(), Outcome.FAILED, at, detail));
  }

  /** A tenth of the ack timeout, within 10-250 ms: how late a timeout may be noticed. */
  static Duration sweepPeriod(Duration ackTimeout) {
    Duration tenth = ackTimeout.dividedBy(10);
    Duration floor = Duration.ofMillis(10);
    Duration ceiling = Duration.ofMillis(250);
    return tenth.compareTo(floor) < 0 ? floor : tenth.compareTo(ceiling) > 0 ? ceiling : tenth;
  }
}
