package dev.kelvin.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.validation.ValidationException;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentityTest {

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "n+1", "#", "", " n1", "-lead",
      "x12345678901234567890123456789012345678901234567890123456789012345"})
  void names_that_would_break_topics_or_tags_are_refused(String bad) {
    assertThatThrownBy(() -> NodeId.of("site-a", bad))
        .isInstanceOf(ValidationException.class).hasMessageContaining("node");
  }

  @Test
  void a_node_prints_as_site_slash_name_and_sorts_by_site_then_name() {
    NodeId b = NodeId.of("site-a", "n02");
    NodeId a = NodeId.of("site-a", "n01");
    NodeId c = NodeId.of("site-b", "n00");
    assertThat(a).hasToString("site-a/n01");
    assertThat(new TreeSet<>(java.util.List.of(c, b, a))).containsExactly(a, b, c);
  }

  @Test
  void the_same_name_on_two_sites_is_two_nodes() {
    assertThat(NodeId.of("site-a", "n01")).isNotEqualTo(NodeId.of("site-b", "n01"));
  }

  @Test
  void node_ids_sort_by_site_then_name() {
    java.util.List<NodeId> sorted = java.util.stream.Stream.of(NodeId.of("site-b", "n01"),
        NodeId.of("site-a", "n02"), NodeId.of("site-a", "n01"), NodeId.of("site-b", "a99"))
        .sorted().toList();

    org.assertj.core.api.Assertions.assertThat(sorted).extracting(NodeId::toString)
        .containsExactly("site-a/n01", "site-a/n02", "site-b/a99", "site-b/n01");
  }
}
