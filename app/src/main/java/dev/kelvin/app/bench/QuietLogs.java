package dev.kelvin.app.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Raises every logger below WARN (the root, Kelvin's and the libraries') to WARN while a bench
 * or a simulation runs, and restores each level on {@link #close()}: log lines go to stderr and
 * the table or progress bar to the terminal, and INFO lines would cut them apart. Warnings and errors still
 * show. Does nothing when SLF4J is not bound to Logback.
 */
public final class QuietLogs implements AutoCloseable {
  private final Map<Logger, Level> raised = new LinkedHashMap<>();

  private QuietLogs() {}

  public static QuietLogs raiseToWarn() {
    QuietLogs quiet = new QuietLogs();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      for (Logger logger : context.getLoggerList()) {
        Level level = logger.getLevel();
        if (level != null && level.toInt() < Level.WARN_INT) {
          quiet.raised.put(logger, level);
          logger.setLevel(Level.WARN);
        }
      }
    }
    return quiet;
  }

  /** Turns {@code name} off altogether until {@link #close()}: for known, harmless noise. */
  public QuietLogs silence(String name) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Logger logger = context.getLogger(name);
      raised.putIfAbsent(logger, logger.getLevel());
      logger.setLevel(Level.OFF);
    }
    return this;
  }

  @Override
  public void close() {
    raised.forEach(Logger::setLevel);
    raised.clear();
  }
}
