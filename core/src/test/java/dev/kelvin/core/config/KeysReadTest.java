package dev.kelvin.core.config;

import static dev.kelvin.core.config.Docs.map;
import static dev.kelvin.core.config.Docs.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysReadTest {
  enum Mode { LIVE, DRY_RUN }

  record Budget(String site, double limitWatts) {
    Budget {
      if (site.isEmpty()) {
        throw new IllegalArgumentException("site must be given");
      }
    }
  }

  /** A composition root in miniature: every kind of key, a section and a list of sections. */
  private static ConfigTree readAll(ConfigTree tree) {
    tree.string("topic_prefix", "kelvin/v1");
    tree.enumValue("mode", Mode.class, Mode.DRY_RUN);
    tree.path("audit_file", Path.of("audit.jsonl"));
    ConfigTree mqtt = tree.section("mqtt");
    mqtt.uri("broker", URI.create("tcp://127.0.0.1:1883"));
    mqtt.duration("keep_alive", Duration.ofSeconds(30));
    mqtt.optionalString("username");
    mqtt.secret("password");
    mqtt.bytes("max_message", 64 * 1024);
    mqtt.bool("clean_start", true);
    mqtt.integer("qos", 1, 0, 2);
    tree.decimal("headroom", 0.05, 0, 1);
    tree.longInteger("seed", 42, 0, Long.MAX_VALUE);
    tree.stringList("racks", List.of("r1", "r2"));
    tree.sections("budgets", budget -> budget.build(() -> new Budget(
        budget.string("site", ""), budget.decimal("limit_w", 400_000, 0, 1e9))));
    return tree;
  }

  @Test
  void an_empty_document_lists_every_key_with_its_default_in_reading_order() {
    assertThat(readAll(tree()).keysRead()).containsExactly(
        new ConfigKey("topic_prefix", "kelvin/v1"),
        new ConfigKey("mode", "dry_run"),
        new ConfigKey("audit_file", "audit.jsonl"),
        new ConfigKey("mqtt.broker", "tcp://127.0.0.1:1883"),
        new ConfigKey("mqtt.keep_alive", "30s"),
        new ConfigKey("mqtt.username", "none"),
        new ConfigKey("mqtt.password", "none"),
        new ConfigKey("mqtt.max_message", "64KiB"),
        new ConfigKey("mqtt.clean_start", "true"),
        new ConfigKey("mqtt.qos", "1"),
        new ConfigKey("headroom", "0.05"),
        new ConfigKey("seed", "42"),
        new ConfigKey("racks", "[r1, r2]"),
        new ConfigKey("budgets[].site", "\"\""),
        new ConfigKey("budgets[].limit_w", "400000"));
  }

  @Test
  void a_null_document_reads_as_an_empty_one() {
    assertThat(readAll(new ConfigTree("kelvin.yaml", (Map<String, ?>) null)).keysRead())
        .hasSize(15);
  }

  @Test
  void keys_of_list_elements_are_listed_once_for_all_elements() {
    ConfigTree tree = readAll(tree("budgets", List.of(map("site", "a"), map("site", "b"))));
    assertThat(tree.keysRead()).extracting(ConfigKey::path)
        .containsOnlyOnce("budgets[].site", "budgets[].limit_w")
        .noneMatch(path -> path.contains("[0]") || path.contains("[1]"));
  }

  @Test
  void the_defaults_are_listed_whatever_the_document_says() {
    ConfigTree tree = readAll(tree("mqtt", map("keep_alive", "5m")));
    assertThat(tree.keysRead()).contains(new ConfigKey("mqtt.keep_alive", "30s"));
  }

  @Test
  void a_key_read_twice_is_listed_once() {
    ConfigTree tree = tree();
    tree.section("mqtt").integer("qos", 1, 0, 2);
    tree.section("mqtt").integer("qos", 1, 0, 2);
    assertThat(tree.keysRead()).containsExactly(new ConfigKey("mqtt.qos", "1"));
  }

  @Test
  void a_section_reports_its_keys_into_the_root() {
    ConfigTree tree = tree();
    ConfigTree deep = tree.section("site").section("cooling");
    deep.decimal("setpoint_c", 24.5, 10, 40);
    assertThat(tree.keysRead()).containsExactly(new ConfigKey("site.cooling.setpoint_c", "24.5"));
  }
}
