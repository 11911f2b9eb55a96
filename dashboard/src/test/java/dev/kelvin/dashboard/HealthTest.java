package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.dashboard.Health.Component;
import dev.kelvin.dashboard.Health.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {

  @Test
  void overall_status_is_the_worst_component_status() {
    Map<String, Component> components = new LinkedHashMap<>();
    components.put("broker", new Component(Status.UP, "connected"));
    components.put("store", new Component(Status.DEGRADED, "spooling"));

    assertThat(Health.of(components).status()).isEqualTo(Status.DEGRADED);

    components.put("loop", new Component(Status.DOWN, "no tick for 60 s"));
    assertThat(Health.of(components).status()).isEqualTo(Status.DOWN);
  }

  @Test
  void no_components_is_up_and_components_keep_their_order() {
    assertThat(Health.of(Map.of()).status()).isEqualTo(Status.UP);
    Map<String, Component> components = new LinkedHashMap<>();
    components.put("zeta", new Component(Status.UP, ""));
    components.put("alpha", new Component(Status.UP, ""));

    assertThat(Health.of(components).components().keySet()).containsExactly("zeta", "alpha");
  }
}
