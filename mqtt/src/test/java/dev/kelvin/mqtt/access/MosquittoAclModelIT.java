package dev.kelvin.mqtt.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.testkit.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ACL the test Mosquitto runs with holds exactly what {@link MosquittoAcl} renders for the
 * access model's test identities, so the integration tests that attack it test the documented
 * model, not a hand-written look-alike.
 */
class MosquittoAclModelIT {
  @Test
  void the_test_brokers_acl_is_the_rendered_access_model() throws Exception {
    List<Identity> identities = List.of(
        new Identity(TestServices.modelUsername("controller"), new Role.Controller()),
        new Identity(TestServices.modelUsername("agent-n01"),
            new Role.Agent(NodeId.of("site-a", "n01"))),
        new Identity(TestServices.modelUsername("agent-n02"),
            new Role.Agent(NodeId.of("site-a", "n02"))),
        new Identity(TestServices.modelUsername("watch"), new Role.Watcher()));
    String rendered = MosquittoAcl.render(identities,
        new AccessModel(TestServices.modelTopics()));
    String body = rendered.substring(rendered.indexOf("\nuser "));

    String live = Files.readString(Path.of(TestServices.required("KELVIN_IT_MQTT_ACL_FILE")));

    assertThat(live).contains(body);
  }
}
