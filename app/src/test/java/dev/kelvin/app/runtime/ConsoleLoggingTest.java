package dev.kelvin.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logging set up in code: the level from the environment, libraries quiet, an override wins. */
class ConsoleLoggingTest {
  private final LoggerContext context = new LoggerContext();

  private ExecutionStatus configure(Map<String, String> environment,
      Map<String, String> properties) {
    ConsoleLogging logging = new ConsoleLogging(environment::get, properties::get);
    logging.setContext(context);
    return logging.configure(context);
  }

  @Test
  @SuppressWarnings("unchecked")
  void logs_info_and_above_to_standard_error_in_short_lines_by_default() {
    assertThat(configure(Map.of(), Map.of())).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    ConsoleAppender<ILoggingEvent> console =
        (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
    assertThat(console.isStarted()).isTrue();
    assertThat(console.getTarget()).isEqualTo("System.err");
    assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
        .isEqualTo("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
  }

  @Test
  void the_root_level_comes_from_kelvin_log_level_in_any_case() {
    configure(Map.of("KELVIN_LOG_LEVEL", "debug"), Map.of());

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
  }

  @Test
  void an_unreadable_level_falls_back_to_info() {
    configure(Map.of("KELVIN_LOG_LEVEL", "loud"), Map.of());

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void library_chatter_is_held_at_warn_while_kelvin_logs_at_the_root_level() {
    configure(Map.of("KELVIN_LOG_LEVEL", "DEBUG"), Map.of());

    assertThat(context.getLogger("org.eclipse.paho.mqttv5.client").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("com.hivemq.persistence").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("dev.kelvin.agent.NodeAgent").getEffectiveLevel())
        .isEqualTo(Level.DEBUG);
  }

  @Test
  void drools_advice_on_evals_is_held_back_while_its_errors_still_show() {
    configure(Map.of(), Map.of());

    assertThat(context.getLogger("org.drools.base.rule.EvalCondition").getEffectiveLevel())
        .isEqualTo(Level.ERROR);
    assertThat(context.getLogger("org.drools.compiler.Builder").getEffectiveLevel())
        .isEqualTo(Level.WARN);
  }

  @Test
  void the_brokers_shutdown_race_is_dropped_while_its_other_errors_still_show() {
    configure(Map.of(), Map.of());
    ch.qos.logback.core.read.ListAppender<ILoggingEvent> seen =
        new ch.qos.logback.core.read.ListAppender<>();
    seen.setContext(context);
    seen.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(seen);
    Logger cleanUp = context.getLogger(BrokerShutdownRace.LOGGER);

    cleanUp.error("Exception in clean up job ", new IllegalStateException("wrapped",
        new java.util.concurrent.RejectedExecutionException("Shutting down")));
    cleanUp.error("Exception in clean up job ", new IllegalStateException("disk full"));
    context.getLogger("com.hivemq.other").error("rejected",
        new java.util.concurrent.RejectedExecutionException("elsewhere"));

    assertThat(seen.list).extracting(event -> event.getThrowableProxy().getMessage())
        .containsExactly("disk full", "elsewhere");
  }

  @Test
  void steps_aside_for_an_operators_own_configuration_file() {
    ExecutionStatus status = configure(Map.of(),
        Map.of("logback.configurationFile", "/etc/kelvin/logback.xml"));

    assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNull();
  }

  @Test
  void logback_finds_it_through_the_service_loader() {
    assertThat(LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .isInstanceOfSatisfying(ch.qos.logback.classic.Logger.class,
            root -> assertThat(root.getAppender("CONSOLE")).isNotNull());
  }
}
