package dev.kelvin.mqtt.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The access model as Mosquitto's acl_file. */
class MosquittoAclTest {
  @Test
  void renders_a_user_block_per_identity_with_write_and_read_lines() {
    String acl = MosquittoAcl.render(List.of(
        new Identity("kelvin-controller", new Role.Controller()),
        new Identity("agent-n01", new Role.Agent(NodeId.of("site-a", "n01")))),
        new AccessModel(Topics.defaults()));

    assertThat(acl).contains("""
        user kelvin-controller
        topic write kelvin/v1/+/node/+/cmd
        topic write kelvin/v1/controller/status
        topic read kelvin/v1/+/node/+/telemetry
        """).contains("""
        user agent-n01
        topic write kelvin/v1/site-a/node/n01/telemetry
        topic write kelvin/v1/site-a/node/n01/status
        topic write kelvin/v1/site-a/node/n01/cmd/ack
        topic read kelvin/v1/site-a/node/n01/cmd
        """);
  }
}
