package dev.kelvin.mqtt;

import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link MqttSession} over Paho's asynchronous MQTT 5 client. Paho's own automatic
 * reconnect stays off: closed during an outage, it leaves a non-daemon timer thread that keeps
 * the JVM alive (a test in this module shows it); reconnects are paced by a
 * {@link ReconnectLoop} on the session's scheduler instead, so they also follow virtual time.
 */
final class PahoSession implements MqttSession {
  private static final Logger LOG = LoggerFactory.getLogger(PahoSession.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private enum State { NEW, OPEN, CLOSED }

  private final SessionSettings settings;
  private final SessionListener listener;
  private final MqttAsyncClient client;
  private final MqttConnectionOptions options;
  private final ReconnectLoop reconnects;
  /** From a loss until a reconnect succeeds. */
  private volatile boolean awaitingReconnect;
  private final SessionCounters counters = new SessionCounters();
  private final PerKeyThrottle refusalLog;
  private final PahoSubscriptions subscriptions;
  private final Object lifecycle = new Object();
  private State state = State.NEW;
  /** Whether the listener acknowledges each message itself. */
  private final boolean manualAcks;
  /** Counts connections lost: an acknowledgement holds the count it was made under. */
  private final AtomicLong losses = new AtomicLong();
  private final Object acks = new Object();

  PahoSession(SessionSettings settings, Scheduler scheduler, SessionListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.manualAcks = listener instanceof AcknowledgingListener;
    this.options = PahoOptions.of(settings, manualAcks);
    this.refusalLog = new PerKeyThrottle(Duration.ofMinutes(1), scheduler.clock(), 4);
    try {
      client = new MqttAsyncClient(settings.endpoint().broker().toString(), settings.clientId(),
          new MemoryPersistence());
    } catch (MqttException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot make an MQTT client " + settings.clientId()
          + " for " + settings.endpoint() + ": " + e.getMessage(), e);
    }
    client.setCallback(new PahoCallback(this));
    client.setManualAcks(manualAcks);
    subscriptions = new PahoSubscriptions(client, settings, this::refused,
        () -> notifyConnected(true));
    reconnects = new ReconnectLoop(scheduler, settings.reconnect(), settings.clientId(),
        this::reconnect, settings.connectTimeout().plusSeconds(5));
  }

  @Override
  public String clientId() {
    return settings.clientId();
  }

  @Override
  public void subscribe(String topicFilter) {
    subscriptions.add(topicFilter);
  }

  @Override
  public Optional<MqttFailure> openOrKeepTrying() {
    try {
      open(true);
      return Optional.empty();
    } catch (MqttSessionException e) {
      if (!e.failure().retriable() || closed()) {
        throw e;
      }
      reconnects.failed(e.failure());
      return Optional.of(e.failure());
    }
  }

  @Override
  public void open() {
    open(false);
  }

  private void open(boolean keepTrying) {
    synchronized (lifecycle) {
      if (state != State.NEW) {
        throw new IllegalStateException("MQTT session " + clientId() + " was already "
            + (state == State.OPEN ? "opened" : "closed") + "; make a new one");
      }
      state = State.OPEN;
    }
    try {
      long waitMillis = settings.connectTimeout().plusSeconds(1).toMillis();
      client.connect(options).waitForCompletion(waitMillis);
      subscriptions.subscribeAll(waitMillis);
    } catch (MqttException e) {
      failOpen(PahoFailures.of(e, settings.endpoint(), clientId()), keepTrying);
    } catch (MqttSessionException e) {
      failOpen(e.failure(), keepTrying);
    }
    counters.connects.increment();
    reconnects.succeeded();
    notifyConnected(false);
  }

  @Override
  public boolean connected() {
    return client.isConnected();
  }

