package dev.kelvin.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The action type names are a contract with every audit file ever written and every API
 * client: this test pins them, so that renaming a class or an enum constant cannot change
 * what is written, and old files (which named the class) still read.
 */
class ActionTypeTest {
  private static final Map<String, String> PINNED = Map.ofEntries(
      Map.entry("set_cpu_freq_cap", "SetCpuFrequencyCap"),
      Map.entry("set_gpu_power_limit", "SetGpuPowerLimit"),
      Map.entry("set_node_power_cap", "SetNodePowerCap"), Map.entry("drain_node", "DrainNode"),
      Map.entry("resume_node", "ResumeNode"), Map.entry("suspend_node", "SuspendNode"),
      Map.entry("wake_node", "WakeNode"), Map.entry("migrate_job", "MigrateJob"),
      Map.entry("hold_job", "HoldJob"), Map.entry("release_job", "ReleaseJob"),
      Map.entry("failover_site", "FailoverSite"), Map.entry("notify", "Notify"));

  @Test
  void every_type_has_its_pinned_wire_name() {
    assertThat(Arrays.stream(ActionType.values()).map(ActionType::wireName))
        .containsExactlyInAnyOrderElementsOf(PINNED.keySet());
  }

  @Test
  void old_audit_files_name_types_by_class_and_still_read() {
    PINNED.forEach((wire, legacy) -> {
      assertThat(ActionType.fromName(legacy)).as(legacy).isPresent();
      assertThat(ActionType.fromName(legacy)).isEqualTo(ActionType.fromName(wire));
    });
    assertThat(ActionType.fromName("SetCpuCap")).isEmpty();
  }

  @Test
  void each_action_class_reports_the_type_of_its_kind() {
    for (Class<?> kind : Action.class.getPermittedSubclasses()) {
      for (Class<?> leaf : leaves(kind)) {
        assertThat(ActionType.fromName(leaf.getSimpleName())).as(leaf.getSimpleName())
            .isPresent();
      }
    }
  }

  private static java.util.List<Class<?>> leaves(Class<?> kind) {
    if (!kind.isSealed()) {
      return java.util.List.of(kind);
    }
    return Arrays.stream(kind.getPermittedSubclasses()).flatMap(c -> leaves(c).stream())
        .toList();
  }
}
