package dev.kelvin.core.config;

import static dev.kelvin.core.config.Docs.map;
import static dev.kelvin.core.config.Docs.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionsTest {
  @Test
  void nested_sections_name_their_keys_by_full_path() {
    ConfigTree tree = tree("site", map("mqtt", map("keep_alive", "soon")));
    assertThat(tree.section("site").section("mqtt").sectionPath()).isEqualTo("site.mqtt");
    assertThatThrownBy(() -> tree.section("site").section("mqtt")
        .duration("keep_alive", Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("site.mqtt.keep_alive"))
        .hasMessageStartingWith("kelvin.yaml: site.mqtt.keep_alive = \"soon\": not a duration");
  }

  @Test
  void a_missing_section_reads_as_empty() {
    ConfigTree mqtt = tree().section("mqtt");
    assertThat(mqtt.duration("keep_alive", Duration.ofSeconds(30))).hasSeconds(30);
    assertThat(mqtt.sections("budgets")).isEmpty();
  }

  @Test
  void refuses_a_section_that_is_not_a_map() {
    assertThatThrownBy(() -> tree("mqtt", "tcp://a:1883").section("mqtt"))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("mqtt"))
        .hasMessage("kelvin.yaml: mqtt = \"tcp://a:1883\": must be a section:"
            + " indented \"name: value\" lines under \"mqtt:\"");
  }

  @Test
  void reads_each_section_of_a_list_with_its_index_in_the_path() {
    ConfigTree tree = tree("budgets", List.of(map("site", "a", "limit_w", 400_000),
        map("site", "b", "limit_w", "lots")));
    List<ConfigTree> budgets = tree.sections("budgets");
    assertThat(budgets).extracting(ConfigTree::sectionPath)
        .containsExactly("budgets[0]", "budgets[1]");
    assertThat(budgets.get(0).decimal("limit_w", 1, 0, 1e9)).isEqualTo(400_000);
    assertThatThrownBy(() -> budgets.get(1).decimal("limit_w", 1, 0, 1e9))
        .hasMessage("kelvin.yaml: budgets[1].limit_w = \"lots\": must be a number"
            + " within 0..1000000000");
  }

  @Test
  void refuses_a_list_of_sections_that_is_not_a_list_or_holds_text() {
    assertThatThrownBy(() -> tree("budgets", map("site", "a")).sections("budgets"))
        .hasMessage("kelvin.yaml: budgets = {site: \"a\"}: must be a list of sections:"
            + " one \"- name: value\" block per element");
    assertThatThrownBy(() -> tree("budgets", List.of(map("site", "a"), "b")).sections("budgets"))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("budgets[1]"))
        .hasMessageContaining("must be a section");
  }

  @Test
  void reads_a_list_of_sections_into_records() {
    record Budget(String site, double limitWatts) {}
    ConfigTree tree = tree("budgets", List.of(map("site", "a", "limit_w", 400_000)));
    assertThat(tree.sections("budgets", b -> new Budget(b.string("site", "?"),
        b.decimal("limit_w", 1, 0, 1e9)))).containsExactly(new Budget("a", 400_000));
  }
}
