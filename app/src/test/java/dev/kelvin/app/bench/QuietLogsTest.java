package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** While a bench runs, only warnings and errors are logged; the levels come back after. */
class QuietLogsTest {

  private static Logger logger(String name) {
    return (Logger) LoggerFactory.getLogger(name);
  }

  @Test
  void raises_info_and_debug_loggers_to_warn_and_restores_them() {
    Logger root = logger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger chatty = logger("dev.kelvin.bench.test.chatty");
    Logger quiet = logger("dev.kelvin.bench.test.quiet");
    Level rootBefore = root.getLevel();
    chatty.setLevel(Level.DEBUG);
    quiet.setLevel(Level.ERROR);
    try {
      try (QuietLogs raised = QuietLogs.raiseToWarn()) {
        assertThat(root.getEffectiveLevel().isGreaterOrEqual(Level.WARN)).isTrue();
        assertThat(chatty.getLevel()).isEqualTo(Level.WARN);
        assertThat(quiet.getLevel()).isEqualTo(Level.ERROR);
        assertThat(logger("dev.kelvin.bench.test.inherits").isInfoEnabled()).isFalse();
      }
      assertThat(root.getLevel()).isEqualTo(rootBefore);
      assertThat(chatty.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(quiet.getLevel()).isEqualTo(Level.ERROR);
    } finally {
      chatty.setLevel(null);
      quiet.setLevel(null);
    }
  }
}
