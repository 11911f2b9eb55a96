package dev.kelvin.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.dashboard.Health;
import dev.kelvin.policy.RuleDirectory;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.policy.RuleReloader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesWatchTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path folder;

  @Test
  void without_a_rules_folder_the_shipped_rules_are_up() {
    RulePolicy rules = RulePolicy.load(RuleParameters.defaults(), new ActionIds(START));

    Health.Component health = RulesWatch.health(rules, Optional.empty());

    assertThat(health.status()).isEqualTo(Health.Status.UP);
    assertThat(health.detail()).contains(rules.ruleNames().size() + " shipped rules in force");
  }

  @Test
  void a_broken_file_makes_the_rules_degraded_with_file_and_line_and_a_fix_clears_it()
      throws IOException {
    RulePolicy rules = RulePolicy.load(RuleParameters.defaults(), new ActionIds(START),
        RuleDirectory.of(folder));
    VirtualScheduler scheduler = new VirtualScheduler(START);
    try (RuleReloader reloader = RuleReloader.start(rules, RuleDirectory.of(folder), scheduler,
        Duration.ofSeconds(5))) {
      Path broken = folder.resolve("broken.drl");
      Files.writeString(broken, "package dev.kelvin.policy.rules;\nrule \"x\"\n"
          + "    NodeThermalFact( )\nthen\nend\n");
      scheduler.advanceBy(Duration.ofSeconds(5));

      Health.Component health = RulesWatch.health(rules, Optional.of(reloader));
      assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
      assertThat(health.detail()).contains(broken + " line").contains("stay in force");

      Files.delete(broken);
      scheduler.advanceBy(Duration.ofSeconds(5));
      assertThat(RulesWatch.health(rules, Optional.of(reloader)).status())
          .isEqualTo(Health.Status.UP);
    }
  }
}