  @Override
  public Optional<MqttFailure> publish(String topic, byte[] payload, boolean retained,
      Consumer<Optional<MqttFailure>> done) {
    Consumer<Optional<MqttFailure>> counted = outcome -> {
      counters.publishOutcome(outcome);
      outcome.filter(failure -> failure.kind() == MqttFailure.Kind.MESSAGE_REFUSED)
          .ifPresent(this::refusedMessage);
      done.accept(outcome);
    };
    try {
      client.publish(topic, payload, 1, retained, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          counted.accept(PahoFailures.refusal(token.getReasonCodes(), "a message on " + topic,
              settings.endpoint()));
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          counted.accept(Optional.of(PahoFailures.of(error, settings.endpoint(), clientId())));
        }
      });
      return Optional.empty();
    } catch (MqttException | RuntimeException e) {
      MqttFailure failure = PahoFailures.of(e, settings.endpoint(), clientId());
      counters.publishOutcome(Optional.of(failure));
      return Optional.of(failure);
    }
  }

  @Override
  public SessionStats stats() {
    return counters.stats(this::connected);
  }

  @Override
  public void close() {
    synchronized (lifecycle) {
      if (state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
    }
    losses.incrementAndGet();
    reconnects.close();
    release();
  }

  /** Paho's callback: an established connection dropped. */
  void lost(MqttFailure failure) {
    if (closed()) {
      return;
    }
    losses.incrementAndGet();
    counters.lost(failure);
    awaitingReconnect = true;
    guarded("connectionLost", () -> listener.connectionLost(failure));
    reconnects.lost(failure);
  }

  /** Paho's callback: message {@code id} arrived at {@code qos}. */
  void arrived(String topic, byte[] payload, int id, int qos) {
    counters.received.increment();
    if (manualAcks) {
      Acknowledgement ack = qos == 0 ? Acknowledgement.NONE : acknowledgement(id, qos);
      guarded("message", () -> ((AcknowledgingListener) listener).message(topic, payload, ack));
    } else {
      guarded("message", () -> listener.message(topic, payload));
    }
  }

  /**
   * Acknowledges message {@code id} on the connection it came on; once that connection is lost,
   * does nothing, since the broker sends the message again and its id may by then name another.
   */
  private Acknowledgement acknowledgement(int id, int qos) {
    long on = losses.get();
    return () -> {
      synchronized (acks) {
        if (losses.get() != on) {
          return;
        }
        try {
          client.messageArrivedComplete(id, qos);
        } catch (MqttException | RuntimeException e) {
          LOG.debug("{}: could not acknowledge message {}; the broker sends it again", clientId(),
              id, e);
        }
      }
    };
  }

  SessionSettings settings() {
    return settings;
  }

  /**
   * One reconnect attempt. A client that still says it is connected after a loss is still
   * closing the lost connection (Paho reports the loss before it is done): that attempt fails
   * and the next one, a pace later, connects; only a client connected since is taken as up.
   */
  private void reconnect(ReconnectLoop loop) {
    if (closed() || (client.isConnected() && !awaitingReconnect)) {
      loop.succeeded();
      return;
    }
    if (client.isConnected()) {
      loop.failed(new MqttFailure(MqttFailure.Kind.DISCONNECTED, "the client is still closing"
          + " the connection it lost"));
      return;
    }
    try {
      client.connect(options, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          counters.connects.increment();
          awaitingReconnect = false;
          loop.succeeded();
          subscriptions.renew();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          connectFailed(loop, PahoFailures.of(error, settings.endpoint(), clientId()));
        }
      });
    } catch (MqttException | RuntimeException e) {
      connectFailed(loop, PahoFailures.of(e, settings.endpoint(), clientId()));
    }
  }

  private void connectFailed(ReconnectLoop loop, MqttFailure failure) {
    counters.connectFailures.increment();
    if (!failure.retriable()) {
      refused(failure);
    }
    loop.failed(failure);
  }

  /**
   * A message the broker refused (its ACL, a size or quota limit): counted with the others,
   * logged at ERROR at most once a minute, so a refusal is never silent nor a flood.
   */
  private void refusedMessage(MqttFailure failure) {
    if (refusalLog.allow("message")) {
      LOG.error("{}: {} (such refusals are counted and logged at most once a minute)",
          clientId(), failure.message());
    }
  }

  private void refused(MqttFailure failure) {
    counters.refusals.increment();
    LOG.error("{}: {}", clientId(), failure.message());
    guarded("refused", () -> listener.refused(failure));
  }

  private void notifyConnected(boolean reconnect) {
    guarded("connected", () -> listener.connected(reconnect));
  }

  /** A failed first connect: closes the session unless it is to keep trying a retriable one. */
  private void failOpen(MqttFailure failure, boolean keepTrying) {
    counters.connectFailures.increment();
    if (!failure.retriable()) {
      counters.refusals.increment();
    }
    if (!keepTrying || !failure.retriable()) {
      close();
    }
    throw new MqttSessionException(failure);
  }

  private boolean closed() {
    synchronized (lifecycle) {
      return state == State.CLOSED;
    }
  }

  private void release() {
    long millis = CLOSE_WAIT.toMillis();
    try {
      if (client.isConnected()) {
        client.disconnect(millis).waitForCompletion(millis);
      }
    } catch (MqttException | RuntimeException e) {
      LOG.debug("{}: clean disconnect failed, forcing it", clientId(), e);
    }
    try {
      if (client.isConnected()) {
        client.disconnectForcibly(0, 100, false);
      }
      client.close(true);
    } catch (MqttException | RuntimeException e) {
      LOG.debug("{}: closing the MQTT client failed", clientId(), e);
    }
  }

  private void guarded(String what, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.error("{}: the session listener failed in {}; the connection stays up", clientId(),
          what, e);
    }
  }

  /** The will and status payloads are text. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
