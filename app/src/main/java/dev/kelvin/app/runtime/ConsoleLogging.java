package dev.kelvin.app.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Logging of every kelvin command, set up in code (Logback finds it through
 * {@code META-INF/services}): short lines on standard error, library chatter at WARN, the root
 * at {@code KELVIN_LOG_LEVEL} (default INFO). In code rather than {@code logback.xml} because
 * reading XML loads Joran and the JDK's XML parser, about 3 MB of the node agent's resident
 * memory. An operator's own file still wins: with {@code -Dlogback.configurationFile=...} this
 * steps aside and Logback reads that file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
  /** The environment variable that sets the root level. */
  public static final String LEVEL_VARIABLE = "KELVIN_LOG_LEVEL";
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
  static final List<String> QUIET_LIBRARIES = List.of("com.hivemq", "migrations",
      "jetbrains.exodus", "org.eclipse.jetty", "io.javalin", "org.drools", "org.kie",
      "org.tribuo", "org.eclipse.paho", "io.netty");
  /**
   * Drools warns at every compile that each {@code eval} in a rule could be slower than a
   * constraint; Kelvin's rules test values that may be NaN through {@code eval} on purpose
   * (docs/rules.md), and {@code kelvin bench policy} measures what that costs.
   */
  static final String DROOLS_EVAL_ADVICE = "org.drools.base.rule.EvalCondition";

  private final Function<String, String> environment;
  private final Function<String, String> properties;

  /** The one Logback's service loader makes: reads the process's environment and properties. */
  public ConsoleLogging() {
    this(System::getenv, System::getProperty);
  }

  ConsoleLogging(Function<String, String> environment, Function<String, String> properties) {
    this.environment = environment;
    this.properties = properties;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (properties.apply("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    ConsoleAppender<ILoggingEvent> console = console(context);
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(rootLevel());
    root.addAppender(console);
    for (String library : QUIET_LIBRARIES) {
      context.getLogger(library).setLevel(Level.WARN);
    }
    context.getLogger(DROOLS_EVAL_ADVICE).setLevel(Level.ERROR);
    BrokerShutdownRace race = new BrokerShutdownRace();
    race.setContext(context);
    race.start();
    context.addTurboFilter(race);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** {@code KELVIN_LOG_LEVEL} as a level; INFO when unset, and when unreadable (said once). */
  Level rootLevel() {
    String wanted = Optional.ofNullable(environment.apply(LEVEL_VARIABLE)).orElse("").trim();
    if (wanted.isEmpty()) {
      return Level.INFO;
    }
    Level level = Level.toLevel(wanted.toUpperCase(Locale.ROOT), null);
    if (level == null) {
      System.err.println(LEVEL_VARIABLE + "=" + wanted + " is not a log level (TRACE, DEBUG,"
          + " INFO, WARN, ERROR, OFF); logging at INFO");
      return Level.INFO;
    }
    return level;
  }

  private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    return console;
  }
}
