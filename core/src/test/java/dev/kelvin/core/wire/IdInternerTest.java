package dev.kelvin.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import org.junit.jupiter.api.Test;

class IdInternerTest {
  @Test
  void gives_back_the_first_instance_of_an_equal_node_or_rack() {
    IdInterner ids = new IdInterner(10);
    NodeId first = ids.node(NodeId.of("site-a", "n01"));
    RackId rack = ids.rack(RackId.of("r1"));

    assertThat(ids.node(NodeId.of("site-a", "n01"))).isSameAs(first);
    assertThat(ids.rack(RackId.of("r1"))).isSameAs(rack);
    assertThat(ids.node(NodeId.of("site-b", "n01"))).as("another site's node")
        .isNotSameAs(first).isEqualTo(NodeId.of("site-b", "n01"));
  }

  @Test
  void stops_keeping_new_ids_at_its_bound_and_returns_them_as_given() {
    IdInterner ids = new IdInterner(2);
    NodeId n1 = ids.node(NodeId.of("site-a", "n1"));
    ids.node(NodeId.of("site-a", "n2"));
    NodeId third = NodeId.of("site-a", "n3");

    assertThat(ids.node(third)).isSameAs(third);
    assertThat(ids.node(NodeId.of("site-a", "n3"))).as("not kept").isNotSameAs(third);
    assertThat(ids.nodeCount()).isEqualTo(2);
    assertThat(ids.node(NodeId.of("site-a", "n1"))).as("the known still shared").isSameAs(n1);
  }

  @Test
  void none_keeps_nothing() {
    NodeId node = NodeId.of("site-a", "n01");

    assertThat(IdInterner.NONE.node(node)).isSameAs(node);
    assertThat(IdInterner.NONE.node(NodeId.of("site-a", "n01"))).isNotSameAs(node);
    assertThat(IdInterner.NONE.nodeCount()).isZero();
  }

  @Test
  void refuses_a_negative_bound() {
    assertThatThrownBy(() -> new IdInterner(-1)).hasMessageContaining("maxIds");
  }
}
