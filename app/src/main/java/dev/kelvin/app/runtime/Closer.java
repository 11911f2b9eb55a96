package dev.kelvin.app.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what was started, newest first, each at most once; a part that fails to close is
 * logged and the rest still close.
 */
public final class Closer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Closer.class);

  private record Part(String name, AutoCloseable resource) {}

  private final Deque<Part> parts = new ArrayDeque<>();

  public <T extends AutoCloseable> T add(String name, T resource) {
    synchronized (parts) {
      parts.push(new Part(name, resource));
    }
    return resource;
  }

  @Override
  public void close() {
    while (true) {
      Part part;
      synchronized (parts) {
        part = parts.poll();
      }
      if (part == null) {
        return;
      }
      long started = System.nanoTime();
      try {
        part.resource().close();
        LOG.debug("stopped {} in {} ms", part.name(),
            Duration.ofNanos(System.nanoTime() - started).toMillis());
      } catch (Exception e) {
        LOG.warn("could not stop {} cleanly: {}", part.name(), e.toString());
      }
    }
  }
}
