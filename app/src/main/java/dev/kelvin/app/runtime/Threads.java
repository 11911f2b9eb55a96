package dev.kelvin.app.runtime;

import dev.kelvin.app.StartupException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Small helpers for the demo's own threads. */
public final class Threads {
  private Threads() {}

  /** Daemon threads named {@code prefix-1}, {@code prefix-2}...: they never hold the JVM up. */
  public static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Runs {@code task} on every item at once, one thread each (connecting an MQTT client mostly
   * waits), and returns when all are done; the first failure is rethrown after all finished.
   */
  public static <T> void inParallel(List<T> items, Consumer<T> task) {
    if (items.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), 32),
        daemon("kelvin-parallel"));
    try {
      join(CompletableFuture.allOf(items.stream()
          .map(item -> CompletableFuture.runAsync(() -> task.accept(item), pool))
          .toArray(CompletableFuture[]::new)), "a parallel step");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits for a start-up step; its own exception comes out as it was thrown. */
  public static <T> T join(CompletableFuture<T> step, String what) {
    try {
      return step.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new StartupException(what + " failed: " + cause, cause);
    }
  }
}
