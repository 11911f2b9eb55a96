package dev.kelvin.dashboard;

import dev.kelvin.core.model.ClusterSnapshot;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent event stream: sends each new client the full state, then pushes to every
 * client, each interval, the {@code nodes}, the {@code actions} that changed since the last
 * push and the {@code summary}. A client that went away is dropped on the next send; a failure
 * in one tick is logged and the next tick runs as usual.
 */
final class EventHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
  /** Actions sent to a client when it connects. */
  static final int INITIAL_ACTIONS = 200;

  private final LiveViews views;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(
      task -> {
        Thread thread = new Thread(task, "kelvin-dashboard-push");
        thread.setDaemon(true);
        return thread;
      });
  private volatile boolean closed;
  private long actionsCursor;

  EventHub(LiveViews views) {
    this.views = views;
  }

  void start(Duration interval) {
    actionsCursor = views.ledger().refresh();
    long millis = interval.toMillis();
    pusher.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Called on a Jetty thread for each new stream: full state first, then live pushes. */
  void connect(SseClient client) {
    if (closed) {
      client.close();
      return;
    }
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    try {
      ClusterSnapshot snapshot = views.snapshot();
      send(client, "nodes", Json.write(views.nodes(snapshot)));
      send(client, "actions", Json.write(views.actions(INITIAL_ACTIONS)));
      send(client, "summary", Json.write(views.summary(snapshot)));
    } catch (RuntimeException e) {
      views.warn("connect", "dashboard could not send the initial state, closing the stream"
          + " (the page will reconnect): " + e);
      closeQuietly(client);
      return;
    }
    if (!client.terminated()) {
      clients.add(client);
    }
  }

  int clientCount() {
    return clients.size();
  }

  /** Stops pushing and ends every open stream. */
  @Override
  public void close() {
    closed = true;
    pusher.shutdownNow();
    try {
      pusher.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SseClient client : List.copyOf(clients)) {
      closeQuietly(client);
    }
    clients.clear();
  }

  private void tick() {
    try {
      ActionLedger.Changes changes = views.ledger().changesSince(actionsCursor);
      actionsCursor = changes.upToSeq();
      if (clients.isEmpty()) {
        return;
      }
      ClusterSnapshot snapshot = views.snapshot();
      broadcast("nodes", Json.write(views.nodes(snapshot)));
      if (!changes.entries().isEmpty()) {
        broadcast("actions", Json.write(changes.entries()));
      }
      broadcast("summary", Json.write(views.summary(snapshot)));
    } catch (RuntimeException e) {
      views.warn("push", "dashboard push failed, retrying next interval: " + e);
    }
  }

  private void broadcast(String event, String json) {
    for (SseClient client : clients) {
      send(client, event, json);
    }
  }

  private void send(SseClient client, String event, String json) {
    if (client.terminated()) {
      clients.remove(client);
      return;
    }
    try {
      client.sendEvent(event, json);
    } catch (RuntimeException e) {
      LOG.debug("dropping event stream client after a failed send", e);
      clients.remove(client);
      closeQuietly(client);
    }
  }

  private static void closeQuietly(SseClient client) {
    try {
      client.close();
    } catch (RuntimeException e) {
      LOG.debug("closing an event stream client failed", e);
    }
  }
}
