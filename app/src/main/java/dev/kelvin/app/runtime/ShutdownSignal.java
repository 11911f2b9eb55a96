package dev.kelvin.app.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Waits for Ctrl-C (SIGINT) or SIGTERM so that the main thread can stop everything in order
 * and exit 0. The JVM's default would run shutdown hooks concurrently and exit 130; handling
 * the signal ourselves gives a clean, ordered stop. A second signal while stopping halts at
 * once for an operator who does not want to wait.
 */
public final class ShutdownSignal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignal.class);
  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private final CountDownLatch received = new CountDownLatch(1);
  private final List<Restore> previous = new ArrayList<>();

  private record Restore(Signal signal, SignalHandler handler) {}

  private ShutdownSignal() {}

  /** Installs the handlers; {@link #close()} puts the previous ones back. */
  public static ShutdownSignal install() {
    ShutdownSignal shutdown = new ShutdownSignal();
    for (String name : SIGNALS) {
      Signal signal = new Signal(name);
      shutdown.previous.add(new Restore(signal, Signal.handle(signal, shutdown::onSignal)));
    }
    return shutdown;
  }

  /** Blocks until a stop signal arrives. */
  public void await() throws InterruptedException {
    received.await();
  }

  /** Asks to stop as if a signal had arrived (tests, and the embedding code). */
  public void trigger() {
    received.countDown();
  }

  private void onSignal(Signal signal) {
    if (received.getCount() == 0) {
      LOG.warn("second SIG{} while stopping: halting now", signal.getName());
      Runtime.getRuntime().halt(130);
    }
    received.countDown();
  }

  @Override
  public void close() {
    for (Restore restore : previous) {
      Signal.handle(restore.signal(), restore.handler());
    }
  }
}
