package dev.kelvin.mqtt.loopback;

import dev.kelvin.core.time.Scheduler;
import dev.kelvin.mqtt.Acknowledgement;
import dev.kelvin.mqtt.AcknowledgingListener;
import dev.kelvin.mqtt.MqttFailure;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.MqttSessionException;
import dev.kelvin.mqtt.ReconnectLoop;
import dev.kelvin.mqtt.SessionListener;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.SessionStats;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session with a {@link LoopbackBroker}: the same contract as a session over the network,
 * reconnect pacing included (the same {@link ReconnectLoop}), so that code written against {@link MqttSession} runs unchanged
 * in virtual time. Its listener is called on the broker's scheduler.
 */
final class LoopbackSession implements MqttSession {
  private static final Logger LOG = LoggerFactory.getLogger(LoopbackSession.class);

  private final LoopbackBroker broker;
  private final SessionSettings settings;
  private final Scheduler scheduler;
  private final SessionListener listener;
  private final List<String> filters = new CopyOnWriteArrayList<>();
  private final LongAdder connects = new LongAdder();
  private final LongAdder lost = new LongAdder();
  private final LongAdder takeovers = new LongAdder();
  private final LongAdder connectFailures = new LongAdder();
  private final LongAdder published = new LongAdder();
  private final LongAdder publishFailures = new LongAdder();
  private final LongAdder received = new LongAdder();
  private volatile boolean connected;
  private volatile boolean opened;
  private volatile boolean closed;
  private final ReconnectLoop reconnects;

  LoopbackSession(LoopbackBroker broker, SessionSettings settings, Scheduler scheduler,
      SessionListener listener) {
    this.broker = broker;
    this.settings = settings;
    this.scheduler = scheduler;
    this.listener = listener;
    this.reconnects = new ReconnectLoop(scheduler, settings.reconnect(), settings.clientId(),
        this::reconnect);
  }

  @Override
  public String clientId() {
    return settings.clientId();
  }

  SessionSettings settings() {
    return settings;
  }

  @Override
  public void subscribe(String topicFilter) {
    filters.add(topicFilter);
    if (connected) {
      broker.subscribe(this, topicFilter);
    }
  }

  @Override
  public synchronized Optional<MqttFailure> openOrKeepTrying() {
    Optional<MqttFailure> failure = firstConnect();
    failure.ifPresent(reconnects::failed);
    return failure;
  }

  @Override
  public synchronized void open() {
    Optional<MqttFailure> failure = firstConnect();
    if (failure.isPresent()) {
      closed = true;
      throw new MqttSessionException(failure.get());
    }
  }

  /** The first connect: empty when connected, else why not. */
  private Optional<MqttFailure> firstConnect() {
    if (opened || closed) {
      throw new IllegalStateException("loopback session " + clientId() + " was already opened"
          + " or closed; make a new one");
    }
    opened = true;
    Optional<MqttFailure> failure = broker.connect(this);
    if (failure.isPresent()) {
      connectFailures.increment();
      return failure;
    }
    reconnects.succeeded();
    attached(false);
    return Optional.empty();
  }

  @Override
  public boolean connected() {
    return connected;
  }

  @Override
  public Optional<MqttFailure> publish(String topic, byte[] payload, boolean retained,
      Consumer<Optional<MqttFailure>> done) {
    Optional<MqttFailure> refused = connected ? broker.publish(this,
        new LoopbackBroker.Message(topic, payload.clone(), retained))
        : Optional.of(new MqttFailure(MqttFailure.Kind.DISCONNECTED,
            "not connected to the loopback broker"));
    if (refused.isPresent()) {
      publishFailures.increment();
      return refused;
    }
    broker.deliver(() -> {
      published.increment();
      done.accept(Optional.empty());
    });
    return Optional.empty();
  }

  @Override
  public SessionStats stats() {
    return new SessionStats(connects.sum(), lost.sum(), takeovers.sum(), connectFailures.sum(), 0,
        published.sum(), publishFailures.sum(), received.sum(), connected);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    reconnects.close();
    if (connected) {
      connected = false;
      broker.disconnect(this);
    }
  }

  /** Whether the listener acknowledges each message itself. */
  boolean acknowledging() {
    return listener instanceof AcknowledgingListener;
  }

  /** A message from the broker; {@code ack} tells it that the message is safe here. */
  void arrived(String topic, byte[] payload, Acknowledgement ack) {
    if (!connected) {
      return;
    }
    received.increment();
    if (listener instanceof AcknowledgingListener acknowledging) {
      guarded(() -> acknowledging.message(topic, payload, ack));
    } else {
      guarded(() -> listener.message(topic, payload));
    }
  }

  /** The broker dropped this client (outage, kill, take-over): reconnect as a real one would. */
  synchronized void dropped(MqttFailure failure) {
    if (!connected || closed) {
      return;
    }
    connected = false;
    lost.increment();
    if (failure.kind() == MqttFailure.Kind.TAKEN_OVER) {
      takeovers.increment();
    }
    guarded(() -> listener.connectionLost(failure));
    reconnects.lost(failure);
  }

  private synchronized void reconnect(ReconnectLoop loop) {
    if (closed || connected) {
      loop.succeeded();
      return;
    }
    Optional<MqttFailure> failure = broker.connect(this);
    if (failure.isEmpty()) {
      loop.succeeded();
      attached(true);
      return;
    }
    connectFailures.increment();
    loop.failed(failure.get());
  }

  private void attached(boolean reconnect) {
    connected = true;
    connects.increment();
    filters.forEach(filter -> broker.subscribe(this, filter));
    guarded(() -> listener.connected(reconnect));
  }

  private void guarded(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.error("{}: the session listener failed", clientId(), e);
    }
  }
}
