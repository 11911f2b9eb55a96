package dev.kelvin.actuators;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ReleaseJob;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.Topics.Channel;
import dev.kelvin.core.wire.Topics.NodeTopic;
import dev.kelvin.mqtt.MqttFailure;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.MqttSessionException;
import dev.kelvin.mqtt.MqttTransport;
import dev.kelvin.mqtt.SessionListener;
import dev.kelvin.mqtt.SessionStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out approved actions over MQTT: a setpoint becomes a command on the node's
 * {@code cmd} topic, and the agent's ack on {@code cmd/ack}, with the value read back from the
 * hardware, becomes the {@link ActionResult}. Actions no actuator here carries out complete at
 * once as {@code UNSUPPORTED}.
 *
 * <p>Never blocks the caller and never throws for bad input: a missing broker fails the action
 * at once, a silent agent times it out after {@link ActuatorSettings#ackTimeout()} (a timer on
 * the executor's scheduler), and acks it cannot believe are refused by {@link AckRefusal}
 * reason, counted and logged at most once a minute per node and reason. Acks are handed from
 * the session's delivery thread to the scheduler, which completes the stages, so continuations
 * never run on the MQTT library's thread.
 */
public final class MqttCommandExecutor implements ActionExecutor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttCommandExecutor.class);

  private final ActuatorSettings settings;
  private final Scheduler scheduler;
  private final PendingAcks pending;
  private final ExecutorCounters counters = new ExecutorCounters();
  private final PerKeyThrottle logThrottle;
  private final MqttSession session;
  private volatile boolean closed;

  /**
   * @param scheduler completes results, times out unanswered commands and paces reconnects;
   *     give it a thread of its own in live mode
   */
  public MqttCommandExecutor(ActuatorSettings settings, MqttTransport transport,
      Scheduler scheduler) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.pending = new PendingAcks(settings.maxClockSkew());
    this.logThrottle = new PerKeyThrottle(Duration.ofMinutes(1), scheduler.clock(), 1000);
    this.session = transport.session(settings.session(), scheduler, new Events());
  }

  /**
   * Connects to the broker (reconnecting on its own from then on) and listens for acks.
   *
   * @throws ActuatorException naming the broker and a likely cause when it cannot connect
   */
  public void start() {
    session.subscribe(settings.topics().allNodes(Channel.COMMAND_ACK));
    try {
      session.open();
    } catch (MqttSessionException e) {
      throw new ActuatorException("actuators cannot start: " + e.getMessage(), e);
    }
    LOG.info("actuators connected to MQTT broker {} (client id {}); acks on {}, timeout {}",
        settings.session().endpoint(), session.clientId(),
        settings.topics().allNodes(Channel.COMMAND_ACK),
        SetpointCommands.format(settings.ackTimeout()));
  }

  /** Whether the broker connection is up now. */
  public boolean connected() {
    return session.connected();
  }

  @Override
  public CompletionStage<ActionResult> execute(Action action) {
    Objects.requireNonNull(action, "action");
    CompletableFuture<ActionResult> result;
    if (action instanceof SetpointAction setpoint) {
      result = send(setpoint);
    } else if (action instanceof DrainNode || action instanceof ResumeNode
        || action instanceof SuspendNode || action instanceof WakeNode
        || action instanceof MigrateJob || action instanceof HoldJob
        || action instanceof ReleaseJob || action instanceof FailoverSite
        || action instanceof Notify) {
      result = CompletableFuture.completedFuture(Unsupported.result(action, scheduler.now()));
    } else {
      throw new AssertionError(action);
    }
    return result.thenApply(this::counted).minimalCompletionStage();
  }

  /** Counts since construction. */
  public ExecutorStats stats() {
    return counters.stats(pending.size());
  }

  /** The MQTT session's counts: connects, losses, refusals. */
  public SessionStats sessionStats() {
    return session.stats();
  }

  /** Fails every pending command with "executor closed" and disconnects. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    pending.close("executor closed", scheduler.now());
    session.close();
  }

  private CompletableFuture<ActionResult> send(SetpointAction action) {
    Instant now = scheduler.now();
    if (closed) {
      return failed(action, now, "executor closed: " + action.describe() + " for "
          + action.node() + " was not sent");
    }
    if (!session.connected()) {
      return failed(action, now, "not connected to MQTT broker " + settings.session().endpoint()
          + " (not started yet, or the broker went away and the executor is reconnecting): "
          + action.describe() + " for " + action.node() + " was not sent");
    }
    byte[] payload = Acks.encode(SetpointCommands.command(action, now));
    CompletableFuture<ActionResult> future =
        pending.register(action, now, settings.ackTimeout());
    if (future.isDone()) {
      return future;
    }
    scheduler.schedule("ack timeout " + action.id(), settings.ackTimeout(),
        () -> expireOverdue());
    session.publish(settings.topics().nodeCommand(action.node()), payload, false,
        outcome -> published(action, future, outcome)).ifPresent(
            refused -> published(action, future, java.util.Optional.of(refused)));
    return future;
  }

  private void published(SetpointAction action, CompletableFuture<ActionResult> future,
      java.util.Optional<MqttFailure> outcome) {
    if (outcome.isEmpty()) {
      counters.sent();
      return;
    }
    String detail = action.describe() + " for " + action.node() + " was not delivered: "
        + outcome.get().message();
    scheduler.execute("command failed " + action.id(),
        () -> pending.fail(action.id(), future, detail, scheduler.now()));
  }

  /**
   * Matches one ack to its pending command. An ack is used only when it comes on the ack topic
   * of the command's own node, for a command in flight, and can be believed
   * ({@link AckChecks}); anything else is refused by reason, counted and logged at most once a
   * minute per node and reason, and changes nothing.
   */
  void handleAck(String topic, byte[] payload) {
    Instant now = scheduler.now();
    Optional<NodeTopic> from = settings.topics().parseNode(topic);
    if (from.isEmpty() || from.get().channel() != Channel.COMMAND_ACK) {
      refuse(AckRefusal.MALFORMED, WireText.shown(topic), "?", "the topic is not a node's cmd/ack topic under '"
          + settings.topics().prefix() + "'");
      return;
    }
    NodeId node = from.get().node();
    CommandAck ack;
    try {
      ack = Acks.decode(payload);
    } catch (ValidationException e) {
      refuse(AckRefusal.MALFORMED, node.toString(), "?", e.getMessage());
      return;
    }
    pending.complete(node, ack, now).ifPresent(refused ->
        refuse(refused.reason(), node.toString(), ack.id(), refused.why()));
  }

  private void refuse(AckRefusal reason, String source, String id, String why) {
    counters.refusedAck(reason);
    if (!logThrottle.allow(reason.label() + " " + source)) {
      return;
    }
    String line = "refused ack {} from {} as {} ({}): {}. Nothing was changed; logged at most"
        + " once a minute per node and reason";
    Object[] args = {id, source, reason.label(), reason.meaning(), why};
    if (reason.suspicious()) {
      LOG.warn(line, args);
    } else {
      LOG.info(line, args);
    }
  }

  private void expireOverdue() {
    int expired = pending.expire(scheduler.now());
    if (expired > 0) {
      LOG.warn("{} command(s) got no ack within {}", expired,
          SetpointCommands.format(settings.ackTimeout()));
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

  /** The session's events: acks go to the scheduler; connection changes to the log. */
  private final class Events implements SessionListener {
    @Override
    public void message(String topic, byte[] payload) {
      scheduler.execute("ack from " + topic, () -> handleAck(topic, payload));
    }

    @Override
    public void connected(boolean reconnect) {
      if (reconnect) {
        LOG.info("reconnected to {}; listening for acks again", settings.session().endpoint());
      }
    }

    @Override
    public void connectionLost(MqttFailure failure) {
      LOG.warn("lost the connection to MQTT broker {} ({}); reconnecting, and commands fail"
          + " until then", settings.session().endpoint(), failure.message());
    }
  }
}
