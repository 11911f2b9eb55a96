package dev.kelvin.app.demo;

import dev.kelvin.app.StartupException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers for the demo's own threads. */
final class Threads {
  private Threads() {}

  /** Daemon threads named {@code prefix-1}, {@code prefix-2}...: they never hold the JVM up. */
  static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Waits for a start-up step; its own exception comes out as it was thrown. */
  static <T> T join(CompletableFuture<T> step, String what) {
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
