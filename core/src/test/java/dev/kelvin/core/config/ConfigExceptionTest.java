package dev.kelvin.core.config;

import static dev.kelvin.core.config.Docs.map;
import static dev.kelvin.core.config.Docs.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ConfigExceptionTest {
  record PolicySettings(Duration settleTime) {
    PolicySettings {
      if (settleTime.compareTo(Duration.ofSeconds(5)) < 0) {
        throw new IllegalArgumentException("settleTime must be >= 5 s (was " + settleTime
            + "); a shorter wait acts on a node before its last change shows");
      }
    }
  }

  @Test
  void names_source_key_value_and_reason_on_one_line() {
    ConfigException e = new ConfigException("kelvin.yaml", "mqtt.keep_alive", "\"30x\"",
        "not a duration; write a number and a unit: 500ms, 30s");
    assertThat(e).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kelvin.yaml: mqtt.keep_alive = \"30x\": not a duration;"
            + " write a number and a unit: 500ms, 30s");
    assertThat(e.source()).isEqualTo("kelvin.yaml");
    assertThat(e.key()).isEqualTo("mqtt.keep_alive");
    assertThat(e.value()).isEqualTo("\"30x\"");
  }

  @Test
  void a_problem_without_a_value_leaves_the_value_out() {
    assertThat(new ConfigException("kelvin.yaml", "policy", null, "too eager"))
        .hasMessage("kelvin.yaml: policy: too eager");
  }

  @Test
  void a_reason_with_line_breaks_is_folded_onto_one_line() {
    assertThat(new ConfigException("kelvin.yaml", "a", null, "first\n  second\r\nthird"))
        .hasMessage("kelvin.yaml: a: first second third");
  }

  @Test
  void every_single_problem_makes_a_one_line_message() {
    List<Executable> failures = List.of(
        () -> tree("port", "x").integer("port", 1, 1, 2),
        () -> tree("hosts", List.of("a\nb", 3)).stringList("hosts", List.of()),
        () -> tree("name", "a\nb\n").uri("name", java.net.URI.create("a:b")),
        () -> tree("mqtt", List.of("a", "b")).section("mqtt"),
        () -> tree("t", "1\nh").duration("t", Duration.ZERO),
        () -> tree("x", map("a", 1)).requireNoUnknownKeys(),
        () -> tree().build("policy", () -> new PolicySettings(Duration.ZERO)));
    for (int i = 0; i < failures.size(); i++) {
      ConfigException e = catchThrowableOfType(ConfigException.class, failures.get(i)::execute);
      assertThat(e).as("failure %d", i).isNotNull();
      assertThat(e.getMessage()).doesNotContain("\n", "\r").startsWith("kelvin.yaml: ");
    }
  }

  @Test
  void build_names_the_section_whose_record_refused_its_values() {
    ConfigTree tree = tree("policy", map("settle_time", "1s"));
    assertThatThrownBy(() -> tree.build("policy", () -> new PolicySettings(
        tree.section("policy").duration("settle_time", Duration.ofSeconds(20)))))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("policy");
          assertThat(e.value()).isNull();
          assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
        })
        .hasMessage("kelvin.yaml: policy: settleTime must be >= 5 s (was PT1S);"
            + " a shorter wait acts on a node before its last change shows");
  }

  @Test
  void build_on_a_section_names_the_section_itself() {
    ConfigTree element = tree("budgets", List.of(map(), map())).sections("budgets").get(1);
    assertThatThrownBy(() -> element.build(() -> {
      throw new IllegalArgumentException("limitWatts must be > 0 W, was 0");
    })).hasMessage("kelvin.yaml: budgets[1]: limitWatts must be > 0 W, was 0");
  }

  @Test
  void build_passes_a_config_exception_through_unchanged() {
    ConfigTree tree = tree("policy", map("settle_time", 5));
    ConfigTree policy = tree.section("policy");
    assertThatThrownBy(() -> policy.build(() -> new PolicySettings(
        policy.duration("settle_time", Duration.ofSeconds(20)))))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("policy.settle_time"))
        .hasMessageStartingWith("kelvin.yaml: policy.settle_time = 5: a bare number");
  }

  @Test
  void build_returns_the_record_when_it_accepts_the_values() {
    ConfigTree tree = tree();
    assertThat(tree.build("policy", () -> new PolicySettings(Duration.ofSeconds(20))))
        .isEqualTo(new PolicySettings(Duration.ofSeconds(20)));
  }

  @Test
  void several_problems_need_a_summary_and_one_problem_does_not() {
    ConfigProblem a = new ConfigProblem("a", null, "unknown key");
    ConfigProblem b = new ConfigProblem("b", "1", "too small");
    assertThat(new ConfigException("k.yaml", "2 problems", List.of(a, b)).getMessage().lines())
        .containsExactly("k.yaml: 2 problems", "  a: unknown key", "  b = 1: too small");
    assertThat(new ConfigException("k.yaml", "1 problem", List.of(a)))
        .hasMessage("k.yaml: a: unknown key");
  }

  @Test
  void a_message_shows_long_or_multi_line_text_abbreviated_on_one_line() {
    String longText = "x".repeat(200);
    assertThatThrownBy(() -> tree("broker", longText).uri("broker", java.net.URI.create("a:b")))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.value()).hasSizeLessThanOrEqualTo(60).endsWith("..."));
    assertThatThrownBy(() -> tree("mode", "a\tb\n").bool("mode", true))
        .satisfies(e -> assertThat(((ConfigException) e).value()).isEqualTo("\"a\\tb\\n\""));
  }
}
