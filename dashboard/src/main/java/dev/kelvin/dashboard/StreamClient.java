package dev.kelvin.dashboard;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream with its own bounded outbox. Whoever has an event for the client only
 * queues it, which never blocks; a task on the shared sender pool then writes the outbox out, so
 * a browser that stops reading blocks that task and nothing else. The pool holds a thread only
 * while a client has events to write. {@link #close} never blocks either: it cuts off a write in
 * progress by interrupting its thread (Jetty then fails the write and aborts the connection) and
 * leaves ending the request to a sender.
 *
 * <p>How long a write has blocked is measured with {@link System#nanoTime}, not the dashboard's
 * injected clock: it bounds a real socket, and the injected clock may be simulated or frozen.
 */
final class StreamClient {
  private static final Logger LOG = LoggerFactory.getLogger(StreamClient.class);

  /** One server-sent event waiting in an outbox: its name and its single-line JSON data. */
  record Event(String name, String json) {}

  private final SseClient sse;
  private final String remote;
  private final BlockingQueue<Event> outbox;
  private final Executor senders;
  private final AtomicBoolean draining = new AtomicBoolean();
  /** Guarded by {@code this}: whether the stream may still be written. */
  private boolean open = true;
  /** Guarded by {@code this}: the thread writing to the client now, or null. */
  private Thread writer;
  /** Guarded by {@code this}: {@link System#nanoTime} when the current write began. */
  private long writeStartedNanos;

  StreamClient(SseClient sse, int outboxEvents, Executor senders) {
    this.sse = sse;
    this.remote = remoteOf(sse);
    this.outbox = new ArrayBlockingQueue<>(outboxEvents);
    this.senders = senders;
  }

  /** The client's address, for log lines. */
  String remote() {
    return remote;
  }

  /**
   * Queues {@code event} and makes sure a sender writes it. Never blocks.
   *
   * @return false when the outbox is full: the client is not keeping up
   */
  boolean offer(Event event) {
    if (!isOpen()) {
      return true;
    }
    if (!outbox.offer(event)) {
      return false;
    }
    if (draining.compareAndSet(false, true)) {
      try {
        senders.execute(this::drain);
      } catch (RejectedExecutionException shuttingDown) {
        draining.set(false);
      }
    }
    return true;
  }

  /** Whether a write to this client has been blocked for longer than {@code limit}. */
  synchronized boolean writingLongerThan(Duration limit) {
    return writer != null && System.nanoTime() - writeStartedNanos > limit.toNanos();
  }

  /**
   * Ends the stream: forgets the outbox, interrupts a write in progress and closes the client.
   *
   * @return whether the stream was still open, i.e. this call is what ended it
   */
  boolean close() {
    boolean wasOpen;
    synchronized (this) {
      wasOpen = open && !sse.terminated();
      open = false;
      if (writer != null) {
        writer.interrupt();
      }
    }
    outbox.clear();
    try {
      senders.execute(this::endStream);
    } catch (RejectedExecutionException shuttingDown) {
      endStream();
    }
    return wasOpen;
  }

  /**
   * Ends the request. Javalin finishes the response on the thread that does this, which may
   * touch the socket: hence on a sender, never on the caller's (the push) thread.
   */
  private void endStream() {
    try {
      sse.close();
    } catch (RuntimeException e) {
      LOG.debug("closing the event stream to {} failed", remote, e);
    }
  }

  private synchronized boolean isOpen() {
    return open && !sse.terminated();
  }

  /** Writes the outbox out; a second pass covers events queued just as the first one ended. */
  private void drain() {
    do {
      Event event = outbox.poll();
      while (event != null && write(event)) {
        event = outbox.poll();
      }
      draining.set(false);
    } while (!outbox.isEmpty() && isOpen() && draining.compareAndSet(false, true));
  }

  /** Writes one event; false once the stream is closed. */
  private boolean write(Event event) {
    synchronized (this) {
      if (!isOpen()) {
        return false;
      }
      writer = Thread.currentThread();
      writeStartedNanos = System.nanoTime();
    }
    try {
      sse.sendEvent(event.name(), event.json());
    } catch (RuntimeException e) {
      LOG.debug("event stream to {} failed, closing it", remote, e);
      close();
    } finally {
      synchronized (this) {
        writer = null;
        // An interrupt from close() was meant for this write only, not the pool's next task.
        Thread.interrupted();
      }
    }
    return isOpen();
  }

  private static String remoteOf(SseClient sse) {
    try {
      return sse.ctx().ip();
    } catch (RuntimeException e) {
      return "an unknown address";
    }
  }
}
