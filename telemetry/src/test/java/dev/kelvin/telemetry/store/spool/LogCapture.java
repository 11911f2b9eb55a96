package dev.kelvin.telemetry.store.spool;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Catches what the spool's package logs, for as long as it is open. */
final class LogCapture implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger =
      (Logger) LoggerFactory.getLogger(LogCapture.class.getPackageName());

  LogCapture() {
    appender.start();
    logger.addAppender(appender);
  }

  /** The formatted messages logged at {@code level}. */
  List<String> at(Level level) {
    return appender.list.stream().filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
