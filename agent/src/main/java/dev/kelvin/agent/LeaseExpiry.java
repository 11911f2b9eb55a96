package dev.kelvin.agent;

import dev.kelvin.agent.lease.SetpointLeases;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.NodeId;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverts an agent's setpoints whose lease ran out, every {@code every}, on a thread of its
 * own named {@code <client id>-leases}.
 *
 * <p>Why a thread per agent rather than the scheduler the agent is given: that scheduler is
 * shared by every agent in the JVM and has only a couple of threads, and the publish tick on
 * it calls {@code NodeHardware.sample()}, which can hang (a stuck nvidia-smi) or die with an
 * Error from a driver. Had expiry stayed in that tick, or merely on that scheduler, one stuck
 * sample would hold a node's cap past its lease, and a few would starve the expiry of every
 * agent: exactly the "dead controller leaves the node throttled" failure leases exist to
 * prevent. An idle daemon thread per node is a small price for that guarantee. The thread
 * shares no lock with the tick; it only takes the lease table's own monitor.
 *
 * <p>A run that throws is counted, logged at ERROR at most once a minute, and the next run
 * goes ahead; only a {@link VirtualMachineError} is rethrown (the JVM itself is failing).
 * Thread-safe.
 */
final class LeaseExpiry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseExpiry.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final NodeId node;
  private final String threadName;
  private final SetpointLeases leases;
  private final Duration every;
  private final PerKeyThrottle warnings;
  private final LongAdder expired = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private ScheduledExecutorService thread;
  private boolean closed;

  LeaseExpiry(NodeId node, String threadName, SetpointLeases leases, Duration every,
      PerKeyThrottle warnings) {
    this.node = node;
    this.threadName = threadName;
    this.leases = leases;
    this.every = every;
    this.warnings = warnings;
  }

  /** Starts the thread and the first check at once; does nothing once started or closed. */
  synchronized void start() {
    if (closed || thread != null) {
      return;
    }
    thread = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread named = new Thread(task, threadName);
      named.setDaemon(true);
      return named;
    });
    thread.scheduleAtFixedRate(this::run, 0, every.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Leases reverted so far. */
  long expired() {
    return expired.sum();
  }

  /** Runs that failed with an unexpected error. */
  long failures() {
    return failures.sum();
  }

  /**
   * Stops checking and ends the thread, letting a check in progress finish (a revert cut off
   * half-way helps no one) for a couple of seconds at most. Idempotent.
   */
  @Override
  public void close() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      closed = true;
      stopping = thread;
      thread = null;
    }
    if (stopping == null) {
      return;
    }
    stopping.shutdown();
    if (!awaitStop(stopping)) {
      stopping.shutdownNow();
      LOG.warn("{}: the lease check was still running {} s after close (a hardware write that"
          + " hangs?); interrupted it", node, STOP_WAIT.toSeconds());
    }
  }

  private void run() {
    try {
      expired.add(leases.expireDue().size());
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      failures.increment();
      if (warnings.allow("lease-expiry")) {
        LOG.error("{}: a lease check failed ({} so far); the next one runs as planned", node,
            failures.sum(), e);
      }
    }
  }

  private static boolean awaitStop(ScheduledExecutorService stopping) {
    try {
      return stopping.awaitTermination(STOP_WAIT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
