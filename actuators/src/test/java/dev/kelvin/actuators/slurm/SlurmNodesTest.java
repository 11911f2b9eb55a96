package dev.kelvin.actuators.slurm;

import static dev.kelvin.actuators.slurm.Recorded.oneNode;
import static dev.kelvin.actuators.slurm.Recorded.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.actuators.slurm.SlurmNodes.SlurmNode;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SlurmNodesTest {
  private static final SiteId SITE = SiteId.of("site-a");

  private static Map<String, SlurmNode> byName(String json) {
    Parsed<SlurmNode> parsed = SlurmNodes.parse(json, SITE);
    assertThat(parsed.rejects()).isEmpty();
    return parsed.records().stream().collect(Collectors.toMap(node -> node.node().name(),
        Function.identity()));
  }

  @Test
  void reads_every_idle_node_of_a_fresh_cluster_as_idle_and_not_drained() {
    Map<String, SlurmNode> nodes = byName(read("sinfo-idle.json"));

    assertThat(nodes).containsOnlyKeys("n1", "n2", "n3", "n4");
    assertThat(nodes.values()).allSatisfy(node -> {
      assertThat(node.state()).isEqualTo(State.IDLE);
      assertThat(node.drained()).isFalse();
      assertThat(node.node().site()).isEqualTo(SITE);
    });
  }

  @Test
  void reads_drained_nodes_with_their_drain_time_and_who_drained_them() {
    Map<String, SlurmNode> nodes = byName(read("sinfo-drained-and-down.json"));

    SlurmNode byKelvin = nodes.get("n1");
    assertThat(byKelvin.state()).isEqualTo(State.IDLE);
    assertThat(byKelvin.drained()).isTrue();
    assertThat(byKelvin.drainedByKelvin()).isTrue();
    assertThat(byKelvin.reasonChangedAt()).contains(Instant.ofEpochSecond(Recorded.DRAINED_AT));
    assertThat(nodes.get("n2").drained()).isTrue();
    assertThat(nodes.get("n2").drainedByKelvin()).isFalse();
  }

  @Test
  void reads_a_node_set_down_as_down_and_an_allocated_node_as_busy() {
    Map<String, SlurmNode> nodes = byName(read("sinfo-drained-and-down.json"));

    assertThat(nodes.get("n3").state()).isEqualTo(State.DOWN);
    assertThat(nodes.get("n3").reason()).isEqualTo("bad dimm");
    assertThat(nodes.get("n4").state()).isEqualTo(State.BUSY);
  }

  @Test
  void reads_a_node_that_does_not_respond_as_down_before_and_after_slurm_marks_it_down() {
    assertThat(byName(read("sinfo-not-responding.json")).get("n4").state())
        .isEqualTo(State.DOWN);
    assertThat(byName(read("sinfo-down-not-responding.json")).get("n4").state())
        .isEqualTo(State.DOWN);
  }

  @Test
  void reads_a_draining_node_as_busy_and_drained() {
    SlurmNode draining = byName(read("sinfo-draining.json")).get("n2");

    assertThat(draining.state()).isEqualTo(State.BUSY);
    assertThat(draining.drained()).isTrue();
    assertThat(draining.drainedByKelvin()).isFalse();
  }

  @Test
  void reads_power_saving_flags_as_suspended_and_booting_even_when_not_responding() {
    SlurmNode off = byName(oneNode("\"name\":\"n1\",\"state\":\"idle\",\"state_flags\":"
        + "[\"POWERED_DOWN\",\"NOT_RESPONDING\"]")).get("n1");
    SlurmNode booting = byName(oneNode("\"name\":\"n1\",\"state\":\"idle\",\"state_flags\":"
        + "[\"POWERING_UP\"]")).get("n1");

    assertThat(off.state()).isEqualTo(State.SUSPENDED);
    assertThat(booting.state()).isEqualTo(State.BOOTING);
  }

  @Test
  void leaves_out_future_nodes() {
    assertThat(SlurmNodes.parse(oneNode("\"name\":\"n9\",\"state\":\"future\""), SITE)
        .records()).isEmpty();
  }

  @Test
  void counts_and_skips_a_node_in_an_unknown_state_and_keeps_the_others() {
    String json = read("sinfo-idle.json").replaceFirst("\"state\": \"idle\"",
        "\"state\": \"unknown\"");

    Parsed<SlurmNode> parsed = SlurmNodes.parse(json, SITE);

    assertThat(parsed.records()).hasSize(3);
    assertThat(parsed.rejects()).containsEntry(SlurmReject.UNKNOWN_STATE, 1);
    assertThat(parsed.messages().get(0)).contains("node n1", "field 'state'", "'unknown'",
        "not registered");
  }

  @Test
  void counts_and_skips_a_node_whose_name_is_not_a_valid_kelvin_node_name() {
    Parsed<SlurmNode> parsed = SlurmNodes.parse(oneNode("\"name\":\"n 1/x\",\"state\":\"idle\""),
        SITE);

    assertThat(parsed.records()).isEmpty();
    assertThat(parsed.rejects()).containsEntry(SlurmReject.BAD_NODE_NAME, 1);
    assertThat(parsed.messages().get(0)).contains("'n 1/x'", "not a valid name");
  }

  @Test
  void counts_and_skips_a_node_without_a_state_naming_the_field() {
    Parsed<SlurmNode> parsed = SlurmNodes.parse(oneNode("\"name\":\"n1\""), SITE);

    assertThat(parsed.rejects()).containsEntry(SlurmReject.MISSING_FIELD, 1);
    assertThat(parsed.messages().get(0)).contains("node n1", "field 'state' is missing",
        "22.05");
  }

  @Test
  void refuses_an_answer_that_is_not_json_or_has_no_node_list() {
    assertThatThrownBy(() -> SlurmNodes.parse("sinfo: error: Unable to contact slurm", SITE))
        .isInstanceOf(SlurmQueryException.class).hasMessageContaining("no valid JSON");
    assertThatThrownBy(() -> SlurmNodes.parse("{\"meta\":{},\"errors\":[]}", SITE))
        .isInstanceOf(SlurmQueryException.class).hasMessageContaining("no 'nodes' list");
    assertThatThrownBy(() -> SlurmNodes.parse("{\"errors\":[{\"error\":\"x\"}],\"nodes\":[]}",
        SITE)).isInstanceOf(SlurmQueryException.class).hasMessageContaining("reported errors");
  }

  @Test
  void keeps_a_node_listed_once_per_partition_once() {
    String node = "{\"name\":\"n1\",\"state\":\"idle\"}";
    Parsed<SlurmNode> parsed = SlurmNodes.parse("{\"nodes\":[" + node + "," + node + "]}",
        SITE);

    assertThat(parsed.records()).extracting(SlurmNode::node)
        .containsExactly(new NodeId(SITE, "n1"));
    assertThat(parsed.records().get(0).reasonChangedAt()).isEqualTo(Optional.empty());
  }
}
