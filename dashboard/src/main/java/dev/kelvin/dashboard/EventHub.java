package dev.kelvin.dashboard;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.time.Scheduler;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-sent event stream, pushed on the scheduler of the sources: sends each new client the full state ({@code nodes},
 * {@code actions}, the power {@code history} and the {@code summary}), then pushes to every
 * client, each interval, the {@code nodes}, the {@code actions} that changed since the last push
 * and the {@code summary}. Each push also adds a point to the power history, page open or not.
 *
 * <p>The push thread never writes to a socket: it queues each event in every client's
 * {@link StreamClient outbox}, and senders write them out. A client whose outbox overflows or
 * whose write blocks longer than {@link StreamLimits#writeTimeout()} (a tab that stopped reading
 * without closing the connection) is dropped and counted, so it cannot delay the others. A
 * client that went away is dropped on its next write; a failure in one tick is logged and the
 * next tick runs as usual.
 */
final class EventHub implements AutoCloseable {
  /** Actions sent to a client when it connects. */
  static final int INITIAL_ACTIONS = 200;
  /** Events a client gets when it connects, before any push. */
  static final int INITIAL_EVENTS = 4;
  /** How often writes are checked against the write timeout, at most. */
  private static final Duration MAX_WATCH_PERIOD = Duration.ofSeconds(1);

  private final LiveViews views;
  private final StreamLimits limits;
  private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Scheduler scheduler;
  private final List<Scheduler.Task> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Writes outboxes out; holds a thread per client only while that client has events. */
  private final ExecutorService senders =
      Executors.newCachedThreadPool(daemons("kelvin-dashboard-sse-"));
  /**
   * Held while a client joins and while a push runs: a client that joined between a push's
   * read of the action log and its broadcast would otherwise never get those changes. Both
   * only queue events (no socket writes), so holding it is brief.
   */
  private final Object pushLock = new Object();
  private volatile boolean closed;
  private long actionsCursor;

  EventHub(LiveViews views, StreamLimits limits) {
    this.views = views;
    this.limits = limits;
    this.scheduler = views.sources().scheduler();
  }

  /** Pushes every {@code interval} on the sources' scheduler, and watches for stalled writes. */
  void start(Duration interval) {
    actionsCursor = views.ledger().refresh();
    tasks.add(scheduler.every("dashboard push", interval, interval, this::tick));
    Duration watch = Duration.ofMillis(Math.max(10, Math.min(MAX_WATCH_PERIOD.toMillis(),
        limits.writeTimeout().toMillis() / 4)));
    tasks.add(scheduler.every("dashboard stalled streams", watch, watch, this::dropStalled));
  }

  /**
   * Whether a stream from {@code remote} may open now; when every slot is taken, counts and logs
   * the refusal (the caller answers 503). {@link #connect} checks again.
   */
  boolean admit(String remote) {
    if (clients.size() < limits.maxStreams()) {
      return true;
    }
    refuse(remote);
    return false;
  }

  /**
   * Called by Javalin for each new stream: queues the full state, then the client gets live
   * pushes. Never writes to the socket itself. A stream beyond {@link StreamLimits#maxStreams()}
   * (one that passed {@link #admit} together with others) is ended at once.
   */
  void connect(SseClient sse) {
    StreamClient client = new StreamClient(sse, limits.outboxEvents(), senders);
    if (closed) {
      client.close();
      return;
    }
    sse.keepAlive();
    sse.onClose(() -> clients.remove(client));
    synchronized (pushLock) {
      if (clients.size() >= limits.maxStreams()) {
        refuse(client.remote());
        client.close();
        return;
      }
      try {
        initialState().forEach(client::offer);
      } catch (RuntimeException e) {
        views.warn("connect", "dashboard could not send the initial state, closing the stream"
            + " (the page will reconnect): " + e);
        client.close();
        return;
      }
      clients.add(client);
    }
    if (sse.terminated() || closed) {
      clients.remove(client);
      client.close();
    }
  }

  /** The {@link #INITIAL_EVENTS} a new client gets: nodes first, the summary last. */
  private List<StreamClient.Event> initialState() {
    ClusterSnapshot snapshot = views.snapshot();
    return List.of(
        new StreamClient.Event("nodes", Json.write(views.nodes(snapshot))),
        new StreamClient.Event("actions", Json.write(views.actions(INITIAL_ACTIONS))),
        new StreamClient.Event("history", Json.write(views.powerHistory().points())),
        new StreamClient.Event("summary", Json.write(views.summary(snapshot))));
  }

  int clientCount() {
    return clients.size();
  }

  /** Clients dropped since start for not keeping up (not those that closed the stream). */
  long droppedCount() {
    return dropped.get();
  }

  /** Streams refused since start because every slot was taken. */
  long refusedCount() {
    return refused.get();
  }

  private void refuse(String remote) {
    long total = refused.incrementAndGet();
    views.warn("stream limit", "dashboard refused an event stream to " + remote + ": all "
        + limits.maxStreams() + " are open (many tabs, or a client that opens streams and"
        + " never closes them?); " + total + " refused since start");
  }

  /** Stops pushing and ends every open stream, cutting off writes in progress. */
  @Override
  public void close() {
    closed = true;
    tasks.forEach(Scheduler.Task::cancel);
    for (StreamClient client : List.copyOf(clients)) {
      client.close();
    }
    clients.clear();
    senders.shutdown();
    awaitQuietly(senders);
    senders.shutdownNow();
  }

  private void tick() {
    synchronized (pushLock) {
      if (!closed) {
        push();
      }
    }
  }

  private void push() {
    try {
      ActionLedger.Changes changes = views.ledger().changesSince(actionsCursor);
      actionsCursor = changes.upToSeq();
      ClusterSnapshot snapshot = views.snapshot();
      views.powerHistory().record(snapshot.at(), snapshot.totalPowerWatts());
      if (clients.isEmpty()) {
        return;
      }
      broadcast("nodes", Json.write(views.nodes(snapshot)));
      if (!changes.entries().isEmpty()) {
        broadcast("actions", Json.write(changes.entries()));
      }
      broadcast("summary", Json.write(views.summary(snapshot)));
    } catch (RuntimeException e) {
      views.warn("push", "dashboard push failed, retrying next interval: " + e);
    }
  }

  private void broadcast(String name, String json) {
    StreamClient.Event event = new StreamClient.Event(name, json);
    for (StreamClient client : clients) {
      if (!client.offer(event)) {
        drop(client, "it left " + limits.outboxEvents() + " events unread");
      }
    }
  }

  private void dropStalled() {
    for (StreamClient client : clients) {
      if (client.writingLongerThan(limits.writeTimeout())) {
        drop(client, "a write to it blocked for more than " + limits.writeTimeout().toMillis()
            + " ms");
      }
    }
  }

  private void drop(StreamClient client, String why) {
    clients.remove(client);
    if (client.close()) {
      long total = dropped.incrementAndGet();
      views.warn("drop", "dashboard dropped the event stream to " + client.remote()
          + " because " + why + " (a browser tab that stopped reading?); " + total
          + " dropped since start");
    }
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
