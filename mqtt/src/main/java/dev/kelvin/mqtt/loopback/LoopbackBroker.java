package dev.kelvin.mqtt.loopback;

import dev.kelvin.core.time.Scheduler;
import dev.kelvin.mqtt.Acknowledgement;
import dev.kelvin.mqtt.MqttFailure;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.MqttTransport;
import dev.kelvin.mqtt.SessionListener;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.TopicFilter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An MQTT broker inside the process, for tests and simulation in virtual time: every message
 * is delivered through the broker's {@link Scheduler} (so with a virtual scheduler, in a fixed
 * order and at the instant it was published), with the semantics Kelvin relies on: QoS 1
 * delivery in order, topic filters with {@code +} and {@code #}, retained messages, clean and
 * persistent sessions (subscriptions kept and messages queued while a persistent client is
 * away), a new connect with a client id taking the old session over, and the Last Will of a
 * client that vanished. {@link #stop()} and {@link #start()} play an outage; {@link #kill}
 * makes one client vanish. It authenticates no one: use a real broker to test logins and ACLs.
 * Thread-safe.
 */
public final class LoopbackBroker implements MqttTransport {
  /** Messages queued at most for one persistent client that is away. */
  static final int MAX_QUEUED = 100_000;

  private final Scheduler scheduler;
  private final Object lock = new Object();
  private final Map<String, BrokerSession> sessions = new HashMap<>();
  private final Map<String, byte[]> retained = new HashMap<>();
  private final Set<String> cut = new java.util.HashSet<>();
  private boolean running = true;

  /** What the broker keeps for one client id. */
  private static final class BrokerSession {
    final Set<String> filters = new LinkedHashSet<>();
    final ArrayDeque<Message> queue = new ArrayDeque<>();
    /** Sent to a client that acknowledges itself and not yet acknowledged, by send number. */
    final LinkedHashMap<Long, Message> unacknowledged = new LinkedHashMap<>();
    long sent;
    LoopbackSession attached;
    boolean persistent;
  }

  /** One message on its way. */
  record Message(String topic, byte[] payload, boolean retained) {}

  public LoopbackBroker(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public MqttSession session(SessionSettings settings, Scheduler sessionScheduler,
      SessionListener listener) {
    return new LoopbackSession(this, settings, sessionScheduler, listener);
  }

  /** An outage: every connection drops and connects fail until {@link #start()}. */
  public void stop() {
    java.util.List<LoopbackSession> dropped = new java.util.ArrayList<>();
    synchronized (lock) {
      running = false;
      for (BrokerSession session : sessions.values()) {
        if (session.attached != null) {
          dropped.add(session.attached);
          session.attached = null;
        }
      }
    }
    MqttFailure failure = new MqttFailure(MqttFailure.Kind.DISCONNECTED,
        "the loopback broker stopped");
    dropped.forEach(session -> deliver(() -> session.dropped(failure)));
  }

  /** The outage is over: connects succeed again; sessions and retained messages survived. */
  public void start() {
    synchronized (lock) {
      running = true;
    }
  }

  /**
   * Cuts one client off, as a pulled cable would: it vanishes (its Last Will goes out) and its
   * connects are refused until {@link #restore(String)}.
   */
  public void cut(String clientId) {
    synchronized (lock) {
      cut.add(clientId);
    }
    kill(clientId);
  }

  /** Lets a client that was {@link #cut} connect again. */
  public void restore(String clientId) {
    synchronized (lock) {
      cut.remove(clientId);
    }
  }

  /** Client {@code clientId} vanishes without a clean disconnect: its Last Will goes out. */
  public void kill(String clientId) {
    LoopbackSession victim;
    synchronized (lock) {
      BrokerSession session = sessions.get(clientId);
      victim = session == null ? null : session.attached;
      if (victim == null) {
        return;
      }
      session.attached = null;
    }
    publishWill(victim);
    deliver(() -> victim.dropped(new MqttFailure(MqttFailure.Kind.DISCONNECTED,
        "the loopback broker dropped client " + clientId)));
  }

  /** The retained message on {@code topic}, if any, as text. */
  public Optional<String> retained(String topic) {
    synchronized (lock) {
      byte[] payload = retained.get(topic);
      return payload == null ? Optional.empty()
          : Optional.of(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** Whether a client with {@code clientId} is connected now. */
  public boolean connected(String clientId) {
    synchronized (lock) {
      BrokerSession session = sessions.get(clientId);
      return session != null && session.attached != null;
    }
  }

  Optional<MqttFailure> connect(LoopbackSession client) {
    LoopbackSession takenOver = null;
    BrokerSession session;
    synchronized (lock) {
      if (!running || cut.contains(client.clientId())) {
        return Optional.of(new MqttFailure(MqttFailure.Kind.UNREACHABLE,
            "could not connect to the loopback broker: it is "
                + (running ? "cut off from " + client.clientId() : "stopped")));
      }
      session = sessions.get(client.clientId());
      if (session != null && session.attached != null) {
        takenOver = session.attached;
      }
      if (session == null || client.settings().cleanSession()) {
        session = new BrokerSession();
        sessions.put(client.clientId(), session);
      }
      session.persistent = !client.settings().cleanSession();
      session.attached = client;
      requeueUnacknowledged(session);
    }
    if (takenOver != null) {
      LoopbackSession old = takenOver;
      deliver(() -> old.dropped(new MqttFailure(MqttFailure.Kind.TAKEN_OVER,
          "another client connected with the same client id " + client.clientId()
              + " and took the session over")));
    }
    flushQueue(client.clientId());
    return Optional.empty();
  }

  void subscribe(LoopbackSession client, String filter) {
    java.util.List<Message> matching = new java.util.ArrayList<>();
    synchronized (lock) {
      BrokerSession session = sessions.get(client.clientId());
      if (session == null || session.attached != client) {
        return;
      }
      session.filters.add(filter);
      retained.forEach((topic, payload) -> {
        if (TopicFilter.matches(filter, topic)) {
          matching.add(new Message(topic, payload, true));
        }
      });
    }
    matching.forEach(message -> deliver(() -> client.arrived(message.topic(),
        message.payload(), Acknowledgement.NONE)));
  }

  /** Routes a message; empty when accepted, else why not. */
  Optional<MqttFailure> publish(LoopbackSession from, Message message) {
    synchronized (lock) {
      BrokerSession sender = sessions.get(from.clientId());
      if (!running || sender == null || sender.attached != from) {
        return Optional.of(new MqttFailure(MqttFailure.Kind.DISCONNECTED,
            "not connected to the loopback broker"));
      }
      route(message);
    }
    return Optional.empty();
  }

  void disconnect(LoopbackSession client) {
    synchronized (lock) {
      BrokerSession session = sessions.get(client.clientId());
      if (session != null && session.attached == client) {
        session.attached = null;
        if (!session.persistent) {
          sessions.remove(client.clientId());
        }
      }
    }
  }

  /** Runs {@code task} through the broker's scheduler: the one way anything is delivered. */
  void deliver(Runnable task) {
    scheduler.execute("loopback delivery", task);
  }

  private void route(Message message) {
    if (message.retained()) {
      if (message.payload().length == 0) {
        retained.remove(message.topic());
      } else {
        retained.put(message.topic(), message.payload());
      }
    }
    for (BrokerSession session : sessions.values()) {
      if (session.filters.stream().noneMatch(f -> TopicFilter.matches(f, message.topic()))) {
        continue;
      }
      LoopbackSession target = session.attached;
      if (target != null) {
        send(session, target, message);
      } else if (session.persistent && session.queue.size() < MAX_QUEUED) {
        session.queue.add(message);
      }
    }
  }

  private void flushQueue(String clientId) {
    synchronized (lock) {
      BrokerSession session = sessions.get(clientId);
      LoopbackSession target = session.attached;
      while (!session.queue.isEmpty()) {
        send(session, target, session.queue.poll());
      }
    }
  }

  /**
   * Sends {@code message} to {@code target}; to a client that acknowledges itself, keeps it
   * until acknowledged, to send again after a reconnect. Under the lock.
   */
  private void send(BrokerSession session, LoopbackSession target, Message message) {
    if (!target.acknowledging()) {
      deliver(() -> target.arrived(message.topic(), message.payload(), Acknowledgement.NONE));
      return;
    }
    long number = session.sent++;
    session.unacknowledged.put(number, message);
    Acknowledgement ack = () -> {
      synchronized (lock) {
        session.unacknowledged.remove(number);
      }
    };
    deliver(() -> target.arrived(message.topic(), message.payload(), ack));
  }

  /**
   * What a persistent session's client never acknowledged goes out again first, in order, as a
   * broker resends unacknowledged messages on a resumed session. Under the lock.
   */
  private static void requeueUnacknowledged(BrokerSession session) {
    java.util.List<Message> again = new java.util.ArrayList<>(session.unacknowledged.values());
    session.unacknowledged.clear();
    for (int i = again.size() - 1; i >= 0; i--) {
      session.queue.addFirst(again.get(i));
    }
  }

  private void publishWill(LoopbackSession victim) {
    victim.settings().will().ifPresent(will -> {
      synchronized (lock) {
        route(new Message(will.topic(),
            will.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), will.retained()));
      }
    });
  }
}
