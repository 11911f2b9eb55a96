package dev.kelvin.agent;

import dev.kelvin.agent.lease.SetpointLeases;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverts an agent's setpoints whose lease ran out, every {@code every}, on the scheduler the
 * agent was given for its leases.
 *
 * <p>Why a scheduler apart from the one that runs the publish tick: the tick calls
 * {@code NodeHardware.sample()}, which can hang (a stuck nvidia-smi) or die with an Error from a
 * driver. Had expiry shared the tick's thread, one stuck sample would hold a node's cap past
 * its lease: exactly the "dead controller leaves the node throttled" failure leases exist to
 * prevent. In live mode give each agent a single-thread wall-clock scheduler of its own for
 * leases; in virtual time both are the same virtual scheduler, where nothing hangs.
 *
 * <p>A run that throws is counted, logged at ERROR at most once a minute, and the next run
 * goes ahead. Thread-safe.
 */
final class LeaseExpiry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseExpiry.class);

  private final NodeId node;
  private final SetpointLeases leases;
  private final Duration every;
  private final PerKeyThrottle warnings;
  private final LongAdder expired = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private Scheduler.Task task;
  private boolean closed;

  LeaseExpiry(NodeId node, SetpointLeases leases, Duration every, PerKeyThrottle warnings) {
    this.node = node;
    this.leases = leases;
    this.every = every;
    this.warnings = warnings;
  }

  /** Starts checking at once and then every period; does nothing once started or closed. */
  synchronized void start(Scheduler scheduler) {
    if (closed || task != null) {
      return;
    }
    task = scheduler.every(node + " lease expiry", Duration.ZERO, every, this::run);
  }

  /** Leases reverted so far. */
  long expired() {
    return expired.sum();
  }

  /** Runs that failed with an unexpected error. */
  long failures() {
    return failures.sum();
  }

  /** Stops checking (a check in progress finishes). Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (task != null) {
      task.cancel();
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
}
