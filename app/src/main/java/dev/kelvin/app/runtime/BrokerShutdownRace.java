package dev.kelvin.app.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Marker;

/**
 * Drops the one log event of HiveMQ CE's known shutdown race: its clean-up job, started while
 * the embedded broker stops, logs at ERROR that its executor rejected the job's timeout (a
 * {@link RejectedExecutionException} with a stack trace). Nothing is lost (the broker is
 * stopping, and its state is in memory), and the stack trace on an orderly stop reads as a
 * failure. Every other event of that logger, and any other error, still shows.
 */
final class BrokerShutdownRace extends TurboFilter {
  static final String LOGGER = "com.hivemq.persistence.ScheduledCleanUpService";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format,
      Object[] params, Throwable t) {
    return LOGGER.equals(logger.getName()) && rejected(t) ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }

  private static boolean rejected(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (cause instanceof RejectedExecutionException) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
