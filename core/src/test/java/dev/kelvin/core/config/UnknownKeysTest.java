package dev.kelvin.core.config;

import static dev.kelvin.core.config.Docs.map;
import static dev.kelvin.core.config.Docs.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownKeysTest {

  /** Reads what the composition root of these tests understands. */
  private static ConfigTree readAll(ConfigTree tree) {
    ConfigTree mqtt = tree.section("mqtt");
    mqtt.uri("broker", URI.create("tcp://127.0.0.1:1883"));
    mqtt.optionalString("client_id");
    mqtt.duration("keep_alive", Duration.ofSeconds(30));
    mqtt.secret("password");
    tree.sections("budgets", budget -> budget.decimal("limit_w", 1, 0, 1e9)
        + budget.string("site", "a").length());
    return tree;
  }

  @Test
  void a_document_whose_keys_are_all_read_passes() {
    ConfigTree tree = readAll(tree("mqtt", map("broker", "tcp://b:1883"),
        "budgets", List.of(map("site", "a", "limit_w", 4))));
    assertThatCode(tree::requireNoUnknownKeys).doesNotThrowAnyException();
  }

  @Test
  void an_unknown_key_names_the_nearest_known_key_and_all_known_keys_of_its_section() {
    ConfigTree tree = readAll(tree("mqtt", map("brokr", "tcp://b:1883")));
    assertThatThrownBy(tree::requireNoUnknownKeys)
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("mqtt.brokr");
          assertThat(e.value()).isNull();
        })
        .hasMessage("kelvin.yaml: mqtt.brokr: unknown key; did you mean mqtt.broker?"
            + " known keys under mqtt: broker, client_id, keep_alive, password");
  }

  @Test
  void another_spelling_of_a_known_key_is_recognised() {
    ConfigTree tree = readAll(tree("mqtt", map("keepAlive", "30s")));
    assertThatThrownBy(tree::requireNoUnknownKeys)
        .hasMessageStartingWith("kelvin.yaml: mqtt.keepAlive: unknown key;"
            + " did you mean mqtt.keep_alive?");
  }

  @Test
  void a_key_far_from_every_known_one_gets_no_suggestion() {
    ConfigTree tree = readAll(tree("mqtt", map("colour", "blue")));
    assertThatThrownBy(tree::requireNoUnknownKeys)
        .hasMessage("kelvin.yaml: mqtt.colour: unknown key;"
            + " known keys under mqtt: broker, client_id, keep_alive, password");
  }

  @Test
  void a_key_in_the_wrong_section_points_to_the_right_one() {
    ConfigTree tree = readAll(tree("keep_alive", "30s"));
    assertThatThrownBy(tree::requireNoUnknownKeys)
        .hasMessage("kelvin.yaml: keep_alive: unknown key; did you mean mqtt.keep_alive?"
            + " known keys at the top level: budgets, mqtt");
  }

  @Test
  void an_unknown_key_inside_a_list_element_is_named_with_its_index() {
    ConfigTree tree = readAll(tree("budgets", List.of(map("site", "a", "limit_w", 4),
        map("site", "b", "limt_w", 5))));
    assertThatThrownBy(tree::requireNoUnknownKeys)
        .hasMessage("kelvin.yaml: budgets[1].limt_w: unknown key;"
            + " did you mean budgets[1].limit_w? known keys under budgets[1]: limit_w, site");
  }

  @Test
  void every_unknown_key_is_listed_on_its_own_line_after_a_summary() {
    ConfigTree tree = readAll(tree("mqtt", map("brokr", "x", "client_id", "k"), "polcy", 1));
    assertThatThrownBy(tree::requireNoUnknownKeys)
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.problems()).extracting(ConfigProblem::key)
              .containsExactly("mqtt.brokr", "polcy");
          assertThat(e.getMessage().lines()).containsExactly("kelvin.yaml: 2 unknown keys",
              "  mqtt.brokr: unknown key; did you mean mqtt.broker? known keys under mqtt:"
                  + " broker, client_id, keep_alive, password",
              "  polcy: unknown key; known keys at the top level: budgets, mqtt");
        });
  }

  @Test
  void an_unread_section_is_one_unknown_key_whatever_it_holds() {
    ConfigTree tree = readAll(tree("dashboard", map("port", 8080, "host", "x")));
    assertThatThrownBy(tree::requireNoUnknownKeys)
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.problems()).extracting(ConfigProblem::key)
                .containsExactly("dashboard"));
  }

  @Test
  void a_section_read_with_no_keys_refuses_whatever_it_holds() {
    ConfigTree tree = tree("extras", map("a", 1));
    tree.section("extras");
    assertThatThrownBy(tree::requireNoUnknownKeys)
        .hasMessage("kelvin.yaml: extras.a: unknown key; no keys are read under extras");
  }

  @Test
  void the_value_of_an_unknown_key_is_never_shown() {
    ConfigTree tree = readAll(tree("mqtt", map("pasword", "hunter2")));
    assertThatThrownBy(tree::requireNoUnknownKeys)
        .hasMessageStartingWith("kelvin.yaml: mqtt.pasword: unknown key;"
            + " did you mean mqtt.password?")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void a_key_given_without_a_value_is_still_unknown() {
    ConfigTree tree = readAll(tree("mqtt", map("brokr", null)));
    assertThatThrownBy(tree::requireNoUnknownKeys).hasMessageContaining("mqtt.brokr");
  }

  @Test
  void swapped_letters_count_as_one_edit() {
    assertThat(UnknownKeys.distance("prot", "port")).isEqualTo(1);
    assertThat(UnknownKeys.distance("brokr", "broker")).isEqualTo(1);
    assertThat(UnknownKeys.distance("colour", "broker")).isGreaterThan(2);
  }
}
